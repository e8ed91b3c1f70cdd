// The contest's public figures: only years whose results are published, entries that were
// submitted and not withdrawn, prizes as the results pages show them; the CSV download says the
// same, in the language asked for. Expected counts are worked out here from the rows the test writes.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { DEMO_RESULTS_YEAR, DEMO_WINNERS } from "@/lib/db/demo";
import { contests, entries, prizes, users } from "@/lib/db/schema";
import { publishedContestFigures } from "@/lib/db/queries/statistics";
import { CATEGORY_CODES } from "@/lib/contest/vocabulary";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";

describe.each(databaseKinds)("contest statistics (%s)", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let year2025: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await seedDemo(db, "mat-khau-demo-du-dai", new Date("2026-04-01T03:00:00Z"));
    year2025 = (await db.select({ id: contests.id }).from(contests).where(eq(contests.year, DEMO_RESULTS_YEAR)))[0]!.id;
    // Beside the published winners: an ineligible entry (received, no prize), a withdrawn one
    // that still holds a prize row, and a draft, all in print.
    const [owner] = await db.select({ id: users.id }).from(users).limit(1);
    const base = { contestId: year2025, ownerId: owner!.id, category: "print" as const, summary: "Tóm tắt", outlet: "Báo Thử", length: 1000 };
    await db.insert(entries).values([
      { ...base, title: "Bài không hợp lệ", status: "submitted", eligibility: "ineligible", code: "BC2025-0101" },
      { ...base, title: "Bài đã rút", status: "withdrawn", eligibility: "eligible", code: "BC2025-0102" },
      { ...base, title: "Bài nháp", status: "draft" },
    ]);
    const [withdrawn] = await db.select({ id: entries.id }).from(entries).where(and(eq(entries.contestId, year2025), eq(entries.code, "BC2025-0102")));
    await db.insert(prizes).values({ contestId: year2025, entryId: withdrawn!.id, tier: "C" });
  }, 120_000);

  afterAll(async () => {
    await database?.dispose();
  });

  /** What the 2025 figures must be: the demo's winners (one entry and one prize each), plus the ineligible print entry. */
  function expected2025() {
    return CATEGORY_CODES.map((code) => {
      const winners = DEMO_WINNERS.filter((w) => w.category === code);
      return { code, entries: winners.length + (code === "print" ? 1 : 0), prizes: winners.length, tiers: winners.map((w) => w.tier).sort() };
    });
  }

  it("counts only years whose results are published", async () => {
    const figures = await publishedContestFigures(db);
    expect(figures.map((f) => f.year)).toEqual([DEMO_RESULTS_YEAR]);
    const got = figures[0]!.categories.map((c) => ({
      code: c.code,
      entries: c.entries,
      prizes: Object.values(c.prizes).reduce((a, b) => a + b, 0),
      tiers: Object.entries(c.prizes).flatMap(([tier, n]) => Array<string>(n).fill(tier)).sort(),
    }));
    expect(got.sort((a, b) => a.code.localeCompare(b.code))).toEqual(expected2025().sort((a, b) => a.code.localeCompare(b.code)));
  });

  it("serves a published year as CSV in the language asked for, and nothing for another year", async () => {
    const vi = await call("GET", `/api/statistics/contest?year=${DEMO_RESULTS_YEAR}`);
    expect(vi.status).toBe(200);
    expect(vi.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(vi.headers.get("content-disposition")).toBe(`attachment; filename="lan-toa-cuoc-thi-${DEMO_RESULTS_YEAR}.csv"`);
    // Response.text() would drop the byte-order mark that lets Excel read the file as UTF-8.
    const viText = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await vi.response.arrayBuffer());
    expect(viText.startsWith("\uFEFFThể loại,Tác phẩm dự thi,Giải thưởng,Giải A,Giải B,Giải C,Giải Khuyến khích\r\n")).toBe(true);
    const en = await call("GET", `/api/statistics/contest?year=${DEMO_RESULTS_YEAR}&locale=en`);
    const lines = (await en.response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Category,Entries,Prizes,A prizes,B prizes,C prizes,Encouragement prizes");
    expect(lines).toHaveLength(1 + CATEGORY_CODES.length);
    const print = lines.find((l) => l.startsWith("Print"))!.split(",").map((v, i) => (i === 0 ? v : Number(v)));
    const expectedPrint = expected2025().find((c) => c.code === "print")!;
    expect(print.slice(1, 3)).toEqual([expectedPrint.entries, expectedPrint.prizes]);

    expect((await call("GET", "/api/statistics/contest?year=2026")).status).toBe(404);
    expect((await call("GET", "/api/statistics/contest?year=1999")).body.error.code).toBe("validation");
    expect((await call("GET", "/api/statistics/contest?year=2025&locale=fr")).status).toBe(422);
  });

  it("adds a year when its results are published, counting its submitted entries", async () => {
    const [contest2026] = await db.select().from(contests).where(eq(contests.year, 2026));
    const submitted = await db.select({ category: entries.category }).from(entries).where(and(eq(entries.contestId, contest2026!.id), eq(entries.status, "submitted")));
    expect(submitted.length).toBeGreaterThan(0);
    await db.update(contests).set({ resultsPublishedAt: new Date("2026-12-20T02:00:00Z") }).where(eq(contests.id, contest2026!.id));
    try {
      const figures = await publishedContestFigures(db);
      expect(figures.map((f) => f.year)).toEqual([2026, DEMO_RESULTS_YEAR]);
      for (const category of figures[0]!.categories) {
        expect(category.entries, category.code).toBe(submitted.filter((s) => s.category === category.code).length);
        expect(Object.values(category.prizes).every((n) => n === 0), category.code).toBe(true);
      }
      expect((await call("GET", "/api/statistics/contest?year=2026")).status).toBe(200);
    } finally {
      await db.update(contests).set({ resultsPublishedAt: null }).where(eq(contests.id, contest2026!.id));
    }
  });
});

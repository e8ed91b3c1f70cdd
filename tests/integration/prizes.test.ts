// Prizes and publication over a contest judged through the real API, phase by phase: before the
// final round closes, the quotas' proposal and the secretariat's decisions (with reasons,
// audited), publication (once; entrants told; a failed mail never undoes it), and the published
// phase, where the public sees the winners — results, winner pages, preview images, search — and
// nothing else: no juror, no score, no reason, no entry that did not win.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { publishedStories, publishedStorySources } from "@/lib/content/stories";
import { seedContest } from "@/lib/db/seed";
import { auditLog, contests, entries, type User } from "@/lib/db/schema";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { publishedResults, publishedWinner } from "@/lib/db/queries/results";
import { noticesSettled, notifyEntrants } from "@/lib/db/queries/publication";
import { enqueueEntryReindex } from "@/lib/db/queries/outbox";
import { setLogDestination } from "@/lib/log";
import { openClients, type SearchBackend } from "@/lib/search/connection";
import { indexUid } from "@/lib/search/indexer";
import { winnersIndex } from "@/lib/search/settings";
import { syncStoriesIndex } from "@/lib/search/story-index";
import { rebuildWinnersIndex } from "@/lib/search/winner-index";
import { drainOutbox, ensureEntriesIndex, ensureWinnersIndex } from "@/lib/search/outbox";
import { searchWinners, searchWinnersFallback, searchWinnersMeilisearch } from "@/lib/search/winners";
import type { StoryQuery } from "@/lib/search/types";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { form, makeUser, pdf } from "../support/fixtures";
import { closedPort, dropTestIndexes } from "../support/search";

// GET /api/search reads its Meilisearch prefix from the environment when the app's modules load:
// set this file's own before any import runs.
const prefix = vi.hoisted(() => {
  const value = `${process.env.MEILI_INDEX_PREFIX ?? "test_"}prizes_${Math.random().toString(36).slice(2, 8)}_`;
  process.env.MEILI_INDEX_PREFIX = value;
  return value;
});

const OUTLET = "Báo Tuổi Trẻ Thủ Đô";
const JURORS = ["Giám Khảo Ẩn Danh Một", "Giám Khảo Ẩn Danh Hai", "Giám Khảo Ẩn Danh Ba"];
const REASON = "Hội đồng bỏ phiếu kín: 5/7 phiếu";
const DECISION = { confirm: true, decisionNumber: "125/QĐ-BTC", decisionDate: "2026-12-01" };
const CITATION = { vi: "Tác phẩm phát hiện một gương người tốt giữa đời thường, viết chân thực và giàu cảm xúc.", en: "The work finds a good person in everyday life, told truthfully and with feeling." };
// Title -> the sheet every juror gives it: P2 and P3 tie exactly, across the B/encouragement boundary.
const WORKS = {
  P1: { title: "Ánh sáng về bản xa", values: { truthfulness: 28, value: 22, craft: 22, impact: 18 } },
  P2: { title: "Đôi tay hiến đất mở đường", values: { truthfulness: 25, value: 20, craft: 20, impact: 15 } },
  P3: { title: "Cây cầu tre vượt lũ", values: { truthfulness: 25, value: 20, craft: 20, impact: 15 } },
  P4: { title: "Khúc hát lặng lẽ chưa đoạt giải", values: { truthfulness: 20, value: 15, craft: 15, impact: 10 } },
} as const;
type Work = keyof typeof WORKS;
const NOT_WINNING = "Khúc hát lặng lẽ chưa đoạt giải";
const INELIGIBLE = "Bài viết bị loại vì trùng lặp";

function backend(): SearchBackend {
  const host = process.env.MEILI_HOST;
  if (!host) throw new Error("MEILI_HOST is not set: run the search tests through `npm test` (scripts/test.ts starts Meilisearch)");
  return { host, masterKey: process.env.MEILI_MASTER_KEY || undefined, indexPrefix: prefix };
}

/** Text of the .eml files written for an address: headers as written, the body decoded. */
async function mailsTo(email: string): Promise<string[]> {
  const dir = path.join(process.env.DATA_DIR!, "mail");
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(`-${email.replace(/[^a-z0-9@._-]/gi, "_")}.eml`));
  return Promise.all(
    files.map(async (f) => {
      const raw = await readFile(path.join(dir, f), "utf8");
      const split = raw.indexOf("\n\n");
      const head = raw.slice(0, split);
      const body = raw.slice(split + 2);
      if (/content-transfer-encoding: base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")}`;
      const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
      return `${head}\n\n${decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, "%25"))}`;
    }),
  );
}
const resultsMails = async (email: string) => (await mailsTo(email)).filter((m) => m.includes("/ket-qua/"));

describe.each(databaseKinds)("prizes and publication on %s", (kind) => {
  const search = backend();
  let database: TestDatabase;
  let secretariat: User;
  let jurors: User[];
  let authors: User[];
  let bystander: User;
  let contestId: string;
  let year: number;
  let roundId: string;
  const ids = {} as Record<Work | "P5", string>;
  const codes = {} as Record<Work | "P5", string>;
  let draftId: string;

  const drainAll = async () => {
    const { admin } = await openClients(search);
    for (;;) if ((await drainOutbox(database.db, { admin }, { prefix: search.indexPrefix })).claimed === 0) return;
  };
  const q = (text: string, more: Partial<StoryQuery> = {}): StoryQuery => ({ q: text, page: 1, ...more });
  const publicSearch = async (text: string) => {
    const res = await call("GET", `/api/search?q=${encodeURIComponent(text)}`);
    expect(res.status).toBe(200);
    return res.body as { winners: { code: string; title: string; tier: string; urls: { vi: string; en: string } }[]; winnersTotal: number; degraded: boolean };
  };
  const ogImage = async (locale: string, y: number, code: string) => {
    const { GET } = await import("@/app/og/[locale]/results/[year]/[code]/route");
    return GET(new Request(`http://localhost/og/${locale}/results/${y}/${code}`), { params: Promise.resolve({ locale, year: String(y), code }) });
  };
  /** Everything a public response could leak: jurors, scores, reasons, e-mails, entries that did not win. */
  const leaks = (body: unknown) => {
    const text = JSON.stringify(body);
    const planted = [...JURORS, ...jurors.map((j) => j.id), ...authors.map((a) => a.email), NOT_WINNING, INELIGIBLE, REASON, "Sửa theo biên bản"];
    const keys = ["\"mean\"", "\"totals\"", "\"normalised\"", "\"criterionMeans\"", "\"jurors\"", "\"reason\"", "\"email\"", "\"rank\""];
    return [...planted, ...keys].filter((s) => text.includes(s));
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    contestId = await seedContest(database.db, new Date());
    const [contest] = await database.db.select().from(contests).where(eq(contests.id, contestId));
    year = contest!.year;
    secretariat = await makeUser(database.db, "secretariat", "Thư Ký Giải");
    jurors = await Promise.all(JURORS.map((name) => makeUser(database.db, "juror", name)));
    authors = [await makeUser(database.db, "journalist", "Tác Giả Một"), await makeUser(database.db, "journalist", "Tác Giả Hai"), await makeUser(database.db, "journalist", "Tác Giả Ba")];
    bystander = await makeUser(database.db, "journalist", "Người Ngoài Cuộc");
    const owners: Record<Work | "P5", User> = { P1: authors[0]!, P2: authors[0]!, P3: authors[1]!, P4: authors[1]!, P5: authors[2]! };
    const titles: Record<Work | "P5", string> = { P1: WORKS.P1.title, P2: WORKS.P2.title, P3: WORKS.P3.title, P4: WORKS.P4.title, P5: INELIGIBLE };
    for (const key of Object.keys(owners) as (Work | "P5")[]) {
      const owner = owners[key];
      const created = await call("POST", "/api/entries", {
        as: owner.id,
        json: { category: "print", title: titles[key], summary: `Tóm tắt của ${titles[key]}.`, outlet: OUTLET, publishedAt: contest!.publishedFrom, length: 1500, url: `https://example.vn/${key.toLowerCase()}`, storyRef: key === "P1" ? "a02-co-giao-bien-gioi-mu-sang" : "" },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await call("POST", `/api/entries/${created.body.id}/attachments`, { as: owner.id, body: form(pdf()) })).status).toBe(201);
      const submitted = await call("POST", `/api/entries/${created.body.id}/submit`, { as: owner.id });
      expect(submitted.status).toBe(200);
      ids[key] = created.body.id;
      codes[key] = submitted.body.code;
      const decision = key === "P5" ? { decision: "ineligible", reason: "Trùng lặp với tác phẩm đã đoạt giải" } : { decision: "eligible" };
      expect((await call("POST", `/api/admin/entries/${created.body.id}/eligibility`, { as: secretariat.id, json: decision })).status).toBe(200);
    }
    // The third author also has a draft: a draft's owner is not an entrant because of it.
    draftId = (await call("POST", "/api/entries", { as: bystander.id, json: { category: "print", title: "Bản nháp chưa gửi" } })).body.id;

    // The winners index is left to the drain that first carries winners (after publication).
    const { admin } = await openClients(search);
    await ensureEntriesIndex(database.db, admin, search.indexPrefix);
  });
  afterAll(async () => {
    await noticesSettled(contestId);
    await dropTestIndexes(search);
    await database.dispose();
  });

  it("lets only the secretariat near prizes and publication", async () => {
    const routes: [method: "GET" | "POST" | "PUT", path: string, json?: unknown][] = [
      ["GET", "/api/admin/prizes"],
      ["POST", "/api/admin/prizes/proposal", {}],
      ["PUT", `/api/admin/prizes/${ids.P1}`, { tier: "A", reason: REASON }],
      ["PUT", "/api/admin/prizes/quotas", { quotas: { print: { A: 1, B: 1, C: 0, encouragement: 1 } } }],
      ["POST", "/api/admin/publication", DECISION],
      ["GET", "/api/admin/publication/preview"],
      ["PUT", `/api/admin/prizes/${ids.P1}/citation`, CITATION],
    ];
    for (const [method, url, json] of routes) {
      expect((await call(method, url, { json })).status, `${method} ${url} anonymous`).toBe(401);
      expect((await call(method, url, { as: authors[0]!.id, json })).status, `${method} ${url} journalist`).toBe(403);
      expect((await call(method, url, { as: jurors[0]!.id, json })).status, `${method} ${url} juror`).toBe(403);
    }
    const [contest] = await database.db.select().from(contests).where(eq(contests.id, contestId));
    expect(contest!.prizeQuotas).toEqual({});
    expect(contest!.resultsPublishedAt).toBeNull();
  });

  it("before the final round closes: says so plainly, and has nothing to propose or publish", async () => {
    const overview = await call("GET", "/api/admin/prizes", { as: secretariat.id, headers: { "accept-language": "en" } });
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ round: null, categories: [], decisions: [], published: false, notice: { code: "noClosedRound" } });
    expect(overview.body.notice.message).toContain("No judging round has closed yet");

    const unknown = await call("PUT", "/api/admin/prizes/quotas", { as: secretariat.id, json: { quotas: { poetry: { A: 1, B: 0, C: 0, encouragement: 0 } } } });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.body.error.fields)).toEqual(["quotas.poetry"]);
    expect((await call("PUT", "/api/admin/prizes/quotas", { as: secretariat.id, json: { quotas: { print: { A: -1, B: 0, C: 0, encouragement: 0 } } } })).status).toBe(422);
    const quotas = await call("PUT", "/api/admin/prizes/quotas", { as: secretariat.id, json: { quotas: { print: { A: 1, B: 1, C: 0, encouragement: 1 } } } });
    expect(quotas.status).toBe(200);
    expect(quotas.body.quotas).toEqual({ print: { A: 1, B: 1, C: 0, encouragement: 1 } });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "contest.prizeQuotas"), eq(auditLog.entityId, contestId)));
    expect(audit).toHaveLength(1);

    const proposal = await call("POST", "/api/admin/prizes/proposal", { as: secretariat.id, json: {} });
    expect(proposal.status).toBe(409);
    expect(proposal.body.error.code).toBe("noClosedRound");
    const award = await call("PUT", `/api/admin/prizes/${ids.P1}`, { as: secretariat.id, json: { tier: "A", reason: REASON } });
    expect(award.status).toBe(409);
    const publish = await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION });
    expect(publish.status).toBe(409);
    expect(publish.body.error.code).toBe("notReady");
    expect(publish.body.error.message).toBe("Chưa thể công bố kết quả: còn 2 việc phải làm xong trước.");
    expect(publish.body.error.missing).toEqual([
      { code: "noClosedRound", message: "Chưa có vòng chấm nào đã đóng để xét giải." },
      { code: "prizesMissing", category: "print", message: "Báo in: mới quyết định 0 trên 3 giải theo cơ cấu." },
    ]);
    expect((await call("POST", "/api/admin/publication", { as: secretariat.id, json: { ...DECISION, confirm: false } })).status).toBe(422);
    // The decision's number and date are required.
    const bare = await call("POST", "/api/admin/publication", { as: secretariat.id, json: { confirm: true } });
    expect(bare.status).toBe(422);
    expect(Object.keys(bare.body.error.fields).sort()).toEqual(["decisionDate", "decisionNumber"]);
  });

  it("proposes prizes from the quotas over the final round; a tie across a boundary is marked, never broken", async () => {
    const round = { name: { vi: "Chung khảo", en: "Final" }, scope: { kind: "eligible" }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null };
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: round });
    expect(created.status).toBe(201);
    roundId = created.body.id;
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: jurors.map((j) => ({ jurorId: j.id, panels: [] })) } })).status).toBe(204);
    const assignment = await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id });
    expect(assignment.body.unmet).toEqual([]);
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    for (const juror of jurors) {
      const list = await call("GET", "/api/jury/assignments", { as: juror.id });
      for (const item of list.body.rounds[0]?.items ?? []) {
        const work = Object.values(WORKS).find((w) => w.title === item.entry.title)!;
        const sheet = await call("PUT", `/api/jury/scores/${item.entry.id}`, { as: juror.id, json: { values: work.values, submit: true } });
        expect(sheet.status).toBe(200);
      }
    }
    // An open round is not a final round, and publication waits for it to close.
    expect((await call("GET", "/api/admin/prizes", { as: secretariat.id })).body.round).toBeNull();
    const open = await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION, headers: { "accept-language": "en" } });
    expect(open.status).toBe(409);
    expect(open.body.error.missing[0]).toEqual({ code: "roundNotClosed", roundId, message: "The round “Final” is not closed." });
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "closed", reason: "Hội đồng thống nhất đóng vòng." } })).status).toBe(200);

    const overview = await call("GET", "/api/admin/prizes", { as: secretariat.id });
    expect(overview.body.round).toMatchObject({ id: roundId });
    expect(overview.body.notice).toBeNull();
    const print = overview.body.categories.find((c: { code: string }) => c.code === "print");
    expect(print.quota).toEqual({ A: 1, B: 1, C: 0, encouragement: 1 });
    const byId = new Map(print.ranking.map((r: { entryId: string }) => [r.entryId, r]));
    expect(byId.get(ids.P1)).toMatchObject({ rank: 1, tied: false, proposal: "A", vote: null, prizeEligible: true, decision: null });
    for (const key of ["P2", "P3"] as const) expect(byId.get(ids[key])).toMatchObject({ rank: 2, tied: true, proposal: null, vote: ["B", "encouragement"] });
    expect(byId.get(ids.P4)).toMatchObject({ rank: 4, proposal: null, vote: null });
    // The ineligible entry never entered the round.
    expect(byId.has(ids.P5)).toBe(false);

    const first = await call("POST", "/api/admin/prizes/proposal", { as: secretariat.id, json: {} });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.decisions.map((d: { entryId: string; tier: string }) => [d.entryId, d.tier])).toEqual([[ids.P1, "A"]]);

    // Replacing decisions needs a reason.
    const again = await call("POST", "/api/admin/prizes/proposal", { as: secretariat.id, json: {}, headers: { "accept-language": "en" } });
    expect(again.status).toBe(422);
    expect(again.body.error.fields.reason).toContain("give a reason");
    expect((await call("POST", "/api/admin/prizes/proposal", { as: secretariat.id, json: { reason: "ok" } })).status).toBe(422);
    const replaced = await call("POST", "/api/admin/prizes/proposal", { as: secretariat.id, json: { reason: "Lập lại theo cơ cấu giải mới" } });
    expect(replaced.status).toBe(200);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "prize.propose"), eq(auditLog.entityId, contestId)));
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => (a.before as unknown[]).length).sort()).toEqual([0, 1]);
    expect(JSON.stringify(audit.map((a) => a.after))).toContain("Lập lại theo cơ cấu giải mới");
    expect(JSON.stringify(audit.map((a) => a.after))).toContain('"vote":["B","encouragement"]');
  });

  it("records each decision with its reason, audited with before and after; refuses one without a reason", async () => {
    const put = (key: Work | "P5" | "draft", json: unknown, locale = "vi") => call("PUT", `/api/admin/prizes/${key === "draft" ? draftId : ids[key]}`, { as: secretariat.id, json, headers: { "accept-language": locale } });
    const missing = await put("P2", { tier: "B" }, "en");
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields.reason).toBe("This field is required.");
    expect((await put("P2", { tier: "B", reason: "     " })).status).toBe(422);
    const short = await put("P2", { tier: "B", reason: "ok" }, "en");
    expect(short.status).toBe(422);
    expect(short.body.error.fields.reason).toContain("at least 5 characters");
    expect((await put("P2", { tier: "Z", reason: REASON })).status).toBe(422);

    const awarded = await put("P2", { tier: "B", reason: REASON });
    expect(awarded.status, JSON.stringify(awarded.body)).toBe(200);
    expect(awarded.body).toMatchObject({ entryId: ids.P2, tier: "B", reason: REASON });
    expect((await put("P3", { tier: "C", reason: REASON })).status).toBe(200);
    const changed = await put("P3", { tier: "encouragement", reason: "Sửa theo biên bản họp hội đồng" });
    expect(changed.status).toBe(200);
    const trail = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, "entry"), eq(auditLog.entityId, ids.P3), eq(auditLog.action, "prize.set")));
    expect(trail.map((a) => [a.before, a.after])).toEqual([
      [null, { tier: "C", reason: REASON }],
      [{ tier: "C", reason: REASON }, { tier: "encouragement", reason: "Sửa theo biên bản họp hội đồng" }],
    ]);

    // Refused: an ineligible entry, a draft (not the secretariat's to see), an unknown id.
    const ineligible = await put("P5", { tier: "C", reason: REASON });
    expect(ineligible.status).toBe(409);
    expect(ineligible.body.error.code).toBe("notPrizeEligible");
    expect((await put("draft", { tier: "C", reason: REASON })).status).toBe(404);
    expect((await call("PUT", "/api/admin/prizes/00000000-0000-4000-8000-000000000000", { as: secretariat.id, json: { tier: "C", reason: REASON } })).status).toBe(404);
    expect((await call("PUT", "/api/admin/prizes/not-a-uuid", { as: secretariat.id, json: { tier: "C", reason: REASON } })).status).toBe(404);

    // Award then remove P4: the removal is audited too, and P4 ends without a prize.
    expect((await put("P4", { tier: "C", reason: REASON })).status).toBe(200);
    const removed = await put("P4", { tier: null, reason: "Rút lại theo kết luận hội đồng" });
    expect(removed.status).toBe(200);
    expect(removed.body.tier).toBeNull();
    const removal = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.P4), eq(auditLog.action, "prize.remove")));
    expect(removal[0]!.before).toEqual({ tier: "C", reason: REASON });

    const overview = await call("GET", "/api/admin/prizes", { as: secretariat.id });
    expect(overview.body.decisions.map((d: { entryId: string; tier: string; reason: string }) => [d.entryId, d.tier])).toEqual([
      [ids.P1, "A"],
      [ids.P2, "B"],
      [ids.P3, "encouragement"],
    ]);
    expect(overview.body.decisions.find((d: { entryId: string }) => d.entryId === ids.P2).reason).toBe(REASON);
  });

  it("before publication nothing is public: no results, no winner page or image, no winner in search", async () => {
    await drainAll();
    expect(await publishedResults(database.db, year)).toBeNull();
    expect(await publishedWinner(database.db, year, codes.P1)).toBeNull();
    expect((await ogImage("vi", year, codes.P1)).status).toBe(404);
    expect((await publicSearch(WORKS.P1.title)).winners).toEqual([]);
    expect((await searchWinnersFallback(database.db, q(WORKS.P1.title))).hits).toEqual([]);
    // Drains with decided (unpublished) prizes delete nothing from and create no winners index.
    const { admin } = await openClients(search);
    const { results } = await admin.getRawIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid)).not.toContain(indexUid(search.indexPrefix, winnersIndex.name));
  });

  it("publishes once: refuses stale decisions, sets the date, and a failed mail never undoes it", async () => {
    // A winner found ineligible after the decision blocks publication until the decision changes.
    expect((await call("POST", `/api/admin/entries/${ids.P3}/eligibility`, { as: secretariat.id, json: { decision: "ineligible", reason: "Kiểm tra lại" } })).status).toBe(200);
    const stale = await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("notReady");
    const missing = stale.body.error.missing as { code: string; entryId?: string; message: string }[];
    expect(missing.find((m) => m.code === "decisionNotEligible")).toEqual({ code: "decisionNotEligible", entryId: ids.P3, message: `Tác phẩm ${codes.P3} được trao giải nhưng không còn ở trạng thái đã nộp và hợp lệ.` });
    // Every prize still lacks its citation.
    expect(missing.filter((m) => m.code === "citationMissing").map((m) => m.entryId).sort()).toEqual([ids.P1, ids.P2, ids.P3].sort());
    expect((await call("POST", `/api/admin/entries/${ids.P3}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } })).status).toBe(200);

    // Citations: in both languages, on prizes only, audited.
    const cite = (key: Work, json: unknown) => call("PUT", `/api/admin/prizes/${ids[key]}/citation`, { as: secretariat.id, json });
    expect((await cite("P4", CITATION)).status).toBe(404);
    expect((await cite("P1", { vi: "Chỉ có tiếng Việt" })).status).toBe(422);
    expect((await cite("P1", { ...CITATION, extra: 1 })).status).toBe(422);
    const half = await cite("P1", { vi: CITATION.vi, en: "" });
    expect(half.status).toBe(200);
    const stillMissing = await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION });
    expect(stillMissing.body.error.missing.map((m: { code: string }) => m.code)).toEqual(["citationMissing", "citationMissing", "citationMissing"]);
    for (const key of ["P1", "P2", "P3"] as const) expect((await cite(key, CITATION)).status).toBe(200);
    const citationAudit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "prize.citation"), eq(auditLog.entityId, ids.P1)));
    expect(citationAudit.map((a) => a.after)).toEqual([{ vi: CITATION.vi, en: "" }, CITATION]);

    // The preview: ready, the page as it will be, with the decision typed in and each citation.
    const preview = await call("GET", `/api/admin/publication/preview?decisionNumber=${encodeURIComponent(DECISION.decisionNumber)}&decisionDate=${DECISION.decisionDate}`, { as: secretariat.id });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ ready: true, published: null, missing: [], results: { year, decision: { number: DECISION.decisionNumber, date: DECISION.decisionDate } } });
    expect(preview.body.results.categories[0].prizes.map((p: { entry: { code: string }; tier: string; citation: unknown }) => [p.entry.code, p.tier, p.citation])).toEqual([
      [codes.P1, "A", CITATION],
      [codes.P2, "B", CITATION],
      [codes.P3, "encouragement", CITATION],
    ]);
    expect(leaks(preview.body.results)).toEqual([]);
    expect((await call("GET", "/api/admin/publication/preview?decisionDate=13-05-2026", { as: secretariat.id })).status).toBe(422);
    // Still nothing public.
    expect(await publishedResults(database.db, year)).toBeNull();

    // Mail cannot be written (its folder is a file): publication still goes through.
    const mailDir = path.join(process.env.DATA_DIR!, "mail");
    await mkdir(mailDir, { recursive: true });
    await rename(mailDir, `${mailDir}-aside`);
    await writeFile(mailDir, "not a folder");
    const logged: string[] = [];
    setLogDestination({ write: (line) => logged.push(line) });
    const published = await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ year, decision: { number: DECISION.decisionNumber, date: DECISION.decisionDate }, results: { vi: `/ket-qua/${year}`, en: `/en/results/${year}` } });
    expect(published.body.winners).toEqual([
      { code: codes.P1, tier: "A" },
      { code: codes.P2, tier: "B" },
      { code: codes.P3, tier: "encouragement" },
    ]);
    await noticesSettled(contestId);
    setLogDestination();
    // Each failure is logged, by account id: never the address.
    const failures = logged.filter((line) => line.includes("results notice failed"));
    expect(failures).toHaveLength(3);
    expect(failures.join("")).toContain(authors[0]!.id);
    expect(failures.join("")).not.toContain(authors[0]!.email);
    await rm(mailDir);
    await rename(`${mailDir}-aside`, mailDir);
    const [contest] = await database.db.select().from(contests).where(eq(contests.id, contestId));
    expect(contest!.resultsPublishedAt).not.toBeNull();
    expect(contest).toMatchObject({ decisionNumber: DECISION.decisionNumber, decisionDate: DECISION.decisionDate });
    expect(await publishedResults(database.db, year)).not.toBeNull();
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.action, "results.notify"), eq(auditLog.entityId, contestId)))).toEqual([]);
    const publishAudit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "results.publish"), eq(auditLog.entityId, contestId)));
    expect(publishAudit).toHaveLength(1);

    // The retry is refused, and tells the entrants the failed run could not.
    const retry = await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION, headers: { "accept-language": "en" } });
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe("alreadyPublished");
    expect(retry.body.error.message).toContain(`The ${year} results were already published`);
    await noticesSettled(contestId);

    const [first, second, third] = await Promise.all(authors.map((a) => resultsMails(a.email)));
    expect([first!.length, second!.length, third!.length]).toEqual([1, 1, 1]);
    // Winners are congratulated with their prize and page; the others thanked; all get the results link.
    expect(first![0]).toContain(`Tác phẩm ${codes.P1} “${WORKS.P1.title}” đạt Giải A, thể loại Báo in`);
    expect(first![0]).toContain(`Tác phẩm ${codes.P2} “${WORKS.P2.title}” đạt Giải B`);
    expect(first![0]).toContain(`/ket-qua/${year}/${codes.P1}`);
    expect(first![0]).toContain(`won the A prize in the Print category`);
    expect(second![0]).toContain("Giải Khuyến khích");
    expect(second![0]).toContain(`Tác phẩm ${codes.P4} “${NOT_WINNING}” không nằm trong danh sách đoạt giải`);
    expect(third![0]).toContain("không nằm trong danh sách đoạt giải");
    expect(third![0]).not.toContain("Xin chúc mừng");
    for (const mail of [first!, second!, third!].flat()) expect(mail).toContain(`/ket-qua/${year}`);
    // Not entrants: the owner of a draft only, and the jurors.
    expect(await resultsMails(bystander.email)).toEqual([]);
    expect(await resultsMails(jurors[0]!.email)).toEqual([]);

    // Running the notices again mails nobody twice.
    expect(await notifyEntrants(database.db, contestId, secretariat.id)).toMatchObject({ recipients: 3, sent: 0, alreadyNotified: 3 });
    expect((await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION })).status).toBe(409);
    await noticesSettled(contestId);
    expect((await Promise.all(authors.map((a) => resultsMails(a.email)))).map((m) => m.length)).toEqual([1, 1, 1]);
  });

  it("after publication every prize write is refused with a clear message", async () => {
    const writes: [method: "POST" | "PUT", path: string, json: unknown][] = [
      ["PUT", `/api/admin/prizes/${ids.P4}`, { tier: "C", reason: REASON }],
      ["PUT", `/api/admin/prizes/${ids.P1}`, { tier: null, reason: REASON }],
      ["POST", "/api/admin/prizes/proposal", { reason: REASON }],
      ["PUT", "/api/admin/prizes/quotas", { quotas: { print: { A: 2, B: 0, C: 0, encouragement: 0 } } }],
      ["PUT", `/api/admin/prizes/${ids.P1}/citation`, CITATION],
    ];
    for (const [method, url, json] of writes) {
      const res = await call(method, url, { as: secretariat.id, json, headers: { "accept-language": "en" } });
      expect(res.status, `${method} ${url}`).toBe(409);
      expect(res.body.error).toMatchObject({ code: "resultsPublished" });
      expect(res.body.error.message).toBe(`The ${year} results have been published: prizes and quotas can no longer be changed.`);
    }
    const overview = await call("GET", "/api/admin/prizes", { as: secretariat.id });
    expect(overview.body.published).toBe(true);
    expect(overview.body.decisions).toHaveLength(3);
  });

  it("published: the public sees the winners, in results, pages, images and search, and nothing else", async () => {
    const results = await publishedResults(database.db, year);
    const listed = results!.categories.flatMap((c) => c.prizes.map((p) => [p.entry.code, p.tier]));
    expect(listed).toEqual([
      [codes.P1, "A"],
      [codes.P2, "B"],
      [codes.P3, "encouragement"],
    ]);
    expect(leaks(results)).toEqual([]);

    const page = await publishedWinner(database.db, year, codes.P1);
    expect(page).toMatchObject({ year, tier: "A", category: { code: "print", name: { vi: "Báo in", en: "Print" } }, entry: { code: codes.P1, title: WORKS.P1.title, outlet: OUTLET, url: "https://example.vn/p1", storyRef: "a02-co-giao-bien-gioi-mu-sang" } });
    expect(page!.authors).toEqual([{ name: "Tác Giả Một", penName: "" }]);
    expect(page).toMatchObject({ citation: CITATION, decision: { number: DECISION.decisionNumber, date: DECISION.decisionDate }, files: [] });
    expect(leaks(page)).toEqual([]);
    // Not winners: no page, no image, whatever is asked.
    for (const code of [codes.P4, codes.P5, "BC0000-0000"]) expect(await publishedWinner(database.db, year, code)).toBeNull();
    expect(await publishedWinner(database.db, year + 1, codes.P1)).toBeNull();
    expect((await ogImage("vi", year, codes.P4)).status).toBe(404);
    expect((await ogImage("fr", year, codes.P1)).status).toBe(404);
    const image = await ogImage("vi", year, codes.P1);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(5_000);

    // Search, once the outbox has drained: Meilisearch, the API and the database fallback agree.
    await drainAll();
    const { admin } = await openClients(search);
    // Created by the drain with its settings, not bare by Meilisearch.
    expect((await admin.index(indexUid(search.indexPrefix, winnersIndex.name)).getSettings()).filterableAttributes).toEqual(["year"]);
    const docs = (await admin.index(indexUid(search.indexPrefix, winnersIndex.name)).getDocuments({ limit: 100 })).results;
    expect(docs.map((d) => d.code).sort()).toEqual([codes.P1, codes.P2, codes.P3].sort());
    expect(leaks(docs)).toEqual([]);
    // Exactly what the results page shows (the id is the entry's, for replacing documents; never returned by a search).
    for (const doc of docs) expect(Object.keys(doc).sort()).toEqual(["authorNames", "category", "categoryNames", "code", "id", "outlet", "penNames", "prizeNames", "summary", "tier", "title", "year"]);

    const byTitle = await publicSearch("anh sang ve ban xa");
    expect(byTitle.winners.map((w) => w.code)).toEqual([codes.P1]);
    expect(byTitle.winners[0]).toMatchObject({ tier: "A", urls: { vi: `/ket-qua/${year}/${codes.P1}`, en: `/en/results/${year}/${codes.P1}` } });
    expect(byTitle.winners[0]!.title).toContain("<mark>");
    const byPrize = await publicSearch(`giải khuyến khích ${year}`);
    expect(byPrize.winners.map((w) => w.code)).toEqual([codes.P3]);
    const byAuthor = await publicSearch("tac gia mot");
    expect(byAuthor.winners.map((w) => w.code).sort()).toEqual([codes.P1, codes.P2].sort());
    const byOutlet = await searchWinnersMeilisearch(search, q("Tuoi Tre Thu Do", { year }));
    expect(byOutlet.total).toBe(3);
    expect((await searchWinnersMeilisearch(search, q("Tuoi Tre Thu Do", { year: year - 1 }))).total).toBe(0);
    // Story-only filters and later pages carry no winners.
    expect((await searchWinnersMeilisearch(search, q("Tuoi Tre Thu Do", { movement: "xa-hoi-hoc-tap" }))).hits).toEqual([]);

    // The words of the entry that did not win, of the ineligible one, of the jurors and reasons find nothing.
    for (const text of [NOT_WINNING, INELIGIBLE, JURORS[0]!, REASON]) {
      const res = await publicSearch(text);
      expect(res.winners, text).toEqual([]);
      // The response echoes the reader's own words back (query.q): everything else must be clean.
      expect(leaks({ ...res, query: undefined }), text).toEqual([]);
    }
    for (const text of ["anh sang ve ban xa", `giải khuyến khích ${year}`, "tac gia mot"]) expect(leaks(await publicSearch(text)), text).toEqual([]);

    // Meilisearch down: the database answers under the same rule, and says so.
    const down: SearchBackend = { ...search, host: `http://127.0.0.1:${await closedPort()}` };
    const fallback = await searchWinners(q("anh sang ve ban xa"), down);
    expect(fallback.degraded).toBe(true);
    expect(fallback.hits.map((h) => h.code)).toEqual([codes.P1]);
    expect(fallback.hits[0]!.title).toContain("<mark>");
    expect((await searchWinners(q(`giải khuyến khích ${year}`), down)).hits.map((h) => h.code)).toEqual([codes.P3]);
    for (const text of [NOT_WINNING, INELIGIBLE, JURORS[0]!, REASON]) {
      const res = await searchWinners(q(text), down);
      expect(res.hits, text).toEqual([]);
    }
    expect(leaks(fallback)).toEqual([]);
  });

  it("winners survive a stories rebuild, a winners rebuild and a lost index", async () => {
    const { admin } = await openClients(search);
    await syncStoriesIndex(admin, { prefix: search.indexPrefix, stories: publishedStorySources() });
    expect((await searchWinnersMeilisearch(search, q("anh sang ve ban xa"))).hits.map((h) => h.code)).toEqual([codes.P1]);
    const rebuilt = await rebuildWinnersIndex(admin, { prefix: search.indexPrefix, db: database.db });
    expect(rebuilt.documents).toBe(3);
    await drainAll();
    expect((await publicSearch("anh sang ve ban xa")).winners.map((w) => w.code)).toEqual([codes.P1]);
    // A Meilisearch that lost the index: the drainer's start rebuilds it from the published prizes.
    await admin.deleteIndex(indexUid(search.indexPrefix, winnersIndex.name)).waitTask();
    expect((await publicSearch("anh sang ve ban xa")).winners).toEqual([]);
    expect(await ensureWinnersIndex(database.db, admin, search.indexPrefix)).toBe("rebuilt");
    expect((await searchWinnersMeilisearch(search, q("cay cau tre"))).hits.map((h) => h.code)).toEqual([codes.P3]);
    // A winner withdrawn from the public (found ineligible later) leaves the index at the next drain.
    await database.db.update(entries).set({ eligibility: "ineligible" }).where(eq(entries.id, ids.P2));
    await enqueueEntryReindex(database.db, [ids.P2]);
    await drainAll();
    expect((await searchWinnersMeilisearch(search, q("doi tay hien dat"))).hits).toEqual([]);
    expect(await publishedWinner(database.db, year, codes.P2)).toBeNull();
    await database.db.update(entries).set({ eligibility: "eligible" }).where(eq(entries.id, ids.P2));
  });
});

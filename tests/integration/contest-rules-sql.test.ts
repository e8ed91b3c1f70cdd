// The rules lib/contest writes as data must select in SQL exactly the rows their in-memory
// predicates accept: every combination of entry status, eligibility, code and publication is
// stored with a prize, then read back through the drizzle conditions and through the predicates.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { isPrizeEligible, isPublicWinner } from "@/lib/contest/prizes";
import { COAUTHOR_STATUSES, ELIGIBILITY, ENTRY_STATUSES } from "@/lib/contest/vocabulary";
import { countsTowardLimit } from "@/lib/contest/coauthors";
import { countsTowardLimitWhere, prizeEligibleWhere, publicWinnerWhere } from "@/lib/db/conditions";
import { contests, entries, entryAuthors, prizes } from "@/lib/db/schema";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { makeUser } from "../support/fixtures";

describe.each(databaseKinds)("contest rules in SQL on %s", (kind) => {
  let database: TestDatabase;
  const contestIds: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { db } = database;
    const owner = await makeUser(db);
    let n = 0;
    for (const [year, published] of [
      [2101, new Date("2101-12-20T03:00:00Z")],
      [2102, null],
    ] as const) {
      const [contest] = await db
        .insert(contests)
        .values({
          year,
          title: { vi: `Cuộc thi ${year}`, en: `Contest ${year}` },
          rules: { vi: "", en: "" },
          submissionOpensAt: new Date(`${year}-01-01T00:00:00Z`),
          submissionClosesAt: new Date(`${year}-10-01T00:00:00Z`),
          publishedFrom: `${year - 1}-10-01`,
          publishedTo: `${year}-09-30`,
          entryLimitPerAuthor: 3,
          resultsPublishedAt: published,
        })
        .returning();
      contestIds.push(contest!.id);
      for (const status of ENTRY_STATUSES) {
        for (const eligibility of [...ELIGIBILITY, null]) {
          for (const withCode of [true, false]) {
            n++;
            const [entry] = await db
              .insert(entries)
              .values({ contestId: contest!.id, ownerId: owner.id, category: "print", status, eligibility, code: withCode ? `RULE${year}-${String(n).padStart(4, "0")}` : null, title: `${status} ${eligibility} ${withCode}` })
              .returning();
            await db.insert(prizes).values({ contestId: contest!.id, entryId: entry!.id, tier: "A" });
          }
        }
      }
    }
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it("selects the public winners isPublicWinner accepts, and only those", async () => {
    const { db } = database;
    const rows = await db
      .select({ id: entries.id, status: entries.status, eligibility: entries.eligibility, code: entries.code, resultsPublishedAt: contests.resultsPublishedAt })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .innerJoin(contests, eq(contests.id, prizes.contestId))
      .where(inArray(prizes.contestId, contestIds));
    expect(rows).toHaveLength(2 * 3 * 3 * 2);
    const inSql = await db
      .select({ id: entries.id })
      .from(prizes)
      .innerJoin(entries, eq(entries.id, prizes.entryId))
      .innerJoin(contests, eq(contests.id, prizes.contestId))
      .where(and(inArray(prizes.contestId, contestIds), publicWinnerWhere(contests, entries)));
    const inMemory = rows.filter(isPublicWinner).map((r) => r.id);
    expect(inMemory).toHaveLength(1);
    expect(inSql.map((r) => r.id).sort()).toEqual(inMemory.sort());
  });

  it("selects the prize-eligible entries isPrizeEligible accepts, and only those", async () => {
    const { db } = database;
    const rows = await db.select({ id: entries.id, status: entries.status, eligibility: entries.eligibility }).from(entries).where(inArray(entries.contestId, contestIds));
    const inSql = await db
      .select({ id: entries.id })
      .from(entries)
      .where(and(inArray(entries.contestId, contestIds), prizeEligibleWhere(entries)));
    const inMemory = rows.filter(isPrizeEligible).map((r) => r.id);
    expect(inMemory).toHaveLength(2 * 2);
    expect(inSql.map((r) => r.id).sort()).toEqual(inMemory.sort());
  });

  it("counts toward the entry limit the co-authorships countsTowardLimit accepts, and only those", async () => {
    const { db } = database;
    const [entry] = await db.select({ id: entries.id }).from(entries).where(inArray(entries.contestId, contestIds)).limit(1);
    const coauthor = await makeUser(db);
    await db.insert(entryAuthors).values(COAUTHOR_STATUSES.map((status, i) => ({ entryId: entry!.id, position: i + 1, name: status, userId: coauthor.id, status })));
    const rows = await db.select({ id: entryAuthors.id, status: entryAuthors.status }).from(entryAuthors).where(eq(entryAuthors.entryId, entry!.id));
    const inSql = await db.select({ id: entryAuthors.id }).from(entryAuthors).where(and(eq(entryAuthors.entryId, entry!.id), countsTowardLimitWhere(entryAuthors)));
    const inMemory = rows.filter(countsTowardLimit).map((r) => r.id);
    expect(inMemory).toHaveLength(1);
    expect(inSql.map((r) => r.id).sort()).toEqual(inMemory.sort());
  });
});

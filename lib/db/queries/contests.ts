import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { contestCategories, contests, type Contest, type ContestCategory } from "../schema";
import { AppError } from "@/lib/errors";

export type ContestWithCategories = Contest & { categories: ContestCategory[] };

/** The contest journalists submit to now: the latest year. */
export async function findCurrentContest(db: Db): Promise<ContestWithCategories | null> {
  const [contest] = await db.select().from(contests).orderBy(desc(contests.year)).limit(1);
  if (!contest) return null;
  return { ...contest, categories: await categoriesOf(db, contest.id) };
}

export async function getCurrentContest(db: Db): Promise<ContestWithCategories> {
  const contest = await findCurrentContest(db);
  if (!contest) throw new AppError(404, "noContest");
  return contest;
}

export async function getContest(db: Db, id: string): Promise<ContestWithCategories> {
  const [contest] = await db.select().from(contests).where(eq(contests.id, id));
  if (!contest) throw new AppError(404, "noContest");
  return { ...contest, categories: await categoriesOf(db, contest.id) };
}

function categoriesOf(db: Db, contestId: string) {
  return db.select().from(contestCategories).where(eq(contestCategories.contestId, contestId)).orderBy(asc(contestCategories.position));
}

/** The public JSON of a contest (GET /api/contests/current). */
export function contestJson(contest: ContestWithCategories) {
  return {
    id: contest.id,
    year: contest.year,
    title: contest.title,
    rules: contest.rules,
    submission: { opensAt: contest.submissionOpensAt.toISOString(), closesAt: contest.submissionClosesAt.toISOString(), timeZone: "Asia/Ho_Chi_Minh" },
    publication: { from: contest.publishedFrom, to: contest.publishedTo },
    entryLimitPerAuthor: contest.entryLimitPerAuthor,
    excludedRoles: contest.excludedRoles,
    categories: contest.categories.map((c) => ({
      code: c.code,
      name: c.name,
      unit: c.unit,
      maxLength: c.maxLength,
      maxParts: c.maxParts,
      acceptedTypes: c.acceptedTypes,
      maxFileBytes: c.maxFileBytes,
      maxFiles: c.maxFiles,
      requiresUrl: c.requiresUrl,
    })),
  };
}
export type ContestJson = ReturnType<typeof contestJson>;

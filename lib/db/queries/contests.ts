import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { contestCategories, contests, type CategoryCode, type Contest, type ContestCategory, type LocalizedText } from "../schema";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./errors";
import { AppError } from "@/lib/errors";
import { STANDARD_CATEGORIES, STANDARD_RULES, contestTitle } from "@/lib/contest/defaults";

export type ContestWithCategories = Contest & { categories: ContestCategory[] };

/** The contest journalists submit to now: the latest year. */
export async function findCurrentContest(db: Db): Promise<ContestWithCategories | null> {
  const [contest] = await db.select().from(contests).orderBy(desc(contests.year)).limit(1);
  if (!contest) return null;
  return { ...contest, categories: await categoriesOf(db, contest.id) };
}

/** Every year's contest, newest first. */
export async function listContests(db: Db): Promise<ContestWithCategories[]> {
  const rows = await db.select().from(contests).orderBy(desc(contests.year));
  return Promise.all(rows.map(async (c) => ({ ...c, categories: await categoriesOf(db, c.id) })));
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

export type NewContest = {
  year: number;
  title?: LocalizedText;
  rules?: LocalizedText;
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  publishedFrom: string;
  publishedTo: string;
  entryLimitPerAuthor: number;
  /** Which of the standard categories the year runs (all of them when omitted). */
  categories?: CategoryCode[];
};

/** A year's contest with the standard categories and rules; one per year (409 otherwise). */
export async function createContest(db: Db, actorId: string | null, input: NewContest): Promise<ContestWithCategories> {
  const chosen = STANDARD_CATEGORIES.filter((c) => !input.categories || input.categories.includes(c.code));
  try {
    return await db.transaction(async (tx) => {
      const [contest] = await tx
        .insert(contests)
        .values({
          year: input.year,
          title: input.title ?? contestTitle(input.year),
          rules: input.rules ?? STANDARD_RULES,
          submissionOpensAt: input.submissionOpensAt,
          submissionClosesAt: input.submissionClosesAt,
          publishedFrom: input.publishedFrom,
          publishedTo: input.publishedTo,
          entryLimitPerAuthor: input.entryLimitPerAuthor,
          excludedRoles: ["juror", "secretariat"],
        })
        .returning();
      const categories = await tx
        .insert(contestCategories)
        .values(chosen.map((c, position) => ({ ...c, requiresUrl: c.requiresUrl ?? false, position, contestId: contest!.id, maxParts: 5 })))
        .returning();
      await recordAudit(tx, { actorId, action: "contest.create", entity: "contest", entityId: contest!.id, after: { ...contest, categories: chosen } });
      return { ...contest!, categories };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, "contestYearTaken", { year: input.year });
    throw error;
  }
}

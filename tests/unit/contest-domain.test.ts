// The domain's vocabulary and the rules moved into lib/contest: prize eligibility, the public
// winner, the candidate jurors of a manual assignment, and how the rules written as data become
// SQL (lib/db/conditions.ts, rendered here without a database).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { alias, PgDialect } from "drizzle-orm/pg-core";
import { candidateJurors, conflictOf, pairKey, sitsOnPanel, type RoundMember } from "@/lib/contest/assignment";
import { isPrizeEligible, isPublicWinner, meetsAll, PRIZE_ELIGIBLE, PUBLIC_WINNER, type PublicWinnerFacts } from "@/lib/contest/prizes";
import { PRIZE_TIERS as RANKING_TIERS } from "@/lib/contest/ranking";
import { CATEGORY_CODES, categoryCodeSchema, ELIGIBILITY, ENTRY_STATUSES, PRIZE_TIERS, prizeTierSchema, ROLES, roleSchema } from "@/lib/contest/vocabulary";
import { prizeEligibleWhere, publicWinnerWhere, whereAll } from "@/lib/db/conditions";
import * as schema from "@/lib/db/schema";

describe("vocabulary", () => {
  it("is the one definition: the schema and the ranking hand out the same lists", () => {
    expect(schema.ROLES).toBe(ROLES);
    expect(schema.CATEGORY_CODES).toBe(CATEGORY_CODES);
    expect(schema.ENTRY_STATUSES).toBe(ENTRY_STATUSES);
    expect(schema.PRIZE_TIERS).toBe(PRIZE_TIERS);
    expect(RANKING_TIERS).toBe(PRIZE_TIERS);
  });

  it("gives the validators enums of exactly those words", () => {
    for (const role of ROLES) expect(roleSchema.parse(role)).toBe(role);
    for (const code of CATEGORY_CODES) expect(categoryCodeSchema.parse(code)).toBe(code);
    for (const tier of PRIZE_TIERS) expect(prizeTierSchema.parse(tier)).toBe(tier);
    for (const bad of ["", "admin", "Journalist", " juror"]) expect(roleSchema.safeParse(bad).success).toBe(false);
    expect(categoryCodeSchema.safeParse("video").success).toBe(false);
    expect(prizeTierSchema.safeParse("a").success).toBe(false);
  });
});

const statuses = [...ENTRY_STATUSES, "unknown"];
const eligibilities = [...ELIGIBILITY, null];
const factsArb: fc.Arbitrary<PublicWinnerFacts> = fc.record({
  status: fc.constantFrom(...statuses),
  eligibility: fc.constantFrom(...eligibilities),
  code: fc.constantFrom(null, "BC2026-0001"),
  resultsPublishedAt: fc.constantFrom(null, new Date("2026-12-20T03:00:00Z"), "2026-12-20T03:00:00Z"),
});

describe("prize eligibility", () => {
  it("takes a submitted entry found eligible, and nothing else", () => {
    for (const status of statuses) {
      for (const eligibility of eligibilities) {
        expect(isPrizeEligible({ status, eligibility })).toBe(status === "submitted" && eligibility === "eligible");
      }
    }
  });
});

describe("public winner", () => {
  const winner: PublicWinnerFacts = { status: "submitted", eligibility: "eligible", code: "BC2026-0001", resultsPublishedAt: new Date("2026-12-20T03:00:00Z") };

  it("needs published results, a prize-eligible entry and a code", () => {
    expect(isPublicWinner(winner)).toBe(true);
    expect(isPublicWinner({ ...winner, resultsPublishedAt: null })).toBe(false);
    expect(isPublicWinner({ ...winner, status: "withdrawn" })).toBe(false);
    expect(isPublicWinner({ ...winner, eligibility: "ineligible" })).toBe(false);
    expect(isPublicWinner({ ...winner, eligibility: null })).toBe(false);
    expect(isPublicWinner({ ...winner, code: null })).toBe(false);
  });

  it("is prize eligibility and two more conditions, never less", () => {
    expect(PUBLIC_WINNER).toEqual(expect.arrayContaining([...PRIZE_ELIGIBLE]));
    fc.assert(
      fc.property(factsArb, (facts) => {
        const expected = facts.resultsPublishedAt !== null && facts.code !== null && isPrizeEligible(facts);
        expect(isPublicWinner(facts)).toBe(expected);
        if (isPublicWinner(facts)) expect(isPrizeEligible(facts)).toBe(true);
      }),
    );
  });

  it("reads a condition list in memory: equal values, and present means not null", () => {
    expect(meetsAll([], {})).toBe(true);
    expect(meetsAll([{ field: "a", equals: "x" }], { a: "x" })).toBe(true);
    expect(meetsAll([{ field: "a", equals: "x" }], { a: "y" })).toBe(false);
    expect(meetsAll([{ field: "a", present: true }], { a: "" })).toBe(true);
    expect(meetsAll([{ field: "a", present: true }], { a: null })).toBe(false);
    expect(meetsAll([{ field: "a", present: true }], { a: undefined })).toBe(false);
  });
});

describe("the rules in SQL", () => {
  const dialect = new PgDialect();
  const render = (condition: Parameters<PgDialect["sqlToQuery"]>[0]) => dialect.sqlToQuery(condition);

  it("turns the public-winner list into one condition per entry of the list, in its order", () => {
    const query = render(publicWinnerWhere(schema.contests, schema.entries));
    expect(query.sql).toBe('("contests"."results_published_at" is not null and "entries"."status" = $1 and "entries"."eligibility" = $2 and "entries"."code" is not null)');
    expect(query.params).toEqual(["submitted", "eligible"]);
  });

  it("works over aliased tables, as the winners search writes its joins", () => {
    const query = render(publicWinnerWhere(alias(schema.contests, "c"), alias(schema.entries, "e")));
    expect(query.sql).toBe('("c"."results_published_at" is not null and "e"."status" = $1 and "e"."eligibility" = $2 and "e"."code" is not null)');
  });

  it("renders prize eligibility from the same list the predicate reads", () => {
    const query = render(prizeEligibleWhere(schema.entries));
    expect(query.sql).toBe('("entries"."status" = $1 and "entries"."eligibility" = $2)');
    expect(query.params).toEqual(PRIZE_ELIGIBLE.map((c) => c.equals));
    expect(render(whereAll([], {})).sql).toBe("true");
  });
});

describe("candidate jurors", () => {
  const members: (RoundMember & { name: string })[] = [
    { id: "j1", name: "Every panel", panels: [], disabled: false },
    { id: "j2", name: "Print only", panels: ["print"], disabled: false },
    { id: "j3", name: "Radio only", panels: ["radio"], disabled: false },
    { id: "j4", name: "Disabled", panels: [], disabled: true },
    { id: "j5", name: "Conflicted", panels: ["print", "radio"], disabled: false },
    { id: "j6", name: "Already on it", panels: ["print"], disabled: false },
  ];
  const entry = { id: "e1", panel: "print", status: "submitted" } as const;

  it("keeps active members on the entry's panel who are not on it and have no conflict, as they were given", () => {
    const found = candidateJurors(members, entry, new Set([pairKey("j6", "e1"), pairKey("j3", "e2")]), new Set([pairKey("j5", "e1"), pairKey("j2", "e9")]));
    expect(found.map((j) => j.id)).toEqual(["j1", "j2"]);
    expect(found[0]).toBe(members[0]);
  });

  it("offers nobody for an entry that was withdrawn", () => {
    expect(candidateJurors(members, { ...entry, status: "withdrawn" }, new Set(), new Set())).toEqual([]);
  });

  it("offers exactly the jurors that pass every check, whatever the round", () => {
    const memberArb = fc.record({ id: fc.constantFrom("j1", "j2", "j3", "j4"), panels: fc.subarray(["print", "radio", "photo"]), disabled: fc.boolean() });
    const keyArb = fc.tuple(fc.constantFrom("j1", "j2", "j3", "j4"), fc.constantFrom("e1", "e2")).map(([j, e]) => pairKey(j, e));
    fc.assert(
      fc.property(fc.uniqueArray(memberArb, { selector: (m) => m.id }), fc.constantFrom("print", "radio"), fc.array(keyArb), fc.array(keyArb), (list, panel, assigned, conflicted) => {
        const a = new Set(assigned);
        const c = new Set(conflicted);
        const found = new Set(candidateJurors(list, { id: "e1", panel, status: "submitted" }, a, c).map((j) => j.id));
        for (const m of list) {
          const ok = !m.disabled && sitsOnPanel(m, panel) && !a.has(pairKey(m.id, "e1")) && !c.has(pairKey(m.id, "e1"));
          expect(found.has(m.id)).toBe(ok);
        }
      }),
    );
  });

  it("uses the panel rule of the automatic assignment", () => {
    const juror = { id: "j1", panels: ["radio"], outlet: "", coAuthorIds: [] };
    expect(sitsOnPanel(juror, "print")).toBe(false);
    expect(conflictOf(juror, { id: "e1", panel: "radio", outlet: "VOV", authorIds: ["j1"] }, new Set())).toBe("author");
  });
});

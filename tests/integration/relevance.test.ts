import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openClients } from "@/lib/search/connection";
import { rebuildIndex } from "@/lib/search/indexer";
import { storiesIndex } from "@/lib/search/settings";
import { searchStoriesMeilisearch } from "@/lib/search/story-search";
import { JUDGED } from "../relevance/judged";
import { relevanceCorpus } from "../relevance/corpus";
import { resolveKey, scoreSearch, type Scores } from "../relevance/evaluate";
import { dropTestIndexes, testBackend } from "../support/search";

// The judged set (tests/relevance) on a real Meilisearch with the app's settings and queries.
const backend = testBackend();
let scores: Scores;

beforeAll(async () => {
  const { admin } = await openClients(backend);
  const { documents } = await relevanceCorpus();
  await rebuildIndex(admin, { definition: storiesIndex, prefix: backend.indexPrefix, documents });
  scores = await scoreSearch(JUDGED, documents, (query) => searchStoriesMeilisearch(backend, query));
}, 120_000);

afterAll(() => dropTestIndexes(backend));

describe("the judged relevance set", () => {
  it("is at least 80 queries of every kind the issue lists, each naming stories that exist", async () => {
    const { documents } = await relevanceCorpus();
    expect(JUDGED.length).toBeGreaterThanOrEqual(80);
    expect(new Set(JUDGED.map((j) => j.kind))).toEqual(
      new Set(["no-diacritics", "diacritics", "wrong-tone", "sentence", "place", "former-place", "person", "abbreviation", "typo", "english"]),
    );
    for (const j of JUDGED) for (const key of j.relevant) expect(() => resolveKey(key, documents.map((d) => d.id))).not.toThrow();
  });

  it("finds a relevant story in the top 3 for at least 95% of the queries", () => {
    const misses = scores.perQuery.filter((p) => p.rank === undefined || p.rank > 3).map((p) => p.judged.q);
    expect(scores.successAt3, `missed: ${misses.join(" | ")}`).toBeGreaterThanOrEqual(0.95);
    expect(scores.mrr).toBeGreaterThanOrEqual(0.85);
  });

  it("never answers nothing when a relevant story exists", () => {
    expect(scores.perQuery.filter((p) => p.zero).map((p) => p.judged.q)).toEqual([]);
  });

  it("puts only stories of the place named in the query in the top 3", () => {
    expect(scores.perQuery.filter((p) => p.placeOk === false).map((p) => `${p.judged.q}: ${p.top.join(", ")}`)).toEqual([]);
  });

  it("finds what the issue found missing: titles without diacritics, a sentence, a swapped letter, Hà Giang alone", () => {
    const rank = (q: string) => scores.perQuery.find((p) => p.judged.q === q)!.rank;
    expect(rank("qua va que")).toBe(1);
    expect(rank("co giao va hoc tro vung bien gioi")).toBeLessThanOrEqual(3);
    expect(rank("truogn hoc ban tru")).toBeLessThanOrEqual(3);
    const haGiang = scores.perQuery.find((p) => p.judged.q === "ha giang")!;
    expect(haGiang.placeOk).toBe(true);
  });
});

// npm run relevance [-- --variants] – scores the story search on the judged set
// (tests/relevance/judged.ts): success@3, MRR, zero-result rate, place precision, per query kind.
// With --variants, also the settings the relevance tuning compared (matching strategy, typo
// tolerance, stop words), each on a fresh index. Starts its own Meilisearch unless MEILI_HOST is set.
import path from "node:path";
import { parseArgs } from "node:util";
import type { Settings } from "meilisearch";
import { startMeilisearch } from "./meili";
import { openClients, type SearchBackend } from "../lib/search/connection";
import { contentStamp, rebuildIndex } from "../lib/search/indexer";
import { storiesIndex } from "../lib/search/settings";
import { searchStoriesMeilisearch } from "../lib/search/story-search";
import type { SearchOptions } from "../lib/search/story-query";
import { JUDGED } from "../tests/relevance/judged";
import { relevanceCorpus } from "../tests/relevance/corpus";
import { scoreSearch, type Scores } from "../tests/relevance/evaluate";

const { values: args } = parseArgs({ options: { variants: { type: "boolean", default: false }, misses: { type: "boolean", default: false } } });
const root = path.resolve(import.meta.dirname, "..");
const meili = await startMeilisearch({ dataDir: path.join(root, "data/relevance-meili"), log: () => {} });
const { documents } = await relevanceCorpus();

type Variant = { name: string; settings?: Partial<Settings>; options?: SearchOptions };
const VARIANTS: Variant[] = [
  { name: "as configured" },
  ...(args.variants
    ? [
        {
          name: "as before: all, query as typed, no place, stop words with diacritics only, typos from 5",
          options: { matchingStrategy: "all", analysis: false },
          settings: { stopWords: ["và", "của", "các", "những", "the", "of", "and", "for"], typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } } },
        },
        { name: "query as typed, no place recognised", options: { analysis: false } },
        { name: "matchingStrategy all", options: { matchingStrategy: "all" } },
        { name: "matchingStrategy last", options: { matchingStrategy: "last" } },
        { name: "stop words with diacritics only", settings: { stopWords: ["và", "của", "các", "những", "the", "of", "and", "for"] } },
        { name: "no stop words", settings: { stopWords: [] } },
        { name: "typos from 5 letters (one) / 9 (two)", settings: { typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } } } },
        { name: "typos from 4 letters (one) / 7 (two)", settings: { typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 7 } } } },
        { name: "typos from 6 letters (one) / 9 (two)", settings: { typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 6, twoTypos: 9 } } } },
        { name: "typos off", settings: { typoTolerance: { enabled: false } } },
      ] satisfies Variant[]
    : []),
];

const line = (name: string, s: Scores) =>
  `| ${name} | ${s.successAt3.toFixed(3)} | ${s.mrr.toFixed(3)} | ${s.zeroRate.toFixed(3)} | ${s.placePrecision.toFixed(3)} |`;
const rows: string[] = [];
try {
  for (const [i, variant] of VARIANTS.entries()) {
    const backend: SearchBackend = { host: meili.host, masterKey: meili.masterKey, indexPrefix: `relevance_${i}_` };
    const { admin } = await openClients(backend);
    const definition = { ...storiesIndex, settings: { ...storiesIndex.settings, ...variant.settings } };
    await rebuildIndex(admin, { definition, prefix: backend.indexPrefix, documents, stamp: contentStamp(definition, documents) });
    const scores = await scoreSearch(JUDGED, documents, (query) => searchStoriesMeilisearch(backend, query, variant.options));
    rows.push(line(variant.name, scores));
    if (i === 0) {
      const kinds = [...new Set(JUDGED.map((j) => j.kind))];
      console.log(`${scores.queries} judged queries over ${documents.length} stories\n\n| kind | queries | success@3 | MRR | zero |\n| --- | ---: | ---: | ---: | ---: |`);
      for (const kind of kinds) {
        const of = scores.perQuery.filter((p) => p.judged.kind === kind);
        const s3 = of.filter((p) => p.rank !== undefined && p.rank <= 3).length / of.length;
        const mrr = of.reduce((sum, p) => sum + (p.rank ? 1 / p.rank : 0), 0) / of.length;
        console.log(`| ${kind} | ${of.length} | ${s3.toFixed(2)} | ${mrr.toFixed(2)} | ${of.filter((p) => p.zero).length} |`);
      }
      console.log("");
    }
    if (args.misses || i === 0) {
      for (const p of scores.perQuery.filter((p) => p.rank === undefined || p.rank > 3 || p.placeOk === false)) {
        console.log(`  ${variant.name}: "${p.judged.q}" rank ${p.rank ?? "—"}${p.placeOk === false ? " (place missed)" : ""} top ${p.top.join(", ")}`);
      }
    }
    await admin.deleteIndex(`${backend.indexPrefix}stories`).waitTask();
  }
  console.log(`\n| variant | success@3 | MRR | zero-result rate | place precision |\n| --- | ---: | ---: | ---: | ---: |\n${rows.join("\n")}`);
} finally {
  await meili.stop();
}

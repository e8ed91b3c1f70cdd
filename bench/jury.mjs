// The jury's pure functions at contest scale: 5,000 entries in five categories, 60 jurors (a
// panel of 12 per category), 3 jurors per entry, 20 declared conflicts per juror; then every
// assignment scored and the whole round ranked. Prints the median of several runs.
//
// Usage: node bench/jury.mjs [--entries 5000] [--jurors 60] [--runs 5]
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { tsImport } from "tsx/esm/api";
import { juryScenario } from "./lib.mjs";

const { values } = parseArgs({ options: { entries: { type: "string", default: "5000" }, jurors: { type: "string", default: "60" }, runs: { type: "string", default: "5" } } });
const ENTRIES = Number(values.entries);
const JURORS = Number(values.jurors);
const RUNS = Number(values.runs);

const { assignJurors, pairKey } = await tsImport("../lib/contest/assignment.ts", import.meta.url);
const { rankEntries } = await tsImport("../lib/contest/ranking.ts", import.meta.url);
const { DEFAULT_RUBRIC } = await tsImport("../lib/contest/scoring.ts", import.meta.url);

// The same fixed round every run (and the same one bench/export.mjs stores).
const { panels: PANELS, jurors, entries, declared, rand } = juryScenario({ entries: ENTRIES, jurors: JURORS, pairKey });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const assignTimes = [];
let result;
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  result = assignJurors({ entries, jurors, jurorsPerEntry: 3, declared, keep: [] });
  assignTimes.push(performance.now() - start);
}
const loads = Object.values(result.loads);
const perPanel = PANELS.map((p) => {
  const l = jurors.filter((j) => j.panels[0] === p).map((j) => result.loads[j.id]);
  return Math.max(...l) - Math.min(...l);
});

const half = (max) => rand(max * 2 + 1) / 2;
const sheets = result.pairs.map((p) => ({ ...p, values: Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, half(c.maxPoints)])) }));
const rankTimes = [];
let ranked;
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  ranked = rankEntries(entries.map((e) => ({ id: e.id, category: e.panel })), sheets, DEFAULT_RUBRIC, 20);
  rankTimes.push(performance.now() - start);
}

console.log(`entries ${ENTRIES}, jurors ${JURORS}, 3 per entry, ${declared.size} declared conflicts, ${RUNS} runs (median)`);
console.log(`assignment: ${median(assignTimes).toFixed(0)} ms — ${result.pairs.length} assignments, ${result.unmet.length} entries short, loads ${Math.min(...loads)}–${Math.max(...loads)}, widest spread within a panel ${Math.max(...perPanel)}`);
console.log(`ranking: ${median(rankTimes).toFixed(0)} ms — ${sheets.length} score sheets, ${ranked.filter((r) => r.tied).length} tied entries, ${ranked.filter((r) => r.disagreements > 0).length} with disagreement`);

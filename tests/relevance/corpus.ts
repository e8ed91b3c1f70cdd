// The corpus the judged set runs on: the built demo stories, the stories written for the set,
// and 300 synthetic stories from the benchmark's generator (deterministic) as noise.
import { readFileSync } from "node:fs";
import path from "node:path";
import { toStoryDocument, type StoryDocument, type StorySource } from "@/lib/search/documents";
import { JUDGED_STORIES } from "./stories";

export const SYNTHETIC_NOISE = 300;

export async function relevanceCorpus(): Promise<{ sources: StorySource[]; documents: StoryDocument[] }> {
  const built = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../.contentlayer/generated/Story/_index.json"), "utf8")) as StorySource[];
  const { syntheticStories } = (await import("../../bench/search-corpus.mjs")) as { syntheticStories: (n: number, seed?: number) => StorySource[] };
  // Distinct slugs from the benchmark's, so a judged key never names a noise story by accident.
  const noise = syntheticStories(SYNTHETIC_NOISE, 7).map((s) => ({ ...s, slug: `nhieu-${s.slug}` }));
  const sources = [...built, ...JUDGED_STORIES, ...noise];
  return { sources, documents: sources.map(toStoryDocument) };
}

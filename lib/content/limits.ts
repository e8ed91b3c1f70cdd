// How large a story collection the content step takes. contentlayer2 writes every document,
// body included, into one JSON string (.contentlayer/generated/Story/_index.json) and one module
// importing them all; past about 48,000 documents that string is longer than V8 allows and the
// step dies with "RangeError: Invalid string length" after minutes of work (contentlayer issue
// #476). Refused here at once instead, with the figure, below the measured point
// (docs/benchmarks.md, "Building at scale").
import { readdirSync } from "node:fs";
import path from "node:path";

export const MAX_STORY_FILES = 30_000;

/** The .mdx files under a folder, at any depth. */
export function countStoryFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countStoryFiles(path.join(dir, entry.name));
    else if (entry.name.endsWith(".mdx")) count++;
  }
  return count;
}

/** Why a collection of `files` story files cannot be built, or null when it can. */
export function storyCollectionRefusal(files: number, max = MAX_STORY_FILES): string | null {
  if (files <= max) return null;
  return (
    `${files.toLocaleString("en-US")} story files (.mdx, both languages) is more than the ${max.toLocaleString("en-US")} the content step can build: ` +
    `contentlayer2 keeps every story in one JSON file, which Node.js cannot write past about 48,000 stories. ` +
    `Move older stories to an archive collection (LANTOA_CONTENT_DIR) or split the collection.`
  );
}

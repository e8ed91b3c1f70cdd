// How large a story collection the content step takes. contentlayer2 holds every document, body
// included, in memory and writes them into one JSON string (.contentlayer/generated/Story/
// _index.json, 11.7 KB a document). Measured at 13,334 files (10,000 stories, a third translated):
// a 156 MB string and a 2.1 GB peak, growing with the count. Past 25,000 files the step would
// need more than the 4 GB a build may take, and past about 45,000 the string is longer than V8
// allows: the step dies with "RangeError: Invalid string length" after many minutes (contentlayer
// issue #476). Refused here at once instead, naming the limit (docs/benchmarks.md, "Building at
// scale").
import { readdirSync } from "node:fs";
import path from "node:path";

export const MAX_STORY_FILES = 25_000;

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
    `${files.toLocaleString("en-US")} story files (.mdx, both languages) are more than the ${max.toLocaleString("en-US")} the content step builds: ` +
    `contentlayer2 holds every story in memory and in one JSON file, which would take more than 4 GB, and fails outright past about 45,000. ` +
    "Nothing was built; take stories out of content/stories (or LANTOA_CONTENT_DIR) to build."
  );
}

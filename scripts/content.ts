// npm run content: contentlayer2 turns content/stories into .contentlayer/generated (checking every
// story against the schema and lib/content/checks.ts), then the story index the site reads is
// written from it (lib/content/story-store.ts). With `--watch` (npm run dev, beside `contentlayer2
// dev`), it only rewrites the index whenever contentlayer regenerates.
// contentlayer2 runs through its API, not its CLI (lib/content/contentlayer-build.mjs says why).
import { watch } from "node:fs";
import path from "node:path";
import { buildContent } from "../lib/content/contentlayer-build.mjs";
import { storyIndexFile, writeStoryIndex } from "../lib/content/story-store";
import { countStoryFiles, storyCollectionRefusal } from "../lib/content/limits";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const contentDir = path.resolve(root, process.env.LANTOA_CONTENT_DIR || "content/stories");

function index(): void {
  const started = performance.now();
  const { stories, bytes } = writeStoryIndex(contentDir, root);
  console.log(`content: ${stories} stories in ${path.relative(root, storyIndexFile(root))} (${Math.round(bytes / 1024)} KB, ${Math.round(performance.now() - started)} ms)`);
}

if (process.argv.includes("--watch")) {
  let timer: NodeJS.Timeout | undefined;
  watch(path.join(root, ".contentlayer", "generated", "Story"), () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        index();
      } catch (error) {
        console.error(`content: ${(error as Error).message}`);
      }
    }, 300);
  });
} else {
  const refusal = storyCollectionRefusal(countStoryFiles(contentDir));
  if (refusal) {
    console.error(`content: ${refusal}`);
    process.exit(1);
  }
  const started = performance.now();
  await buildContent({ verbose: process.env.CL_DEBUG !== undefined });
  index();
  console.log(`content: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

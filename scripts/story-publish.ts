// npm run story:publish [-- --server http://127.0.0.1:3000 [--server http://10.0.0.2:3000 …]]
// Publishes into the running site whatever changed under content/stories since the last content
// step: runs the content step (which checks every story), finds the stories that are new, changed
// or withdrawn, and tells the server (POST /api/content/published), which refreshes their pages,
// the listings, feeds, sitemap and statistics, and the search index. No other page is rebuilt.
// Run it on the server's machine, with its DATA_DIR: the token there is the proof.
// Several instances: one --server each (they share the content). A change a server could not be
// told about is kept in DATA_DIR and sent again, to every server, by the next run (a publication
// sent twice does the same again).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { validateEnv } from "../lib/env";
import { readStoryIndex, storyIndexFile, type Story } from "../lib/content/story-store";
import { mergeChanges, publishToken, storyChanges, type StoryChanges, type StoryRef } from "../lib/content/publication";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = validateEnv(process.env);
const { values: args } = parseArgs({ options: { server: { type: "string", multiple: true } } });
const servers = (args.server ?? [`http://127.0.0.1:${process.env.PORT ?? 3000}`]).map((url) => url.replace(/\/+$/, ""));
const pendingFile = path.join(env.DATA_DIR, "publication-pending.json");

const started = performance.now();
const before: Story[] = existsSync(storyIndexFile(root)) ? readStoryIndex(root).stories : [];
const content = spawnSync(process.execPath, ["--import", "tsx/esm", "scripts/content.ts"], { stdio: "inherit", env: process.env });
if (content.status !== 0) {
  console.error("story:publish: the content step failed (above); nothing was published.");
  process.exit(1);
}
const after = readStoryIndex(root).stories;
const changes = mergeChanges(pending(), storyChanges(before, after));
const total = changes.published.length + changes.withdrawn.length;
if (total === 0) {
  console.log("story:publish: no story is new, changed or withdrawn; nothing to publish.");
  process.exit(0);
}

const list = (refs: StoryRef[]) => refs.map((s) => `${s.locale}/${s.slug}`).join(", ");
let failed = false;
for (const server of servers) {
  const answer = await tell(server);
  if (!answer) {
    failed = true;
    continue;
  }
  const search = "unavailable" in answer.search ? `search index not updated (${answer.search.unavailable}); run npm run reindex` : `search index: ${answer.search.indexed} put, ${answer.search.removed} removed`;
  console.log(`story:publish: ${server}: ${answer.storyPages} story page${answer.storyPages === 1 ? "" : "s"}, and every listing, feed and statistics page, refreshed; ${search}.`);
}
if (failed) {
  writeFileSync(pendingFile, JSON.stringify(changes));
  process.exit(1);
}
rmSync(pendingFile, { force: true });
if (changes.published.length) console.log(`story:publish: published ${list(changes.published)}`);
if (changes.withdrawn.length) console.log(`story:publish: withdrawn ${list(changes.withdrawn)}`);
console.log(`story:publish: done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

type Answer = { storyPages: number; search: { indexed: number; removed: number } | { unavailable: string } };

/** Sends the changes to one server; null (with the reason printed) when it does not take them. */
async function tell(server: string): Promise<Answer | null> {
  let response: Response;
  try {
    response = await fetch(`${server}/api/content/published`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${publishToken(env.DATA_DIR)}` },
      body: JSON.stringify(changes),
    });
  } catch (error) {
    console.error(`story:publish: the site at ${server} does not answer (${(error as Error).message}). The content is built; start the site (or pass --server) and run story:publish again to refresh its pages.`);
    return null;
  }
  const answer = (await response.json().catch(() => null)) as (Answer & { error?: { message: string } }) | null;
  if (!response.ok || !answer) {
    console.error(`story:publish: the site at ${server} refused (${response.status}): ${answer?.error?.message ?? "no message"}`);
    return null;
  }
  return answer;
}

function pending(): StoryChanges {
  try {
    return JSON.parse(readFileSync(pendingFile, "utf8")) as StoryChanges;
  } catch {
    return { published: [], withdrawn: [], translations: [] };
  }
}


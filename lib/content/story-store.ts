// The stories as the site reads them at run time, from files the content step writes, instead of
// contentlayer's `allStories` bundled into the server: that module holds every story's body (about
// 10 KB each, 130 MB at 10,000 stories) in every server chunk that imports it, and a new story
// would mean a new build. Here the listings read one index of every story without its body
// (.contentlayer/stories.json), a story page reads its own body from contentlayer's per-document
// file, and `npm run story:publish` rewrites the index while the server runs.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Story as GeneratedStory } from "contentlayer/generated";

/** A story without its body, plus a hash of its generated document (what changed, on publication). */
export type Story = Omit<GeneratedStory, "body"> & { hash: string };
export type StoryBody = { raw: string; code: string };

const INDEX_FILE = ".contentlayer/stories.json";
const GENERATED_DIR = ".contentlayer/generated/Story";

export function storyIndexFile(root = process.cwd()): string {
  return path.join(root, INDEX_FILE);
}

/** contentlayer's file for one document: its id ("vi/slug.mdx") with the slashes doubled into "__". */
function generatedFile(id: string, root: string): string {
  return path.join(root, GENERATED_DIR, `${id.replaceAll("/", "__")}.json`);
}

function sourceFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...sourceFiles(path.join(dir, entry.name), rel));
    else if (entry.name.endsWith(".mdx")) out.push(rel);
  }
  return out;
}

/**
 * Writes the index from contentlayer's per-document files, one per source file under `contentDir`
 * (the source decides what exists: a deleted story's old file is not read). Written to a temporary
 * name and renamed, so a running server never reads half an index.
 */
export function writeStoryIndex(contentDir: string, root = process.cwd()): { stories: number; bytes: number } {
  const stories: Story[] = [];
  for (const id of sourceFiles(contentDir).sort()) {
    const file = generatedFile(id, root);
    if (!existsSync(file)) throw new Error(`${id}: contentlayer wrote no ${path.relative(root, file)}; the content step did not finish`);
    const text = readFileSync(file, "utf8");
    const story: Partial<GeneratedStory> = JSON.parse(text) as GeneratedStory;
    delete story.body;
    stories.push({ ...(story as Omit<GeneratedStory, "body">), hash: createHash("sha256").update(text).digest("hex").slice(0, 16) });
  }
  const json = JSON.stringify(stories);
  const target = storyIndexFile(root);
  writeFileSync(`${target}.tmp`, json);
  renameSync(`${target}.tmp`, target);
  return { stories: stories.length, bytes: Buffer.byteLength(json) };
}

/** Every built story, drafts included, without bodies; with the index file's modification time. */
export function readStoryIndex(root = process.cwd()): { stories: Story[]; version: number } {
  const file = storyIndexFile(root);
  let version: number;
  try {
    version = statSync(file).mtimeMs;
  } catch {
    throw new Error(`${INDEX_FILE} is missing: run \`npm run content\` first`);
  }
  return { stories: JSON.parse(readFileSync(file, "utf8")) as Story[], version };
}

/** The modification time of the index, or null when there is none. */
export function storyIndexVersion(root = process.cwd()): number | null {
  try {
    return statSync(storyIndexFile(root)).mtimeMs;
  } catch {
    return null;
  }
}

/** One story's MDX source and compiled code. */
export function readStoryBody(story: Pick<Story, "_id">, root = process.cwd()): StoryBody {
  const { body } = JSON.parse(readFileSync(generatedFile(story._id, root), "utf8")) as { body: StoryBody };
  return body;
}

/** A story with its MDX source, as the search documents read it. */
export function withSource<S extends Pick<Story, "_id">>(story: S, root = process.cwd()): S & { body: { raw: string } } {
  return { ...story, body: { raw: readStoryBody(story, root).raw } };
}

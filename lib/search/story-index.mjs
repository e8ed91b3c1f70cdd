// @ts-check
// Filling the stories index from the built stories: by `npm run reindex` and `npm run build`
// (always) and at server start (only when the live index is missing or built from other content).
import { toStoryDocument } from "./documents.mjs";
import { contentStamp, indexUid, readIndexStamp, rebuildIndex } from "./indexer.mjs";
import { storiesIndex } from "./settings.mjs";

/**
 * @param {import("meilisearch").Meilisearch} admin
 * @param {{ prefix: string, stories: readonly import("./documents.mjs").StorySource[], onlyIfStale?: boolean }} options
 * @returns {Promise<{ uid: string, rebuilt: boolean, documents: number, totalMs: number }>}
 */
export async function syncStoriesIndex(admin, { prefix, stories, onlyIfStale = false }) {
  const documents = stories.map(toStoryDocument);
  const stamp = contentStamp(storiesIndex, documents);
  const uid = indexUid(prefix, storiesIndex.name);
  if (onlyIfStale && (await readIndexStamp(admin, uid)) === stamp) {
    return { uid, rebuilt: false, documents: documents.length, totalMs: 0 };
  }
  const result = await rebuildIndex(admin, { definition: storiesIndex, prefix, documents, stamp });
  return { uid, rebuilt: true, documents: result.documents, totalMs: result.totalMs };
}

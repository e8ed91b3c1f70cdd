// Filling the stories index from the built stories: by `npm run reindex` and `npm run build`
// (always), at server start (only when the live index is missing or built from other content),
// and story by story when stories are published into a running site.
import type { Meilisearch } from "meilisearch";
import { storyDocumentId, toStoryDocument, type StorySource } from "./documents";
import { assertSucceeded, contentStamp, indexUid, readIndexStamp, rebuildIndex } from "./indexer";
import { storiesIndex } from "./settings";

export async function syncStoriesIndex(
  admin: Meilisearch,
  { prefix, stories, onlyIfStale = false }: { prefix: string; stories: readonly StorySource[]; onlyIfStale?: boolean },
): Promise<{ uid: string; rebuilt: boolean; documents: number; totalMs: number }> {
  const documents = stories.map(toStoryDocument);
  const stamp = contentStamp(storiesIndex, documents);
  const uid = indexUid(prefix, storiesIndex.name);
  if (onlyIfStale && (await readIndexStamp(admin, uid)) === stamp) {
    return { uid, rebuilt: false, documents: documents.length, totalMs: 0 };
  }
  const result = await rebuildIndex(admin, { definition: storiesIndex, prefix, documents, stamp });
  return { uid, rebuilt: true, documents: result.documents, totalMs: result.totalMs };
}

/**
 * A publication (`npm run story:publish`): puts new and changed stories into the live index and
 * takes withdrawn ones out, in place. The index's stamp no longer matches the collection, so the
 * next server start rebuilds it whole, from the same content.
 */
export async function updateStoriesIndex(
  admin: Meilisearch,
  { prefix, put, remove }: { prefix: string; put: readonly StorySource[]; remove: readonly { locale: string; slug: string }[] },
): Promise<{ uid: string; put: number; removed: number }> {
  const uid = indexUid(prefix, storiesIndex.name);
  const index = admin.index(uid);
  if (put.length > 0) assertSucceeded(await index.addDocuments(put.map(toStoryDocument), { primaryKey: storiesIndex.primaryKey }).waitTask());
  if (remove.length > 0) assertSucceeded(await index.deleteDocuments(remove.map((s) => storyDocumentId(s.locale, s.slug))).waitTask());
  return { uid, put: put.length, removed: remove.length };
}

// Filling the stories index from the built stories: by `npm run reindex` and `npm run build`
// (always) and at server start (only when the live index is missing or built from other content).
import type { Meilisearch } from "meilisearch";
import { toStoryDocument, type StorySource } from "./documents";
import { contentStamp, indexUid, readIndexStamp, rebuildIndex } from "./indexer";
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

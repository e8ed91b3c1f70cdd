import "server-only";
// A publication into the running site: the story index on disk has already changed (`npm run
// story:publish` ran the content step); this makes the server read it, refreshes the pages it
// touches, lets the held copies go and updates the search index. Nothing else is rendered again
// until it is asked for.
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { pagesChanged } from "@/lib/held-pages";
import { componentLogger } from "@/lib/log";
import { defaultBackend } from "@/lib/search/stories";
import { openClients } from "@/lib/search/connection";
import { updateStoriesIndex } from "@/lib/search/story-index";
import { findStory, reloadStories } from "./stories";
import { withSource } from "./story-store";
import { LISTING_PAGES, LISTING_ROUTES, storyPaths, type StoryRef } from "./publication";

export type Publication = { published: StoryRef[]; withdrawn: StoryRef[]; translations: StoryRef[] };
export type PublicationResult = {
  /** Story pages refreshed (each with its preview image); every listing, feed and statistics page is too. */
  storyPages: number;
  search: { indexed: number; removed: number } | { unavailable: string };
};

export async function publishIntoSite({ published, withdrawn, translations }: Publication): Promise<PublicationResult> {
  reloadStories();
  const stories = published.map((ref) => {
    const story = findStory(ref.locale, ref.slug);
    if (!story) throw new AppError(422, "storyNotBuilt", { story: `${ref.locale}/${ref.slug}` });
    return story;
  });
  const kept = withdrawn.filter((ref) => findStory(ref.locale, ref.slug));
  if (kept.length > 0) throw new AppError(422, "storyStillBuilt", { story: kept.map((s) => `${s.locale}/${s.slug}`).join(", ") });

  const refs = [...published, ...withdrawn, ...translations];
  const paths = refs.flatMap(storyPaths);
  for (const path of paths) revalidatePath(path);
  for (const page of LISTING_PAGES) revalidatePath(page, "page");
  for (const route of LISTING_ROUTES) revalidatePath(route, "layout");
  pagesChanged();

  let search: PublicationResult["search"];
  try {
    if (!defaultBackend) throw new Error("no Meilisearch is configured");
    const { admin } = await openClients(defaultBackend);
    const put = stories.map((s) => withSource(s));
    const result = await updateStoriesIndex(admin, { prefix: defaultBackend.indexPrefix, put, remove: withdrawn });
    search = { indexed: result.put, removed: result.removed };
  } catch (error) {
    // The pages are published; the search catches up with `npm run reindex` or the next start.
    componentLogger("publication").warn({ err: error }, "published stories not indexed");
    search = { unavailable: (error as Error).message };
  }
  return { storyPages: refs.length, search };
}

// Publishing stories into a running site without a build (`npm run story:publish`): which stories
// changed between two story indexes, and which cached pages that touches. Pure, but for the
// token, which lives in a file of the server's DATA_DIR: whoever can read that folder runs the
// site, and nobody else can publish.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/config";

export type StoryRef = { locale: Locale; slug: string };
/** What a story's slug may be (the content checks hold every story to it). */
export const storySlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a story slug: lowercase letters, digits and hyphens").max(200);
export type StoryChanges = { published: StoryRef[]; withdrawn: StoryRef[]; translations: StoryRef[] };
type Indexed = StoryRef & { hash: string; draft?: boolean; translationKey: string };

/**
 * What a new index publishes and withdraws against the old one: a story is published when it is
 * new or its generated document changed (hash), withdrawn when it is gone or became a draft.
 * A changed story also names its translations, whose pages link to it.
 */
export function storyChanges(before: readonly Indexed[], after: readonly Indexed[]): StoryChanges {
  const key = (s: StoryRef) => `${s.locale}/${s.slug}`;
  const live = (list: readonly Indexed[]) => new Map(list.filter((s) => !s.draft).map((s) => [key(s), s]));
  const old = live(before);
  const now = live(after);
  const published = [...now.values()].filter((s) => old.get(key(s))?.hash !== s.hash);
  const withdrawn = [...old.values()].filter((s) => !now.has(key(s)));
  const touched = new Set([...published, ...withdrawn].map((s) => s.translationKey));
  const changed = new Set([...published, ...withdrawn].map(key));
  const translations = [...now.values()].filter((s) => touched.has(s.translationKey) && !changed.has(key(s)));
  const ref = ({ locale, slug }: StoryRef): StoryRef => ({ locale, slug });
  return { published: published.map(ref), withdrawn: withdrawn.map(ref), translations: translations.map(ref) };
}

/**
 * Changes not yet sent (the site was down) and newer ones: the newer publication or withdrawal
 * of a story wins; being a translation of a changed story never undoes either.
 */
export function mergeChanges(older: StoryChanges, newer: StoryChanges): StoryChanges {
  const key = (s: StoryRef) => `${s.locale}/${s.slug}`;
  const state = new Map<string, { ref: StoryRef; kind: keyof StoryChanges }>();
  for (const ref of [...older.translations, ...newer.translations]) state.set(key(ref), { ref, kind: "translations" });
  for (const changes of [older, newer]) for (const kind of ["published", "withdrawn"] as const) for (const ref of changes[kind]) state.set(key(ref), { ref, kind });
  const out: StoryChanges = { published: [], withdrawn: [], translations: [] };
  for (const { ref, kind } of state.values()) out[kind].push(ref);
  return out;
}

/**
 * The pages of app/[locale]/(static) that list or count stories, as revalidatePath patterns of
 * type "page" (with the route group: Next.js tags a page by its folder path): a publication
 * refreshes all of them (they are rendered again on their next request). Story pages are refreshed one by one; tests/unit/publication.test.ts checks that
 * every other static page is here or in PAGES_WITHOUT_STORY_LISTS.
 */
export const LISTING_PAGES = [
  "/[locale]/(static)",
  "/[locale]/(static)/stories",
  "/[locale]/(static)/stories/page/[page]",
  "/[locale]/(static)/movements",
  "/[locale]/(static)/movements/[slug]",
  "/[locale]/(static)/movements/[slug]/page/[page]",
  "/[locale]/(static)/provinces",
  "/[locale]/(static)/provinces/[slug]",
  "/[locale]/(static)/provinces/[slug]/page/[page]",
  "/[locale]/(static)/fields",
  "/[locale]/(static)/fields/[slug]",
  "/[locale]/(static)/fields/[slug]/page/[page]",
  "/[locale]/(static)/years/[year]",
  "/[locale]/(static)/years/[year]/page/[page]",
  "/[locale]/(static)/kinds/[kind]",
  "/[locale]/(static)/kinds/[kind]/page/[page]",
  "/[locale]/(static)/statistics",
] as const;
/** Static pages that show no story, no list of them and no count. */
export const PAGES_WITHOUT_STORY_LISTS = ["/[locale]/(static)/about", "/[locale]/(static)/nominate", "/[locale]/(static)/nominate/sent"] as const;

/**
 * The route handlers of app/[locale]/(static) that list or count stories (the feeds, the
 * statistics tables): Next.js tags a route handler by its folder path, with "layout" tags for
 * the folders above its route.ts, so these are revalidatePath patterns of type "layout".
 */
export const LISTING_ROUTES = ["/[locale]/(static)/feed.xml", "/[locale]/(static)/statistics/csv/[table]"] as const;

/** The internal paths of one story's page and preview image. */
export function storyPaths({ locale, slug }: StoryRef): string[] {
  return [`/${locale}/stories/${slug}`, `/og/${locale}/story/${slug}`];
}

const TOKEN_FILE = "publish.token";

/** The publication token of a data folder, made on first use (readable by its owner only). */
export function publishToken(dataDir: string): string {
  const file = path.join(dataDir, TOKEN_FILE);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return readFileSync(file, "utf8").trim();
  }
}

/** Whether an Authorization header carries the data folder's token, compared in constant time. */
export function carriesPublishToken(authorization: string | null, dataDir: string): boolean {
  const sent = Buffer.from(/^Bearer (\S+)$/.exec(authorization ?? "")?.[1] ?? "");
  const expected = Buffer.from(publishToken(dataDir));
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

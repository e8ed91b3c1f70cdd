import { readFileSync } from "node:fs";
import path from "node:path";

export type BuiltStory = { slug: string; locale: "vi" | "en"; translationKey: string; title: string; url: string; movement: string; province: string };

/** The stories as the content build wrote them, drafts included (the site leaves those out). */
export function builtDocuments(): (BuiltStory & { draft: boolean; subjectName: string })[] {
  const file = path.join(import.meta.dirname, "../../.contentlayer/generated/Story/_index.json");
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The stories the site was built from: the content build's, without drafts. */
export function builtStories(): BuiltStory[] {
  return builtDocuments().filter((s) => !s.draft);
}

/** A story that exists in both locales. */
export function translatedStory(): { vi: BuiltStory; en: BuiltStory } {
  const stories = builtStories();
  const en = stories.find((s) => s.locale === "en")!;
  const vi = stories.find((s) => s.locale === "vi" && s.translationKey === en.translationKey)!;
  return { vi, en };
}

import { defineDocumentType, defineNestedType, makeSource } from "contentlayer2/source-files";
import readingTime from "reading-time";
import movements from "./content/taxonomies/movements.json" with { type: "json" };
import fields from "./content/taxonomies/fields.json" with { type: "json" };
import provinces from "./content/taxonomies/provinces.json" with { type: "json" };
import commendations from "./content/taxonomies/commendations.json" with { type: "json" };
import { existsSync } from "node:fs";
import path from "node:path";
import { routes } from "./lib/i18n/routes";
import { recognitionProblems, storyProblems } from "./lib/content/checks";

// Taxonomy slugs become enums, so a story naming an unknown movement, field or province
// fails the build with its file name and the field.
const provinceSlugs = [...new Set([...provinces.former.map((p) => p.slug), ...provinces.current.map((p) => p.slug)])];
const known = {
  movement: new Set(movements.map((m) => m.slug)),
  field: new Set(fields.map((f) => f.slug)),
  province: new Set(provinceSlugs),
};
// The forms of the Law on Emulation and Commendation, for checking a story's structured recognition.
const knownCommendations = new Map(commendations.commendations.map((c) => [c.slug, c]));
const siteUrl = (process.env.SITE_URL || "http://localhost:3000").replace(/\/+$/, "");

function storyPath(locale: string, slug: string): string {
  const pattern = locale === "vi" ? routes["/stories/[slug]"]!.vi : "/en/stories/[slug]";
  return pattern.replace("[slug]", slug);
}

// A story's recognition as data: which title or form of the Law on Emulation and Commendation
// (content/taxonomies/commendations.json), its class for orders that have classes, the year and
// the decision's number. `award` stays the text shown to readers.
const Recognition = defineNestedType(() => ({
  name: "Recognition",
  fields: {
    form: { type: "string", required: true },
    class: { type: "enum", options: commendations.classes.map((c) => c.slug), required: false },
    year: { type: "number", required: true },
    decision: { type: "string", required: false },
  },
}));

export const Story = defineDocumentType(() => ({
  name: "Story",
  filePathPattern: "**/*.mdx",
  contentType: "mdx",
  fields: {
    title: { type: "string", required: true },
    slug: { type: "string", required: true },
    locale: { type: "enum", options: ["vi", "en"], required: true },
    translationKey: { type: "string", required: true },
    subjectName: { type: "string", required: true },
    subjectKind: { type: "enum", options: ["individual", "collective"], required: true },
    role: { type: "string", required: true },
    directWorker: { type: "boolean", required: true },
    province: { type: "enum", options: provinceSlugs, required: true },
    movement: { type: "enum", options: movements.map((m) => m.slug), required: true },
    field: { type: "enum", options: fields.map((f) => f.slug), required: true },
    award: { type: "string", required: false },
    recognition: { type: "nested", of: Recognition, required: false },
    publishedAt: { type: "date", required: true },
    // Who wrote it, and where it was first published: shown under the title when given.
    byline: { type: "string", required: false },
    source: { type: "string", required: false },
    sourceUrl: { type: "string", required: false },
    summary: { type: "string", required: true },
    cover: { type: "string", required: true },
    coverAlt: { type: "string", required: true },
    tags: { type: "list", of: { type: "string" }, required: true },
    featured: { type: "boolean", required: false, default: false },
    // A story being written (one made from a nomination starts so): the site leaves it out.
    draft: { type: "boolean", required: false, default: false },
  },
  computedFields: {
    // Throwing here fails the build with the file name, like a field of the wrong type.
    checked: {
      type: "boolean",
      resolve: (doc) => {
        const problems = [
          ...storyProblems(
            { ...doc, tags: Array.from(doc.tags as Iterable<string>), body: doc.body },
            {
              folderLocale: doc._raw.sourceFileDir.split("/")[0],
              coverExists: (publicPath) => existsSync(path.join(process.cwd(), "public", publicPath)),
              known,
              placeNames: [...provinces.current, ...provinces.former],
            },
          ),
          ...recognitionProblems(doc, knownCommendations),
        ];
        if (problems.length > 0) throw new Error(problems.join("; "));
        return true;
      },
    },
    readingMinutes: {
      type: "number",
      resolve: (doc) => Math.max(1, Math.ceil(readingTime(doc.body.raw).minutes)),
    },
    url: { type: "string", resolve: (doc) => storyPath(doc.locale, doc.slug) },
    year: { type: "number", resolve: (doc) => Number(String(doc.publishedAt).slice(0, 4)) },
    structuredData: {
      type: "json",
      resolve: (doc) => ({
        "@context": "https://schema.org",
        "@type": "Article",
        headline: doc.title,
        description: doc.summary,
        inLanguage: doc.locale,
        datePublished: String(doc.publishedAt).slice(0, 10),
        url: siteUrl + storyPath(doc.locale, doc.slug),
        image: `${siteUrl}/og/${doc.locale}/story/${doc.slug}`,
        keywords: Array.from(doc.tags as Iterable<string>).join(", "),
        about: {
          "@type": doc.subjectKind === "individual" ? "Person" : "Organization",
          name: doc.subjectName,
          ...(doc.subjectKind === "individual" ? { jobTitle: doc.role } : { description: doc.role }),
          ...(doc.award ? { award: doc.award } : {}),
        },
        ...(doc.byline ? { author: { "@type": "Person", name: doc.byline } } : {}),
        ...(doc.source ? { isBasedOn: { "@type": "CreativeWork", name: doc.source, ...(doc.sourceUrl ? { url: doc.sourceUrl } : {}) } } : {}),
        publisher: { "@type": "Organization", name: "Lan Tỏa" },
      }),
    },
  },
}));

export default makeSource({
  contentDirPath: process.env.LANTOA_CONTENT_DIR || "content/stories",
  documentTypes: [Story],
  onMissingOrIncompatibleData: "fail",
  onExtraFieldData: "fail",
  onUnknownDocuments: "fail",
  disableImportAliasWarning: true,
});

import "server-only";
import { getTranslations } from "next-intl/server";
import type { Caller } from "@/lib/auth/session";
import type { ContestWithCategories } from "@/lib/db/queries/contests";
import type { EntryView } from "@/lib/db/queries/entries";
import { submissionPhase } from "@/lib/contest/rules";
import type { Locale } from "@/lib/i18n/config";
import { compareText, formatDate } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/paths";
import { storiesIn } from "@/lib/content/stories";
import type { Alternates } from "@/lib/seo/metadata";
import { EntryForm, type StoryChoice } from "@/components/portal/entry-form";
import { ClientMessages } from "@/components/client-messages";
import { SimplePage } from "./simple-page";
import { categoryInfo } from "./portal";

/** The stories of the page's language an entry may name, by title in the language's order. */
function storyChoices(locale: Locale): StoryChoice[] {
  return storiesIn(locale)
    .map((story) => ({ slug: story.slug, title: story.title }))
    .sort((a, b) => compareText(a.title, b.title, locale));
}

/** The entry form page, new or existing: what may be edited is decided here from the database. */
export async function EntryPage({ locale, caller, contest, entry, alternates }: { locale: Locale; caller: Caller; contest: ContestWithCategories; entry: EntryView | null; alternates: Alternates }) {
  const t = await getTranslations({ locale, namespace: "EntryForm" });
  const editable = submissionPhase(contest, new Date()) !== "closed" && entry?.status !== "withdrawn";
  const title = entry ? (entry.code ? `${t("editTitle")} ${entry.code}` : entry.title || t("editTitle")) : t("newTitle");
  return (
    <SimplePage locale={locale} title={title} alternates={alternates}>
      <ClientMessages locale={locale} namespaces={["EntryForm"]}>
        <EntryForm
          locale={locale}
          userId={caller.id}
          categories={categoryInfo(contest, locale)}
          window={{ from: formatDate(contest.publishedFrom, locale), to: formatDate(contest.publishedTo, locale) }}
          stories={storyChoices(locale)}
          entry={entry}
          defaults={{ name: caller.name, penName: caller.penNames[0] ?? "", outlet: caller.outlet }}
          editable={editable}
          paths={{
            list: localizedPath(locale, "/entries"),
            entry: localizedPath(locale, "/entries/[id]", { id: "{id}" }).replace(encodeURIComponent("{id}"), "{id}"),
            receipt: localizedPath(locale, "/entries/[id]/receipt", { id: "{id}" }).replace(encodeURIComponent("{id}"), "{id}"),
          }}
        />
      </ClientMessages>
    </SimplePage>
  );
}

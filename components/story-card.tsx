import Link from "next/link";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { provinceLabel } from "@/lib/content/taxonomies";
import type { Story } from "@/lib/content/stories";

type Props = { story: Story; locale: Locale; headingLevel?: "h2" | "h3"; eager?: boolean };

export function StoryCard({ story, locale, headingLevel: Heading = "h3", eager = false }: Props) {
  return (
    <article className="group flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm">
      {/* Covers are small static SVGs; a plain img keeps the page free of client JavaScript. */}
      <img src={story.cover} alt="" width={1200} height={630} loading={eager ? "eager" : "lazy"} fetchPriority={eager ? "high" : "auto"} decoding="async" className="aspect-[1200/630] w-full object-cover" />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">
          {provinceLabel(story.province, locale)} · <time dateTime={story.publishedAt.slice(0, 10)}>{formatDate(story.publishedAt, locale)}</time>
        </p>
        <Heading className="text-lg font-bold leading-snug">
          <Link href={story.url} className="after:absolute after:inset-0 hover:text-brand-700 group-hover:underline">
            {story.title}
          </Link>
        </Heading>
        <p className="text-sm text-stone-700">{story.summary}</p>
      </div>
    </article>
  );
}

export function StoryGrid({ stories, locale, headingLevel = "h3", eagerCount = 0 }: { stories: readonly Story[]; locale: Locale; headingLevel?: "h2" | "h3"; eagerCount?: number }) {
  return (
    <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {stories.map((story, index) => (
        <li key={story._id} className="relative flex">
          <StoryCard story={story} locale={locale} headingLevel={headingLevel} eager={index < eagerCount} />
        </li>
      ))}
    </ul>
  );
}

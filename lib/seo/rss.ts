export type RssItem = { title: string; url: string; description: string; publishedAt: string; guid: string; categories: string[] };
export type RssChannel = { title: string; url: string; feedUrl: string; description: string; language: string };

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** An RSS 2.0 document; every text is escaped, so titles with "<" or "&" stay well-formed. */
export function renderRss(channel: RssChannel, items: readonly RssItem[]): string {
  const entries = items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="true">${escapeXml(item.guid)}</guid>
      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
      <description>${escapeXml(item.description)}</description>
${item.categories.map((c) => `      <category>${escapeXml(c)}</category>`).join("\n")}
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.url)}</link>
    <atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(channel.description)}</description>
    <language>${escapeXml(channel.language)}</language>
${entries.join("\n")}
  </channel>
</rss>
`;
}

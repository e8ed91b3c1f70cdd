// The public pages (stories, lists, taxonomy pages, about, statistics, the nomination form) are
// HTML and CSS only. They use no client component of their own: the search box is a GET form,
// the locale switch and the filters are links. The scripts Next.js adds would only hydrate what
// never changes, and on a slow phone they cost the reader most of a second, so the build removes
// them (scripts/script-free.ts) and the server sends these pages under `script-src 'none'`.

// A script element and its text, as an HTML parser reads it (it ends at the first `</script`).
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
// A data block (JSON-LD) is not run: it stays, and a policy needs no source for it.
const DATA_BLOCK = /(?:^|\s)type\s*=\s*["']?application\/(?:ld\+)?json\b/i;
const LINK_ELEMENT = /<link\b[^>]*>/gi;
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']?([^"'\\s>]+)`, "i").exec(tag)?.[1]?.toLowerCase() ?? "";

/** The route group whose pages are built without scripts (app/[locale]/(static)). */
export const SCRIPT_FREE_GROUP = "/[locale]/(static)/";

/** True when the page has a script a browser would run (a data block is not one). */
export function hasExecutableScript(html: string): boolean {
  for (const [, attributes = ""] of html.matchAll(SCRIPT_ELEMENT)) if (!DATA_BLOCK.test(attributes)) return true;
  return false;
}

/** The page without its scripts: every script element but data blocks, and the preloads of script files. */
export function withoutScripts(html: string): string {
  return html
    .replace(SCRIPT_ELEMENT, (element, attributes: string) => (DATA_BLOCK.test(attributes) ? element : ""))
    .replace(LINK_ELEMENT, (tag) => {
      const rel = attribute(tag, "rel").split(/\s+/);
      return rel.includes("modulepreload") || (rel.includes("preload") && attribute(tag, "as") === "script") ? "" : tag;
    });
}

/**
 * Why the page cannot lose its scripts, or null: content that streamed in after the first HTML
 * (a Suspense boundary still pending, moved into place by an inline script) would stay hidden.
 */
export function scriptRevealedContent(html: string): string | null {
  if (/<template\s+id="B:/.test(html) || /<div\s+hidden\s+id="S:/.test(html)) return "a Suspense boundary streamed in after the first HTML; only a script moves it into place";
  return null;
}

/**
 * The client modules of a route that are the app's own or a package's, not Next.js's (its links
 * and layout routers render plain HTML and only hydrate). A script-free page must have none.
 */
export function appClientModules(clientModules: readonly string[]): string[] {
  return clientModules.filter((name) => !name.startsWith("[project]/node_modules/next/"));
}

/** The policy of a page with no script to run: `script-src 'none'` in place of its script sources. */
export function scriptFreePolicy(policy: string): string {
  const directives = policy.split(";").map((d) => d.trim()).filter(Boolean);
  const kept = directives.filter((d) => !/^script-src(-elem|-attr)?\s/i.test(d));
  return [...kept, "script-src 'none'"].join("; ");
}

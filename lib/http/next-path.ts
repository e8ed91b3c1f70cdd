// Where to send someone after signing in or up (`?next=`): only somewhere on this site.
//
// Checking the string's first characters is not enough: the URL parser that location.assign
// uses deletes tabs, newlines and carriage returns anywhere, reads "\" as "/" and drops
// userinfo, so "/\t/evil.example", "/\evil" or "/%0a/evil" all become "//evil.example".
// Instead the value is parsed exactly as a browser would, against a fixed origin, and kept only
// if it stays on that origin; what is returned is the parsed path, query and hash, never the
// raw text, so the browser has nothing left to reinterpret.

// Any origin works as the base: only "same or not" is asked. ".invalid" can never be a real host.
const BASE = new URL("https://lantoa.invalid");
// Far longer than any path of the site; a longer value is not one of ours.
const MAX_LENGTH = 2000;

/** `value` as a path + query + hash on this site, or `fallback` when it is anything else. */
export function safeNextPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" resolves to the path "//evil", which a browser would read as another host.
  return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") ? path : fallback;
}

// The production server (scripts/server.ts) answers prerendered pages from memory; a publication
// (app/api/content/published) must make it let them go. Both run in one process but load this
// module separately (the server through tsx, the route inside Next.js's bundle), so they meet on
// a process-wide symbol rather than a module variable.
const KEY = Symbol.for("lantoa.releaseHeldPages");
type Holder = { [KEY]?: () => void };

/** Called by the server that holds pages: `release` forgets them all. */
export function onPagesChanged(release: () => void): void {
  (globalThis as Holder)[KEY] = release;
}

/** Pages changed: any held copy is dropped and asked of Next.js again. */
export function pagesChanged(): void {
  (globalThis as Holder)[KEY]?.();
}

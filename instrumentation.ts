// Runs once when the server starts: the database is migrated before the first request, and the
// demo data is seeded when LANTOA_DEMO=1 (npm run dev; npm start only when asked), and the
// stories search index is built when it is missing or stale, and the search outbox drainer starts
// (it sends entry changes to the private entries index; its timers never keep the process alive,
// and a process killed mid-batch loses nothing: the batch's rows stay pending and are sent again).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next start` or the standalone server.js: the SITE_URL check scripts/server.ts makes for npm start.
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { refuseWrongSiteUrl } = await import("./lib/site-url-start");
    await refuseWrongSiteUrl();
  }
  const { prepareDatabase } = await import("./lib/db/startup");
  await prepareDatabase();
  // Not awaited: the server answers at once; search uses its fallback until the index is ready.
  const { indexStoriesOnStart, startOutboxDrainer } = await import("./lib/search/startup");
  void indexStoriesOnStart();
  startOutboxDrainer();
}


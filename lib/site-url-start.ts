// The SITE_URL check of scripts/server.ts (lib/site-url.ts), for a production server that Next.js
// starts itself (`next start`, the standalone server.js), run from instrumentation.ts: otherwise
// every share link, canonical URL and e-mailed link would silently name the wrong origin.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { productionStartRefusal } from "./site-url";

export async function refuseWrongSiteUrl(): Promise<void> {
  // No prerendered page to compare with: only the SITE_URL rules apply.
  const home = await readFile(path.join(process.cwd(), ".next", "server", "app", "vi.html"), "utf8").catch(() => "");
  const { SITE_URL, LANTOA_DEMO, LANTOA_LOCAL } = process.env;
  const refusal = productionStartRefusal({ SITE_URL, LANTOA_DEMO, LANTOA_LOCAL }, home);
  if (refusal) {
    console.error(`lantoa: ${refusal}`);
    process.exit(1);
  }
}

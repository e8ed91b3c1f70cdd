// POST /api/content/published – `npm run story:publish` tells the running site which stories it
// has just published or withdrawn (lib/content/publish-site.ts). Only a caller holding the token
// in this server's DATA_DIR may (lib/content/publication.ts).
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { json, noStore } from "@/lib/http/response";
import { readJsonBody } from "@/lib/http/request";
import { publicGuard } from "@/lib/http/route";
import { locales } from "@/lib/i18n/config";
import { carriesPublishToken, storySlug } from "@/lib/content/publication";
import { publishIntoSite } from "@/lib/content/publish-site";

export const dynamic = "force-dynamic";

const storyRef = z.object({ locale: z.enum(locales), slug: storySlug });
const stories = z.array(storyRef).max(50_000);
const publicationInput = z.object({ published: stories, withdrawn: stories, translations: stories });

// Public mode: no session and no database; the token is the caller's proof.
export const POST = publicGuard({}, async ({ req }) => {
  if (!carriesPublishToken(req.headers.get("authorization"), env.DATA_DIR)) throw new AppError(401, "publishToken");
  const { body } = await readJsonBody(req, publicationInput);
  return json(await publishIntoSite(body), 200, noStore);
});

// POST /api/editor/nominations/{code}/published – the story is out ({ slug } of a published, non-draft story); every nominator is told with its link
import { guard } from "@/lib/auth/guard";
import { findStory } from "@/lib/content/stories";
import { markPublished } from "@/lib/db/queries/nominations";
import { AppError } from "@/lib/errors";
import { editorPage, formLocale } from "@/lib/nominations/editor-http";
import { answer, formAware, formValue, readBody } from "@/lib/nominations/http";
import { tell } from "@/lib/nominations/service";
import { nominationCodeParams, publishedInput } from "@/lib/validation/nomination";

export const dynamic = "force-dynamic";

export const POST = guard({ access: ["editor"], params: nominationCodeParams }, async ({ req, db, caller, params, locale }) => {
  let shown = locale;
  return formAware(req, (code) => editorPage(shown, params.code, { error: code }), async () => {
    const { body } = await readBody(req, publishedInput, (f) => ((shown = formLocale(f, locale)), { slug: formValue(f, "slug") }));
    // Only a story the build published (drafts are not in it) can be announced.
    if (!findStory("vi", body.slug)) throw new AppError(422, "storyNotPublished", {}, { slug: { key: "notAccepted" } });
    const n = await markPublished(db, params.code, caller.id, body.slug, new Date());
    await tell.published(db, n);
    return answer(req, { code: n.code, status: n.status }, 200, () => editorPage(shown, n.code, { done: "published" }));
  });
});

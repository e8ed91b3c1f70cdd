// GET /api/admin/entries/search – the secretariat searches submitted and withdrawn entries: q, status, category, page
import { guard, json, zodFields } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { searchEntriesAsSecretariat } from "@/lib/search/entries";
import { secretariatEntryQuery } from "@/lib/search/entry-types";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ req, db }) => {
  const parsed = secretariatEntryQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams), { reportInput: true });
  if (!parsed.success) throw new AppError(422, "validation", {}, zodFields(parsed.error));
  return json(await searchEntriesAsSecretariat(db, parsed.data));
});

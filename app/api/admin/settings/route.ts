// GET /api/admin/settings – site-wide settings (two-factor required for staff)
// PUT /api/admin/settings – change them (audited)
import { guard } from "@/lib/auth/guard";
import { changeSiteSettings, siteSettings } from "@/lib/auth/enrolment";
import { json } from "@/lib/http/response";
import { siteSettingsInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = guard({ access: ["secretariat"] }, async ({ db }) => json(await siteSettings(db)));

export const PUT = guard({ access: ["secretariat"], body: siteSettingsInput }, async ({ db, caller, body }) => json(await changeSiteSettings(db, caller.id, body)));

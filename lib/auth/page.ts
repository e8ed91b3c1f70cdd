import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { mustEnrolTwoFactor } from "@/lib/db/queries/two-factor";
import type { Role } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { callerFromCookies, type Caller } from "./session";

/** The signed-in account for a page, read like the API reads it: token, then the database. */
export async function pageCaller(): Promise<Caller | null> {
  const store = await cookies();
  return callerFromCookies(await getDb(), new Map(store.getAll().map((c) => [c.name, c.value])));
}

// Where each role works. Signing in lands on the journalists' page by default; someone signed
// in with another role is sent on to their own workspace rather than asked to sign in again.
const WORKSPACES: Record<Role, "/entries" | "/jury" | "/admin" | "/editor"> = { journalist: "/entries", juror: "/jury", secretariat: "/admin", editor: "/editor" };

/** A page for one role: a caller of another role goes to their own workspace, anyone else signs in. */
async function requireRole(role: Role, locale: Locale, here: string): Promise<Caller> {
  const caller = await pageCaller();
  // Staff who must still enrol in two-factor (the secretariat requires it) do that before anything else.
  if (caller?.role === role && role !== "journalist" && (await mustEnrolTwoFactor(await getDb(), caller.id))) redirect(localizedPath(locale, "/account/two-factor"));
  if (caller?.role === role) return caller;
  const workspace = caller && WORKSPACES[caller.role];
  redirect(workspace ? localizedPath(locale, workspace) : `${localizedPath(locale, "/signin")}?next=${encodeURIComponent(here)}`);
}

/** Where a role works: the page the account pages lead back to. */
export function workspacePath(locale: Locale, role: Role): string {
  return localizedPath(locale, WORKSPACES[role]);
}

/** A page for every signed-in role (the account's own settings); anyone else signs in. */
export async function requireSignedIn(locale: Locale, here: string): Promise<Caller> {
  const caller = await pageCaller();
  if (caller) return caller;
  redirect(`${localizedPath(locale, "/signin")}?next=${encodeURIComponent(here)}`);
}

/** Pages of the journalist portal. */
export function requireJournalist(locale: Locale, here: string): Promise<Caller> {
  return requireRole("journalist", locale, here);
}

/** Pages of the juror workspace. */
export function requireJuror(locale: Locale, here: string): Promise<Caller> {
  return requireRole("juror", locale, here);
}

/** Pages of the editors' nomination queue. */
export function requireEditor(locale: Locale, here: string): Promise<Caller> {
  return requireRole("editor", locale, here);
}

/** Pages of the secretariat's workspace. */
export function requireSecretariat(locale: Locale, here: string): Promise<Caller> {
  return requireRole("secretariat", locale, here);
}

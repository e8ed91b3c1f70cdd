import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";
import { callerFromCookies, type Caller } from "./session";

/** The signed-in account for a page, read like the API reads it: token, then the database. */
export async function pageCaller(): Promise<Caller | null> {
  const store = await cookies();
  return callerFromCookies(await getDb(), new Map(store.getAll().map((c) => [c.name, c.value])));
}

/** A page for one role: anyone else is sent to sign in (and back here afterwards). */
async function requireRole(role: Role, locale: Locale, here: string): Promise<Caller> {
  const caller = await pageCaller();
  if (!caller || caller.role !== role) redirect(`${localizedPath(locale, "/signin")}?next=${encodeURIComponent(here)}`);
  return caller;
}

/** Pages of the journalist portal. */
export function requireJournalist(locale: Locale, here: string): Promise<Caller> {
  return requireRole("journalist", locale, here);
}

/** Pages of the juror workspace. */
export function requireJuror(locale: Locale, here: string): Promise<Caller> {
  return requireRole("juror", locale, here);
}

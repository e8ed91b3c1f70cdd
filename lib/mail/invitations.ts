import "server-only";
import type { Caller } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import type { Logger } from "@/lib/log";
import type { Invitation } from "@/lib/db/queries/entries";
import { inviteVars, sendEventMail } from "./events";

/**
 * Tells newly named co-authors, after the save is committed. Not awaited: the owner's answer
 * must take the same time whether an e-mail belongs to an account or not, and a mail server
 * being down must not fail the save.
 */
export function notifyInvited(db: Db, invited: Invitation[], owner: Caller, entry: { id: string; title: string }, locale: Locale, log: Logger): void {
  for (const invitation of invited) {
    void sendEventMail(db, { event: "coauthorInvite", to: invitation.email, userId: invitation.userId, entryId: entry.id, locale, vars: inviteVars({ name: invitation.name, owner: owner.name, title: entry.title }) }).catch((error: unknown) =>
      log.error({ err: error, userId: invitation.userId }, "co-author invitation not sent"),
    );
  }
}

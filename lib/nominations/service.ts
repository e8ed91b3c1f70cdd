import "server-only";
import type { Db } from "@/lib/db/client";
import { hitCounter } from "@/lib/db/queries/rate-limits";
import { addMore, confirmNomination, createNomination, nominatorsOf, type StoredEvidence } from "@/lib/db/queries/nominations";
import type { Nomination } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { componentLogger } from "@/lib/log";
import { sendMail, type Mail } from "@/lib/mail";
import { getStorage } from "@/lib/storage";
import type { NominationInput } from "@/lib/validation/nomination";
import { followLink, readNominationToken, type LinkPurpose } from "./links";
import { acceptedMail, confirmMail, moreMail, publishedMail, rejectedMail } from "./mail";
import { selfNominationFields } from "./rules";
import { storeEvidence } from "./receive";

const log = componentLogger("nominations");

function limited(resetAt: Date): AppError {
  const minutes = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 60_000));
  return new AppError(429, "rateLimited", { minutes });
}

/** Nominations are throttled per client address (per hour) and per nominator e-mail (per day), in the database so every instance counts. */
export async function limitNominations(db: Db, ip: string, email?: string): Promise<void> {
  const byIp = await hitCounter(db, `nominate:ip:${ip}`, 3600);
  if (byIp.count > env.NOMINATION_RATE_LIMIT_IP) throw limited(byIp.resetAt);
  if (email) {
    const byEmail = await hitCounter(db, `nominate:email:${email}`, 24 * 3600);
    if (byEmail.count > env.NOMINATION_RATE_LIMIT_EMAIL) throw limited(byEmail.resetAt);
  }
}

/**
 * A new nomination: refused when the nominator is the nominee (422), its files checked by content
 * and cleaned, stored unconfirmed, and the confirmation link e-mailed. 202: nothing is in the
 * queue until the link is followed.
 */
export async function submitNomination(db: Db, input: NominationInput, files: { name: string; bytes: Buffer }[], locale: Locale, ip: string): Promise<Nomination> {
  const self = selfNominationFields(input);
  if (self.length) throw new AppError(422, "validation", {}, Object.fromEntries(self.map((f) => [f, { key: "selfNomination" }])));
  await limitNominations(db, ip, input.nominator.email);
  const evidence: StoredEvidence[] = await storeEvidence(getStorage(), files);
  const nomination = await createNomination(db, input, evidence, input.locale ?? locale);
  await sendMail(confirmMail({ to: nomination.nominatorEmail, name: nomination.nominatorName, locale: nomination.locale, code: nomination.code, nominee: nomination.nominee.name, link: followLink(nomination.locale, nomination.id) }));
  return nomination;
}

/** The nomination a link's token names (404 for a bad one, 410 for an expired one). */
export function nominationFromToken(purpose: LinkPurpose, token: string): string {
  const read = readNominationToken(purpose, token);
  if (read === "invalid") throw new AppError(404, "linkInvalid");
  if (read === "expired") throw new AppError(410, "linkExpired");
  return read.nominationId;
}

export async function confirmByLink(db: Db, token: string): Promise<Nomination> {
  return (await confirmNomination(db, nominationFromToken("follow", token), new Date())).nomination;
}

export async function addMoreByLink(db: Db, token: string, more: { text: string; links: string[] }, files: { name: string; bytes: Buffer }[]): Promise<Nomination> {
  const id = nominationFromToken("follow", token);
  const evidence = await storeEvidence(getStorage(), files);
  return addMore(db, id, more, evidence, new Date());
}

/** Tells everyone who nominated this person; a mail that fails is logged, never undoes the decision. */
async function tellNominators(db: Db, n: Nomination, make: (to: { id: string; name: string; email: string; locale: Locale }) => Mail): Promise<void> {
  for (const person of await nominatorsOf(db, n.id)) {
    try {
      await sendMail(make({ id: person.id, name: person.nominatorName, email: person.nominatorEmail, locale: person.locale }));
    } catch (error) {
      log.error({ code: n.code, errorType: error instanceof Error ? error.name : "unknown" }, "nomination e-mail not sent");
    }
  }
}

export const tell = {
  more: (n: Nomination, message: string) =>
    sendMail(moreMail({ to: n.nominatorEmail, name: n.nominatorName, locale: n.locale, code: n.code, nominee: n.nominee.name, message, link: followLink(n.locale, n.id) })),
  rejected: (db: Db, n: Nomination) => tellNominators(db, n, (p) => rejectedMail({ to: p.email, name: p.name, locale: p.locale, code: n.code, nominee: n.nominee.name, reason: n.rejectReason ?? "", days: env.NOMINATION_RETENTION_DAYS })),
  accepted: (db: Db, n: Nomination) => tellNominators(db, n, (p) => acceptedMail({ to: p.email, name: p.name, locale: p.locale, code: n.code, nominee: n.nominee.name, link: followLink(p.locale, p.id) })),
  published: (db: Db, n: Nomination) => tellNominators(db, n, (p) => publishedMail({ to: p.email, name: p.name, locale: p.locale, code: n.code, nominee: n.nominee.name, slug: n.storySlug ?? "" })),
};

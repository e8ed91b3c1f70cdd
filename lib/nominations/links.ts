import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { localizedPath } from "@/lib/i18n/paths";

// The links a nomination's people receive. Each purpose has its own key derived from
// AUTH_SECRET, so a follow link can never pass for a consent link, nor either for anything else.
// The nominator's link does not expire (they follow the nomination until it is published);
// the nominee's consent link lasts 60 days.
export type LinkPurpose = "follow" | "consent";
const LIFETIME: Record<LinkPurpose, number | null> = { follow: null, consent: 60 * 24 * 3600 };

const key = (purpose: LinkPurpose) => createHmac("sha256", authSecret()).update(`lantoa:nomination-${purpose}:v1`).digest();
const sign = (purpose: LinkPurpose, payload: string) => createHmac("sha256", key(purpose)).update(payload).digest("base64url");

/** "<nomination id>.<expiry, unix seconds or 0>.<HMAC>". */
export function nominationToken(purpose: LinkPurpose, nominationId: string, now = Date.now()): string {
  const lifetime = LIFETIME[purpose];
  const payload = `${nominationId}.${lifetime === null ? 0 : Math.floor(now / 1000) + lifetime}`;
  return `${payload}.${sign(purpose, payload)}`;
}

/** The nomination a token names, or why it cannot be used. */
export function readNominationToken(purpose: LinkPurpose, token: string, now = Date.now()): { nominationId: string } | "invalid" | "expired" {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/i.exec(token);
  if (!match) return "invalid";
  const [, id, expires, signature] = match;
  const expected = Buffer.from(sign(purpose, `${id}.${expires}`));
  if (!timingSafeEqual(expected, Buffer.from(signature!))) return "invalid";
  if (Number(expires) !== 0 && Number(expires) * 1000 < now) return "expired";
  return { nominationId: id!.toLowerCase() };
}

/** The nominator's page for their nomination: confirm it, follow it, add what an editor asked for. */
export function followLink(locale: Locale, nominationId: string): string {
  return `${siteUrl}${localizedPath(locale, "/nominate/follow")}?t=${nominationToken("follow", nominationId)}`;
}

/** The page where the nominee (or their representative) consents. */
export function consentLink(nominationId: string): string {
  return `${siteUrl}${localizedPath("vi", "/nominate/consent")}?t=${nominationToken("consent", nominationId)}`;
}

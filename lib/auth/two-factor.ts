import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
// otpauth (hectorm/otpauth): maintained, no dependencies, synchronous, RFC 4226/6238 with the
// otpauth:// URI that authenticator apps read. otplib 13 would do too, but brings a plugin
// system and an async API for what is here three calls.
import { Secret, TOTP } from "otpauth";
import { authSecret } from "./secret";

/*
 * Two-factor sign-in for staff: a TOTP secret per account, stored sealed (AES-256-GCM under a key
 * derived from AUTH_SECRET, so a copy of the database alone does not yield it), and ten
 * single-use recovery codes stored as keyed hashes.
 */

const derive = (purpose: string, master: string) => createHmac("sha256", master).update(`lantoa:${purpose}:v1`).digest();

export function sealSecret(plain: string, master = authSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive("totp-seal", master), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), sealed.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function openSecret(sealed: string, master = authSecret()): string {
  const [version, iv, data, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !data || !tag) throw new Error("not a sealed two-factor secret");
  const decipher = createDecipheriv("aes-256-gcm", derive("totp-seal", master), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** A new base32 secret of 160 bits (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totp = (secret: string, email = "") => new TOTP({ issuer: "Lan Tỏa", label: email, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** The otpauth:// URI an authenticator app reads (from a QR code or pasted). */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(" ");
}

/** The current code (tests, and nothing else, need it). */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return totp(secret).generate({ timestamp });
}

/** Whether `code` is the secret's code now, or one step (30 s) either side, for clocks that drift. */
export function verifyTotp(secret: string, code: string, timestamp = Date.now()): boolean {
  return /^\d{6}$/.test(code) && totp(secret).validate({ token: code, timestamp, window: 1 }) !== null;
}

/** Spaces and dashes as people type them are ignored, and case. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

// No 0/o, 1/l/i: codes are written down on paper and typed by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like "k7pm3-xqavd" (about 50 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]!).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The stored form of a recovery code: a keyed hash, so the stored list cannot be replayed or brute-forced offline. */
export function hashRecoveryCode(code: string, master = authSecret()): string {
  return createHmac("sha256", derive("recovery-code", master)).update(normalizeCode(code)).digest("hex");
}

/** The stored hash `code` matches, if any. */
export function matchRecoveryCode(code: string, hashes: readonly string[], master = authSecret()): string | null {
  const candidate = Buffer.from(hashRecoveryCode(code, master));
  return hashes.find((h) => h.length === candidate.length && timingSafeEqual(Buffer.from(h), candidate)) ?? null;
}

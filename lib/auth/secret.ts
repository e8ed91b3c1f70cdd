import "server-only";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { env } from "@/lib/env";
import { componentLogger } from "@/lib/log";

let secret: string | undefined;

/**
 * AUTH_SECRET, or one generated once and kept under DATA_DIR so `npm run dev` and `npm start`
 * work with no configuration and sessions survive restarts. Several instances must share
 * AUTH_SECRET (or DATA_DIR), or each would reject the others' sessions.
 */
export function authSecret(): string {
  if (secret) return secret;
  if (env.AUTH_SECRET) return (secret = env.AUTH_SECRET);
  const file = path.join(env.DATA_DIR, "auth-secret");
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true });
    try {
      // "wx": when two processes start at once, one writes and the other reads what it wrote.
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
      componentLogger("auth").warn({ file }, "AUTH_SECRET is not set: generated one and saved it in this file. Set AUTH_SECRET when running several instances.");
    } catch {
      // Another process created it first.
    }
    secret = readFileSync(file, "utf8").trim();
  }
  return secret;
}

// Reading a request at the HTTP boundary: where it came from, its JSON body, its query string.
import { z } from "zod";
import type { FieldIssue } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import { validationError, zodFields } from "./validation";

// Large enough for the longest legitimate entry (and for a 1 MB string to be refused with a
// length message per field), small enough that nobody can make the server hold a huge body.
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** What the origin check needs from the environment (lib/env.ts: SITE_URL, TRUST_PROXY). */
export type OriginSettings = { siteUrl?: string; trustProxy: boolean };

/** SITE_URL only when it is actually set (its default is no statement about this server). */
export function originSettings(source: Record<string, string | undefined> = process.env): OriginSettings {
  const siteUrl = source.SITE_URL?.trim();
  return { siteUrl: siteUrl || undefined, trustProxy: source.TRUST_PROXY === "1" };
}

/**
 * The origin (scheme, host and port) a request was meant for: SITE_URL when set; otherwise the
 * request's own, where X-Forwarded-Proto/-Host count only behind a proxy we trust
 * (TRUST_PROXY=1) — without one, any client could name whatever host it liked.
 */
export function expectedOrigin(req: Request, settings: OriginSettings = originSettings()): string | null {
  try {
    if (settings.siteUrl) return new URL(settings.siteUrl).origin;
    const url = new URL(req.url);
    // A proxy that appends to these headers puts its own value last; one in front of us sets a single one.
    const forwarded = (name: string) => (settings.trustProxy ? req.headers.get(name)?.split(",").at(-1)?.trim() || undefined : undefined);
    const scheme = forwarded("x-forwarded-proto") ?? url.protocol.slice(0, -1);
    const host = forwarded("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
    // A host header is a name and a port, nothing a URL parser could read as a path or userinfo.
    if (!/^https?$/i.test(scheme) || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return null;
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * A request whose Origin is not exactly the site's own origin: another scheme (https:// sent to an
 * http:// site), host or port, "null" (sandboxed frames, some redirects), or unreadable. The one
 * check for every route handler (lib/http/route.ts), next-auth's included (publicGuard).
 */
export function isCrossOrigin(req: Request, settings: OriginSettings = originSettings()): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const expected = expectedOrigin(req, settings);
  if (!expected) return true;
  try {
    return new URL(origin).origin !== expected;
  } catch {
    return true;
  }
}

/** The caller hung up mid-request (Node's "aborted" reset of the body stream). */
export function clientHungUp(req: Request, error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return req.signal.aborted || (e?.code === "ECONNRESET" && e.message === "aborted");
}

/** Reads a body as text, refusing it (413) as soon as it passes `limit` bytes. */
export async function readText(req: Request, limit: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw new AppError(413, "bodyTooLarge");
  if (!req.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new AppError(413, "bodyTooLarge");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A JSON body validated by `schema`: 415 when it is not sent as JSON, 413 past MAX_JSON_BYTES,
 * 400 when it does not parse, 422 with a problem per field. Returns the raw text too (the
 * Idempotency-Key fingerprint is taken over it).
 */
export async function readJsonBody<B>(req: Request, schema: z.ZodType<B>): Promise<{ raw: string; body: B }> {
  if (!isJsonType(req.headers.get("content-type"))) throw new AppError(415, "jsonRequired");
  const raw = await readText(req, MAX_JSON_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError(400, "invalidJson");
  }
  const result = schema.safeParse(parsed, { reportInput: true });
  if (!result.success) throw validationError(zodFields(result.error));
  return { raw, body: result.data };
}

/**
 * Exactly application/json, with parameters or not ("application/json; charset=utf-8"), in any
 * case. A prefix test would also take application/jsonx or application/json-patch+json.
 */
export function isJsonType(contentType: string | null): boolean {
  return /^application\/json[ \t]*(?:;.*)?$/is.test((contentType ?? "").trim());
}

/**
 * The query string validated by `schema` (a z.object of its parameters), read once. A parameter
 * is a string, or every value given when the schema's field is an array; a parameter given more
 * than once where one value is expected is refused with 400 naming it, never "the last one wins";
 * the other refusals are 422 validation with a problem per parameter, as for a body.
 */
export function readQuery<Q>(url: URL, schema: z.ZodType<Q>): Q {
  // Without a prototype, a parameter named __proto__ is a parameter like any other (the schema
  // refuses it as unknown) instead of silently setting the object's prototype.
  const input: Record<string, string | string[]> = Object.create(null);
  const repeated: Record<string, FieldIssue> = Object.create(null);
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (takesMany(schema, key)) input[key] = values;
    else {
      input[key] = values[0]!;
      if (values.length > 1) repeated[key] = { key: "repeated" };
    }
  }
  // A request that says two things at once is malformed, whatever each value is worth.
  const names = Object.keys(repeated);
  if (names.length > 0) throw new AppError(400, "repeatedParameter", { names: names.join(", ") }, { ...repeated });
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationError(zodFields(result.error));
  return result.data;
}

/** Whether the schema's field `key` is an array (through optional, default, nullable and preprocess). */
function takesMany(schema: z.ZodType, key: string): boolean {
  let field: z.ZodType | undefined = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[key] : undefined;
  for (let depth = 0; field && depth < 10; depth++) {
    if (field instanceof z.ZodArray) return true;
    if (field instanceof z.ZodOptional || field instanceof z.ZodDefault || field instanceof z.ZodNullable) field = field.unwrap() as z.ZodType;
    else if (field instanceof z.ZodPipe) field = (field.in instanceof z.ZodTransform ? field.out : field.in) as z.ZodType;
    else return false;
  }
  return false;
}

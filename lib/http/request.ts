// Reading a request at the HTTP boundary: where it came from, its JSON body, its query string.
import { z } from "zod";
import type { FieldIssue } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";
import { validationError, zodFields } from "./validation";

// Large enough for the longest legitimate entry (and for a 1 MB string to be refused with a
// length message per field), small enough that nobody can make the server hold a huge body.
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** A request whose Origin names another host than the one it was sent to. */
export function isCrossOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host !== host;
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
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) throw new AppError(415, "jsonRequired");
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
 * The query string validated by `schema` (a z.object of its parameters), read once. A parameter
 * is a string, or every value given when the schema's field is an array; a parameter given more
 * than once where one value is expected is refused ("repeated"), never "the last one wins".
 * Refusals are 422 validation with a problem per parameter, as for a body.
 */
export function readQuery<Q>(url: URL, schema: z.ZodType<Q>): Q {
  const input: Record<string, string | string[]> = {};
  const repeated: Record<string, FieldIssue> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (takesMany(schema, key)) input[key] = values;
    else {
      input[key] = values[0]!;
      if (values.length > 1) repeated[key] = { key: "repeated" };
    }
  }
  const result = schema.safeParse(input, { reportInput: true });
  // The schema's own verdict on a parameter comes first (an unknown one is unknown, given once or twice).
  const fields = { ...repeated, ...(result.success ? {} : zodFields(result.error)) };
  if (!result.success || Object.keys(fields).length > 0) throw validationError(fields);
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

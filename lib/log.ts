// The one logger: JSON lines on stdout, level from LOG_LEVEL. The server, the route handlers and
// the scripts (scripts/start.ts) all log through it.
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { validateEnv } from "./env";

export type { Logger };
export type LogStream = { write(line: string): unknown };

const env = validateEnv(process.env);

// A safety net, not the plan: nothing should log these, but if a caller passes an object that
// holds one (a body, a user row, headers), its value never reaches the log.
const SECRET_KEYS = [
  "password", "newPassword", "currentPassword", "passwordHash",
  "token", "accessToken", "refreshToken", "sessionToken", "idToken", "secret", "masterKey",
  "cookie", "cookies", "set-cookie", "authorization", "x-api-key",
  "email", "phone",
];
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`);
const join = (prefix: string, name: string) => (name.startsWith("[") ? `${prefix}${name}` : `${prefix}.${name}`);
export const redactPaths = SECRET_KEYS.flatMap((name) => [key(name), join("*", key(name)), join("*.*", key(name))]);

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Addresses out of free text (database messages quote the values they refused). */
function scrub(text: string): string {
  return text.replace(EMAIL, "[email]");
}

/** An error as the log holds it. */
export type SerializedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  constraint?: string | number;
  table?: string | number;
  column?: string | number;
  routine?: string | number;
  cause?: SerializedError;
};

const ERROR_FIELDS = ["code", "constraint", "table", "column", "routine"] as const;

/**
 * Errors as { type, message, stack, code, cause }, and nothing else: drivers attach the
 * offending values (drizzle's "params: …", PostgreSQL's `detail`), which may be personal data.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    const candidate = (error as { message?: unknown } | null | undefined)?.message;
    const message = typeof candidate === "string" ? candidate : typeof error === "object" && error !== null ? "" : String(error);
    return { type: typeof error, message: scrub(message) };
  }
  const fields = error as Error & Record<string, unknown>;
  let message = error.message;
  let stack = error.stack ?? "";
  // DrizzleQueryError: "Failed query: <sql>\nparams: <values>". Keep the SQL, drop the values.
  if (typeof fields.query === "string" && "params" in error) {
    const bare = `Failed query: ${fields.query}`;
    stack = stack.replace(message, bare);
    message = bare;
  }
  // `name` when a library set one: class names are minified in the server build.
  const type = error.name && error.name !== "Error" ? error.name : (error.constructor?.name ?? "Error");
  const out: SerializedError = { type, message: scrub(message), stack: scrub(stack) };
  for (const field of ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number") out[field] = value;
  }
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

const stdout = pino.destination({ dest: 1, sync: true });
let sink: LogStream | undefined;
// Child loggers keep the stream they were made with, so the logger writes to this forwarder and
// a test can point it elsewhere (setLogDestination) after every module has made its children.
const destination = { write: (line: string) => (sink ?? stdout).write(line) };

/** JSON lines on stdout at LOG_LEVEL. */
export const logger: Logger = pino(
  {
    // Under tests the request lines would drown the output; failures still show.
    level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    redact: { paths: redactPaths, censor: "[redacted]" },
  },
  destination,
);

/** A logger whose lines say which part of the system wrote them. */
export function componentLogger(component: string): Logger {
  return logger.child({ component });
}

/**
 * Sends every line (of the root logger and all its children) to `stream` instead of stdout;
 * without an argument, back to stdout. For tests.
 */
export function setLogDestination(stream?: LogStream): void {
  sink = stream;
}

export const REQUEST_ID_HEADER = "x-request-id";
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

/**
 * The request id a proxy or load balancer already gave this request, when it looks like one;
 * otherwise a new one. Anything else a client sends is not trusted into the log.
 */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

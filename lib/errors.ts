// Domain errors carry an HTTP status, a stable code (also the key of their message under
// "Errors" in lib/i18n/messages/*/errors.json) and, for bad input, a problem per field.
import type { FieldIssue } from "@/lib/contest/rules";

export type MessageParams = Record<string, string | number>;
/** One missing thing: its message key under "Errors.missing", the words per language, and ids a client can act on. */
export type MissingIssue = { key: string; params: (locale: "vi" | "en") => MessageParams; data?: Record<string, string> };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly fields?: Record<string, FieldIssue>,
    /** What stands in the way, item by item (409 notReady): each becomes `{ code, message, ...data }` under `missing`. */
    readonly missing?: MissingIssue[],
  ) {
    super(code);
    this.name = "AppError";
  }
}

/** How the API answers one (the guard's errorResponse): the code, its message in the caller's language, a message per field, and the request id of a 5xx to quote. */
export type ApiError = { code: string; message: string; fields?: Record<string, string>; missing?: ({ code: string; message: string } & Record<string, string>)[]; requestId?: string };
export type ApiErrorBody = { error: ApiError };

export const notFound = () => new AppError(404, "notFound");
export const invalid = (fields: Record<string, FieldIssue>) => new AppError(422, "validation", {}, fields);

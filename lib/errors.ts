// Domain errors carry an HTTP status, a stable code (also the key of their message under
// "Errors" in lib/i18n/messages/*/errors.json) and, for bad input, a problem per field.
import type { FieldIssue } from "@/lib/contest/rules";

export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly fields?: Record<string, FieldIssue>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

/** How the API answers one (the guard's errorResponse): the code, its message in the caller's language, a message per field, and the request id of a 5xx to quote. */
export type ApiError = { code: string; message: string; fields?: Record<string, string>; requestId?: string };
export type ApiErrorBody = { error: ApiError };

export const notFound = () => new AppError(404, "notFound");
export const invalid = (fields: Record<string, FieldIssue>) => new AppError(422, "validation", {}, fields);

// Domain errors carry an HTTP status, a stable code (also the key of their message under
// "Errors" in lib/i18n/messages/*/portal.json) and, for bad input, a problem per field.
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

export const notFound = () => new AppError(404, "notFound");
export const invalid = (fields: Record<string, FieldIssue>) => new AppError(422, "validation", {}, fields);

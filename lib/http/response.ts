// Responses of the HTTP boundary: JSON without caching, and every error in one shape,
// { error: { code, message, fields?, requestId? } }, in the caller's language.
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { localizeParams } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";

export const noStore = { "Cache-Control": "no-store" };

/**
 * The policy of an API response whose handler set none: it is data, never a page, so it may
 * load nothing and be framed by nobody. next.config's site-wide policy skips /api/ (it would
 * overwrite the handler's), so this is the only one an API response gets.
 */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Every file download (uploads, exports): never sniffed into a page, sandboxed even when opened inline. */
export const DOWNLOAD_HEADERS = { "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...noStore, ...headers } });
}

export function errorResponse(error: unknown, locale: Locale, requestId?: string): Response {
  const t = translator(locale, "Errors");
  if (error instanceof AppError) {
    const fields = error.fields
      ? Object.fromEntries(Object.entries(error.fields).map(([field, issue]) => [field, t(`fields.${issue.key}`, issue.params && localizeParams(issue.params, locale))]))
      : undefined;
    const headers: Record<string, string> = error.status === 429 ? { "Retry-After": String(error.params.retryAfter ?? Number(error.params.minutes ?? 1) * 60) } : {};
    const quote = requestId && error.status >= 500 ? { requestId } : {};
    const missing = error.missing?.map((m) => ({ code: m.key, message: t(`missing.${m.key}`, m.params(locale)), ...m.data }));
    return json({ error: { code: error.code, message: t(error.code, localizeParams(error.params, locale)), ...(fields ? { fields } : {}), ...(missing ? { missing } : {}), ...quote } }, error.status, headers);
  }
  // The stack and the cause stay in the server's log (lib/http/route.ts); the client gets the id to quote.
  return json({ error: { code: "internal", message: t("internal"), ...(requestId ? { requestId } : {}) } }, 500);
}

/** The response with one more header; rebuilt when its headers are immutable (Response.redirect). */
export function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

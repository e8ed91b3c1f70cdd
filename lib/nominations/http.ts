import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { isJsonType, readJsonBody } from "@/lib/http/request";
import { json } from "@/lib/http/response";
import { validationError, zodFields } from "@/lib/http/validation";
import { readForm, type ReceivedForm } from "./receive";

// The nomination pages work without JavaScript: their forms post here as plain HTML forms
// (urlencoded or multipart) and get a 303 to a page that says what happened; API clients send
// JSON and get JSON. Both go through the same schemas.

/** A plain HTML form post, not a JSON call. */
export function isFormPost(req: Request): boolean {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/** One text field of a form, or undefined. */
export const formValue = (form: ReceivedForm, name: string) => form.fields.get(name)?.[0];

/** The language of the page a form was sent from (its hidden `locale` field), else the caller's: the answer goes back to a page in it. */
export const formLocale = (form: ReceivedForm, fallback: "vi" | "en"): "vi" | "en" => {
  const value = formValue(form, "locale");
  return value === "en" || value === "vi" ? value : fallback;
};

/**
 * The body, validated by `schema`: JSON as it is, or a form mapped to the JSON shape by `fromForm`
 * (each field name once; a list is one value per line). Files of a multipart form are returned too.
 */
export async function readBody<B>(req: Request, schema: z.ZodType<B>, fromForm: (form: ReceivedForm) => unknown): Promise<{ body: B; form: ReceivedForm | null }> {
  if (isFormPost(req)) {
    const form = await readForm(req);
    const result = schema.safeParse(fromForm(form), { reportInput: true });
    if (!result.success) throw validationError(zodFields(result.error));
    return { body: result.data, form };
  }
  if (!isJsonType(req.headers.get("content-type"))) throw new AppError(415, "jsonRequired");
  return { body: (await readJsonBody(req, schema)).body, form: null };
}

/** 303 See Other to a page of this site (the answer to a form post). */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/** JSON for an API client, or a 303 to `page` for a form. */
export function answer(req: Request, body: unknown, status: number, page: () => string): Response {
  return isFormPost(req) ? seeOther(page()) : json(body, status);
}

/**
 * Runs a handler; for a form post, an error becomes a 303 to `problemPage` with the error's code
 * and the fields at fault in its query (the page words them), since a browser without JavaScript
 * would otherwise show raw JSON. API clients get the error as JSON, through the guard.
 */
export async function formAware(req: Request, problemPage: (code: string, fields: string[]) => string, run: () => Promise<Response>): Promise<Response> {
  const form = isFormPost(req);
  try {
    return await run();
  } catch (error) {
    if (!form || !(error instanceof AppError) || error.status >= 500) throw error;
    // "field~key~number": what the page needs to word each problem (the one number a message takes).
    const fields = Object.entries(error.fields ?? {}).map(([name, issue]) => [name, issue.key, Object.values(issue.params ?? {})[0] ?? ""].join("~"));
    return seeOther(problemPage(error.code, fields));
  }
}

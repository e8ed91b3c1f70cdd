// zod's issues as one problem per field, in terms the messages under Errors.fields know
// (lib/i18n/messages/*/portal.json): the body's and the query string's, the same way.
import type { z } from "zod";
import type { FieldIssue } from "@/lib/contest/rules";
import { AppError } from "@/lib/errors";

// Past this many choices a list of them helps nobody (the 34 units and 63 former provinces).
const MAX_LISTED_OPTIONS = 12;

export function zodFields(error: z.ZodError): Record<string, FieldIssue> {
  // Without a prototype, a body key such as "__proto__" is named like any other: on a plain
  // object, `fields["__proto__"] ??=` reads Object.prototype and writes nothing (a 422 with no field).
  const fields: Record<string, FieldIssue> = Object.create(null);
  for (const issue of error.issues) {
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const name = path.length ? path.map(String).join(".") : "_";
      fields[name] ??= fieldIssue(issue);
    }
  }
  return { ...fields };
}

/** 422 validation with a problem per field. */
export const validationError = (fields: Record<string, FieldIssue>) => new AppError(422, "validation", {}, fields);

function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", params: { max: Number(issue.maximum) } };
      if (issue.origin === "array") return { key: "tooMany", params: { max: Number(issue.maximum) } };
      return { key: "tooLarge", params: { max: Number(issue.maximum) } };
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", params: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { key: "tooFew", params: { min: Number(issue.minimum) } };
      return { key: "tooSmall", params: { min: Number(issue.minimum) } };
    case "invalid_type":
      return issue.input === undefined ? { key: "required" } : { key: "invalidType", params: { expected: issue.expected } };
    case "invalid_format":
      return { key: issue.format === "email" ? "invalidEmail" : "invalidFormat" };
    case "invalid_value":
      return issue.values.length > MAX_LISTED_OPTIONS ? { key: "notAccepted" } : { key: "invalidValue", params: { options: issue.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { key: "unknownField" };
    case "custom": {
      const key = (issue.params as { key?: unknown } | undefined)?.key;
      return { key: typeof key === "string" ? key : "invalidValue" };
    }
    default:
      return { key: "invalidValue" };
  }
}

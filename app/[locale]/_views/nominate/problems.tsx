import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";

/** Parses the "field~key~number" list a form post's 303 carries (lib/nominations/http.ts); anything malformed is dropped. */
export function parseProblems(raw: string | undefined): { field: string; key: string; value: string }[] {
  return (raw ?? "")
    .split(",")
    .slice(0, 30)
    .map((p) => p.split("~"))
    .filter((p): p is [string, string, string] => p.length === 3 && /^[\w.]{1,60}$/.test(p[0]!) && /^\w{1,40}$/.test(p[1]!) && /^[\w .,-]{0,60}$/.test(p[2]!))
    .map(([field, key, value]) => ({ field, key, value }));
}

/** The error of a form post, and each field at fault, in words (never the codes themselves). */
export async function ProblemList({ locale, code, fields }: { locale: Locale; code: string | undefined; fields: string | undefined }) {
  const errors = await getTranslations({ locale, namespace: "Errors" });
  const names = await getTranslations({ locale, namespace: "Nominate.fieldNames" });
  const problems = parseProblems(fields);
  const known = (key: string) => errors.has(key as never);
  const fieldName = (field: string) => {
    // Message keys cannot hold dots (next-intl reads them as nesting): "nominee.name" is nominee_name.
    const key = field.replace(/\./g, "_");
    const base = field.replace(/\.\d+(\..*)?$/, "").replace(/\./g, "_");
    return names.has(key as never) ? names(key as never) : names.has(base as never) ? names(base as never) : names("other");
  };
  return (
    <div role="alert" className="max-w-3xl rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
      {code && /^\w{1,40}$/.test(code) && known(code) && code !== "validation" && <p className="font-semibold">{errors(code as never, { minutes: 60, max: "10 MB", accepted: "JPEG, PNG, WebP, PDF" } as never)}</p>}
      {problems.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {problems.map((p) => (
            <li key={`${p.field}-${p.key}`}>
              <strong>{fieldName(p.field)}</strong>: {known(`fields.${p.key}`) ? errors(`fields.${p.key}` as never, { min: p.value, max: p.value, options: "", expected: "", type: p.value, accepted: p.value } as never) : errors("fields.invalidFormat")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

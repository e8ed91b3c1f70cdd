import type { ReactNode } from "react";
import { Field } from "@/components/portal/field";

// Plain form controls for the nomination pages, which work without JavaScript: server-rendered,
// labelled (components/portal/field.tsx), with their hints tied by aria-describedby.
export const control = "mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base";

/** A required choice with a labelled select, "choose…" until something is chosen. */
export function Choice({ id, name, label, placeholder, options }: { id: string; name: string; label: string; placeholder: string; options: readonly { value: string; label: string }[] }) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} required defaultValue="" className={control}>
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <legend className="px-1 text-lg font-bold">{legend}</legend>
      {children}
    </fieldset>
  );
}

export const button = "rounded-md bg-brand-700 px-5 py-3 text-base font-semibold text-white hover:bg-brand-800";

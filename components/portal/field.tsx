import type { InputHTMLAttributes, ReactNode, Ref } from "react";

type Props = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children?: ReactNode;
  ref?: Ref<HTMLInputElement>;
} & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input (or the control given as children) with its hint and error below it; the input is tied to them with aria-describedby. */
export function Field({ id, label, hint, error, children, className, ref, ...input }: Props) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {children ?? (
        <input
          ref={ref}
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${error ? "border-red-700" : "border-stone-400"}`}
          {...input}
        />
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** Moves focus to the first field with an error, in document order. */
export function focusFirstError(form: HTMLElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}

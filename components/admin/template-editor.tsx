"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/portal/format";
import type { MailEvent } from "@/lib/contest/vocabulary";
import type { MailLocale, RenderedMail, Template } from "@/lib/mail/render";
import { ErrorAlert } from "./error-alert";
import { useAdminForm } from "./use-admin-form";

type Props = { locale: string; event: MailEvent; title: string; variables: readonly string[]; templates: Record<MailLocale, Template & { custom: boolean }> };

/**
 * One event's template in both languages: edit, preview (rendered by the server exactly as it
 * would be sent, with sample facts), send a test to oneself, save, or go back to the default.
 */
export function TemplateEditor({ locale, event, title, variables, templates }: Props) {
  const t = useTranslations("Admin.Messages");
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const [draft, setDraft] = useState<Record<MailLocale, Template>>({ vi: { subject: templates.vi.subject, body: templates.vi.body }, en: { subject: templates.en.subject, body: templates.en.body } });
  const [preview, setPreview] = useState<(RenderedMail & { to: string; sent?: boolean }) | null>(null);
  const { busy, errors, alert, status, setStatus, send } = useAdminForm(locale);

  const set = (l: MailLocale, part: keyof Template, value: string) => setDraft((d) => ({ ...d, [l]: { ...d[l], [part]: value } }));
  const action = (kind: "preview" | "test" | "save" | "reset") => async () => {
    if (kind === "reset" && !window.confirm(t("resetConfirm"))) return;
    const url = kind === "preview" || kind === "test" ? `/api/admin/mail-templates/${event}/${kind}` : `/api/admin/mail-templates/${event}`;
    const method = kind === "save" ? "PUT" : kind === "reset" ? "DELETE" : "POST";
    await send<RenderedMail & { to: string } & Record<MailLocale, Template>>(url, { method, body: kind === "reset" ? undefined : draft }, {
      done: (data) => {
        if (kind === "preview") setPreview(data);
        if (kind === "test") {
          setPreview({ ...data, sent: true });
          setStatus(t("testSent", { to: data.to }));
        }
        if (kind === "save") setStatus(t("saved"));
        if (kind === "reset") {
          setDraft({ vi: { subject: data.vi.subject, body: data.vi.body }, en: { subject: data.en.subject, body: data.en.body } });
          setStatus(t("resetDone"));
        }
        if (kind === "save" || kind === "reset") router.refresh();
      },
    });
  };

  return (
    <form noValidate aria-label={title} onSubmit={(e) => e.preventDefault()} className="space-y-4" data-testid={`template-${event}`}>
      <p className="text-sm text-stone-700">
        {t("variables")} {variables.map((v) => <code key={v} lang="en" className="mr-2 rounded bg-stone-100 px-1">{`{${v}}`}</code>)}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {(["vi", "en"] as const).map((l) => (
          <fieldset key={l} className="min-w-0 space-y-2 rounded-md border border-stone-300 p-3">
            <legend className="px-1 font-semibold">{t(l === "vi" ? "inVietnamese" : "inEnglish")}</legend>
            {(["subject", "body"] as const).map((part) => {
              const fid = `${id}-${l}-${part}`;
              const error = errors[`${l}.${part}`];
              return (
                <div key={part}>
                  <label htmlFor={fid} className="block text-sm font-semibold">
                    {t(part === "subject" ? (l === "vi" ? "subjectVi" : "subjectEn") : l === "vi" ? "bodyVi" : "bodyEn")}
                  </label>
                  {part === "subject" ? (
                    <input id={fid} lang={l} type="text" maxLength={300} value={draft[l].subject} aria-invalid={error ? true : undefined} onChange={(e) => set(l, "subject", e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 px-3 py-2 text-base" />
                  ) : (
                    <textarea id={fid} lang={l} rows={9} maxLength={10000} value={draft[l].body} aria-invalid={error ? true : undefined} onChange={(e) => set(l, "body", e.target.value)} className="mt-1 w-full rounded-md border border-stone-400 px-3 py-2 font-mono text-sm" />
                  )}
                  {error && <p className="mt-1 text-sm font-semibold text-red-800">{error}</p>}
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={!hydrated || busy} onClick={() => void action("preview")()} className="rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
          {t("preview")}
        </button>
        <button type="button" disabled={!hydrated || busy} onClick={() => void action("test")()} className="rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
          {t("test")}
        </button>
        <button type="button" disabled={!hydrated || busy} onClick={() => void action("save")()} className="rounded-md border border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("save")}
        </button>
        {(templates.vi.custom || templates.en.custom) && (
          <button type="button" disabled={!hydrated || busy} onClick={() => void action("reset")()} className="rounded-md border border-red-800 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60">
            {t("reset")}
          </button>
        )}
      </div>
      {alert && <ErrorAlert className="p-2 text-sm">{alert}</ErrorAlert>}
      <p role="status" className="text-sm text-green-900">
        {status}
      </p>
      {preview && (
        <section aria-label={t("previewOf", { title })} className="rounded-md border border-stone-300 bg-stone-50 p-3" data-testid="template-preview">
          <p className="text-sm">
            <span className="font-semibold">{t("to")}</span> {preview.to}
          </p>
          <p className="text-sm">
            <span className="font-semibold">{t("subject")}</span> <span data-testid="preview-subject">{preview.subject}</span>
          </p>
          <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm" data-testid="preview-text">
            {preview.text}
          </pre>
        </section>
      )}
    </form>
  );
}

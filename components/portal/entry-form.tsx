"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { EntryView } from "@/lib/db/queries/entries";
import { describedBy, Field } from "./field";
import { useErrorFocus } from "./use-error-focus";
import { formatDate, formatSize, formatTime } from "@/lib/i18n/format";
import { normalizeUrl } from "@/lib/validation/url";
import { api, useHydrated } from "./format";
import { FileUpload } from "./file-upload";
import { useAutosave, useAutosaveText } from "../use-autosave";
import { RestoredNotice } from "../restored-notice";

export type CategoryInfo = { code: string; name: string; unit: "words" | "minutes" | "photos"; maxLength: number; maxParts: number; acceptedTypes: string[]; typeLabels: string; maxFileBytes: number; maxFiles: number; requiresUrl: boolean };
type Author = { name: string; penName: string; email: string };
type Part = { title: string; publishedAt: string; url: string };
type Draft = { category: string; title: string; summary: string; outlet: string; publishedAt: string; url: string; length: string; storyRef: string; publishFiles: boolean; authors: Author[]; parts: Part[] };

type Props = {
  locale: string;
  /** The signed-in account: the local copy is kept per account, so a shared computer mixes nobody's drafts. */
  userId: string;
  categories: CategoryInfo[];
  window: { from: string; to: string };
  entry: EntryView | null;
  defaults: { name: string; penName: string; outlet: string };
  editable: boolean;
  paths: { list: string; entry: string; receipt: string };
  /** The stories an entry may name as its exemplary model, by title (the form stores the slug). */
  stories: StoryChoice[];
};

export type StoryChoice = { slug: string; title: string };

function fromEntry(entry: EntryView): Draft {
  return {
    category: entry.category,
    title: entry.title,
    summary: entry.summary,
    outlet: entry.outlet,
    publishedAt: entry.publishedAt ?? "",
    url: entry.url,
    length: entry.length === null ? "" : String(entry.length),
    storyRef: entry.storyRef,
    publishFiles: entry.publishFiles,
    authors: entry.authors.map((a) => ({ name: a.name, penName: a.penName ?? "", email: a.email ?? "" })),
    parts: entry.parts.map((p) => ({ title: p.title, publishedAt: p.publishedAt ?? "", url: p.url })),
  };
}

function toPayload(draft: Draft) {
  const length = draft.length.trim() === "" ? null : Number(draft.length);
  return {
    ...draft,
    publishedAt: draft.publishedAt || null,
    url: normalizeUrl(draft.url),
    length: Number.isFinite(length) ? length : null,
    authors: draft.authors.map((a, i) => ({ name: a.name, ...(a.penName ? { penName: a.penName } : {}), ...(i > 0 && a.email ? { email: a.email } : {}) })),
    parts: draft.parts.map((p) => ({ title: p.title, publishedAt: p.publishedAt || null, url: normalizeUrl(p.url) })),
  };
}

/** Titles compare as a reader types them: NFC, any case, spaces tidied. */
const sameTitle = (a: string, b: string) => a.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi") === b.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");

const UNIT_KEYS = { words: "unitWords", minutes: "unitMinutes", photos: "unitPhotos" } as const;
const COAUTHOR_KEYS = { pending: "coauthorPending", accepted: "coauthorAccepted", declined: "coauthorDeclined" } as const;
const COAUTHOR_STYLES = { pending: "text-amber-900", accepted: "text-green-800", declined: "text-red-800" } as const;
const fieldId = (path: string) => `ef-${path.replace(/\./g, "-")}`;
// What a read-only control looks like: greyed, with its value still readable.
const LOCKED = "disabled:cursor-not-allowed disabled:border-stone-300 disabled:bg-stone-100 disabled:text-stone-700";

/**
 * The entry form. Every change is kept in localStorage at once (per account and entry) and sent
 * to the server after a short pause, so neither a reload nor a dropped connection loses what was
 * typed; the local copy is removed only once the server has stored exactly that version.
 */
export function EntryForm({ locale, userId, categories, window: pubWindow, entry: initial, defaults, editable, paths, stories }: Props) {
  const t = useTranslations("EntryForm");
  const [entry, setEntry] = useState<EntryView | null>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The summary at the top: what happened, and the fields (paths) it is about.
  const [alert, setAlert] = useState<{ message: string; list: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  // A refused submit moves focus to the first field in error, or to the summary.
  const focusError = useErrorFocus(form, "entry-alert");
  const idRef = useRef<string | null>(initial?.id ?? null);
  const submitKey = useRef<string | null>(null);
  const prefix = `lantoa:autosave:${userId}:entry`;
  // A submitted entry stays submitted while it is edited: its changes are sent only when the
  // journalist says so ("save changes"), never half-typed; a draft saves itself as it is typed.
  const explicitSave = initial?.status === "submitted" && editable;
  const [unsaved, setUnsaved] = useState(false);
  const [savedChanges, setSavedChanges] = useState<Date | null>(null);

  const autosave = useAutosave<Draft, EntryView>({
    storageKey: () => `${prefix}:${idRef.current ?? "new"}`,
    initial: initial ? fromEntry(initial) : { category: categories[0]?.code ?? "print", title: "", summary: "", outlet: defaults.outlet, publishedAt: "", url: "", length: "", storyRef: "", publishFiles: false, authors: [{ name: defaults.name, penName: defaults.penName, email: "" }], parts: [] },
    serverVersion: initial?.updatedAt ?? null,
    enabled: editable,
    auto: !explicitSave,
    delayMs: 800,
    send: async (draft) => {
      if (idRef.current) return api<EntryView>(`/api/entries/${idRef.current}`, { locale, method: "PATCH", body: JSON.stringify(toPayload(draft)) });
      // One key per new entry, kept across reloads: a retried create never makes a second draft.
      let key = localStorage.getItem(`${prefix}:new:key`);
      if (!key) {
        key = crypto.randomUUID();
        localStorage.setItem(`${prefix}:new:key`, key);
      }
      const res = await api<EntryView>("/api/entries", { locale, method: "POST", body: JSON.stringify(toPayload(draft)), headers: { "Idempotency-Key": key } });
      if (res.ok) {
        idRef.current = res.data.id;
        localStorage.removeItem(`${prefix}:new:key`);
        localStorage.removeItem(`${prefix}:new`);
        window.history.replaceState(null, "", paths.entry.replace("{id}", res.data.id));
      }
      return res;
    },
    versionOf: (saved) => saved.updatedAt,
    onSaved: (saved) => {
      setEntry(saved);
      setErrors({});
      setUnsaved(false);
    },
    onFieldErrors: (fields) => {
      setErrors(fields);
      // An explicit save that was refused says so at the top, with every field named.
      if (explicitSave) refuse(t("changesRefused"), fields);
    },
  });
  const draft = autosave.value;
  const update = (change: (current: Draft) => Draft) => {
    if (explicitSave) setUnsaved(true);
    autosave.update(change);
  };
  const [storyText, setStoryText] = useState(() => stories.find((s) => s.slug === draft.storyRef)?.title ?? draft.storyRef);
  const [storyError, setStoryError] = useState<string | null>(null);

  // A co-author's answer as last saved, shown while the row still names the same e-mail.
  const coauthorStatus = (i: number, email: string) => {
    const saved = entry?.authors[i];
    return saved && saved.email === email.trim().toLowerCase() ? saved.status : undefined;
  };
  const category = categories.find((c) => c.code === draft.category) ?? categories[0]!;
  const unit = t(UNIT_KEYS[category.unit]);
  const saveText = useAutosaveText(autosave.status, "EntryForm", locale);


  /** The field a message is about, named as its label says ("Co-author 1 — Real name"). */
  function fieldLabel(path: string): string {
    const [head, index, key] = path.split(".");
    const n = Number(index);
    if (head === "authors" && key) {
      const who = n === 0 ? t("mainAuthor") : t("coAuthor", { n });
      return `${who} — ${key === "name" ? t("authorName") : key === "penName" ? t("penName") : t("authorEmail")}`;
    }
    if (head === "parts" && key) return `${t("part", { n: n + 1 })} — ${key === "title" ? t("partTitle") : key === "publishedAt" ? t("partDate") : t("partUrl")}`;
    const labels: Record<string, string> = {
      category: t("category"),
      title: t("title"),
      summary: t("summary"),
      outlet: t("outlet"),
      publishedAt: t("publishedAt"),
      length: t("length", { unit: t(UNIT_KEYS[category.unit]) }),
      url: t("url"),
      storyRef: t("storyRef"),
      authors: t("authors"),
      parts: t("parts"),
      attachments: t("attachments"),
    };
    return labels[head ?? ""] ?? path;
  }

  /** Where the summary's link for a field leads: the control itself, or the first control of a group. */
  function fieldTarget(path: string): string {
    if (path === "authors") return fieldId("authors.0.name");
    if (path === "parts") return draft.parts.length ? fieldId("parts.0.title") : "ef-parts";
    return fieldId(path);
  }

  function refuse(message: string, fields: Record<string, string>) {
    setErrors(fields);
    setAlert({ message, list: Object.keys(fields) });
    focusError();
  }

  async function onSaveChanges() {
    setBusy(true);
    setAlert(null);
    const ok = await autosave.flush(true);
    setBusy(false);
    if (ok) {
      setSavedChanges(new Date());
      return;
    }
    if (autosave.status.kind === "local") setAlert({ message: t("savedLocally"), list: [] });
  }

  async function ensureSaved(): Promise<string | null> {
    // A new entry is created even when nothing was typed: an upload or a submit needs its id.
    await autosave.flush(!idRef.current);
    return idRef.current;
  }

  async function onSubmit() {
    setBusy(true);
    setAlert(null);
    const id = await ensureSaved();
    if (!id) {
      setBusy(false);
      focusError();
      return;
    }
    submitKey.current ??= crypto.randomUUID();
    const res = await api<EntryView>(`/api/entries/${id}/submit`, { locale, method: "POST", headers: { "Idempotency-Key": submitKey.current } });
    if (res.ok) {
      autosave.markSaved();
      // The receipt page says it was sent, with the code and where the receipt e-mail went.
      const receipt = new URL(paths.receipt.replace("{id}", id), window.location.href);
      receipt.searchParams.set("sent", "1");
      window.location.assign(receipt);
      return;
    }
    if (res.status !== 0) submitKey.current = null;
    setBusy(false);
    const fields = res.error.fields ?? {};
    refuse(res.status === 0 ? t("savedLocally") : Object.keys(fields).length ? t("errorSummary") : res.error.message, fields);
  }

  async function onWithdraw() {
    if (!entry || !window.confirm(t("withdrawConfirm"))) return;
    const res = await api<EntryView>(`/api/entries/${entry.id}/withdraw`, { locale, method: "POST" });
    if (res.ok) window.location.reload();
    else setAlert({ message: res.error.message, list: [] });
  }

  async function onDelete() {
    if (!entry || !window.confirm(t("deleteConfirm"))) return;
    const res = await api<void>(`/api/entries/${entry.id}`, { locale, method: "DELETE" });
    if (res.ok) {
      autosave.markSaved();
      window.location.assign(paths.list);
    } else setAlert({ message: res.error.message, list: [] });
  }

  const text = (name: keyof Draft, label: string, opts: { hint?: string; type?: string; multiline?: boolean; inputMode?: "numeric" | "url"; onBlur?: () => void } = {}) => {
    const id = fieldId(name);
    const error = errors[name];
    const common = {
      id,
      name,
      value: draft[name] as string,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(id, opts.hint, error),
      className: `mt-1 w-full rounded-md border px-3 py-2 text-base ${error ? "border-red-700" : "border-stone-400"} ${LOCKED}`,
    };
    return (
      <Field id={id} label={label} hint={opts.hint} error={error}>
        {opts.multiline ? (
          <textarea {...common} rows={6} onChange={(e) => update((d) => ({ ...d, [name]: e.target.value }))} />
        ) : (
          <input {...common} type={opts.type ?? "text"} inputMode={opts.inputMode} onBlur={opts.onBlur} onChange={(e) => update((d) => ({ ...d, [name]: e.target.value }))} />
        )}
      </Field>
    );
  };

  // An address typed without https:// gets it as the field is left, so the field shows what is stored.
  const normalizeField = (read: (d: Draft) => string, write: (d: Draft, url: string) => Draft) => () => {
    const typed = read(autosave.value);
    const normalized = normalizeUrl(typed);
    if (normalized !== typed) update((d) => write(d, normalized));
  };

  function onStoryText(value: string) {
    setStoryText(value);
    if (value.trim() === "") {
      setStoryError(null);
      update((d) => ({ ...d, storyRef: "" }));
      return;
    }
    const match = stories.find((s) => sameTitle(s.title, value) || s.slug === value.trim());
    if (match) {
      setStoryError(null);
      if (match.slug !== draft.storyRef) update((d) => ({ ...d, storyRef: match.slug }));
    }
  }

  const status = entry?.status ?? "draft";
  const storyId = fieldId("storyRef");
  const storyMessage = errors.storyRef ?? storyError ?? undefined;
  const saveLine = explicitSave ? (autosave.status.kind === "saving" ? t("saving") : unsaved ? t("changesPending") : savedChanges ? t("changesSaved", { time: formatTime(savedChanges, locale, { seconds: true }) }) : t("changesIdle")) : saveText;

  return (
    // Leaving a field sends what is pending at once rather than after the pause (drafts only).
    <form ref={form} onSubmit={(e) => e.preventDefault()} onBlur={() => void (explicitSave ? undefined : autosave.flush())} noValidate className="max-w-3xl space-y-6">
      {/* In the server's HTML and until the script has loaded (or for good, with scripting off): why the button waits. */}
      {!hydrated && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="needs-script">
          {t("needsScript")}
        </p>
      )}
      {status === "submitted" && entry?.code && (
        <div className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900" data-testid="submitted-note">
          <p className="font-semibold">{t("submittedNote", { code: entry.code })}</p>
          {editable && <p className="mt-1">{t("submittedEditNote")}</p>}
        </div>
      )}
      {status === "withdrawn" && <p className="rounded-md border border-stone-300 bg-stone-100 p-3">{t("withdrawnNote", { date: entry?.withdrawnAt ? formatDate(entry.withdrawnAt, locale) : "" })}</p>}
      {!editable && status !== "withdrawn" && <p className="rounded-md border border-stone-300 bg-stone-100 p-3">{t("readOnly")}</p>}
      {editable && autosave.restored && <RestoredNotice at={autosave.restored} locale={locale} namespace="EntryForm" onDiscard={autosave.discardRestored} />}
      {alert && (
        <div id="entry-alert" role="alert" tabIndex={-1} className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{alert.message}</p>
          {alert.list.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {alert.list.map((path) => (
                <li key={path}>
                  <a
                    className="underline"
                    href={`#${fieldTarget(path)}`}
                    onClick={(e) => {
                      // Following the link also puts the cursor in the field, ready to type.
                      const target = document.getElementById(fieldTarget(path));
                      if (target) {
                        e.preventDefault();
                        target.focus();
                        target.scrollIntoView({ block: "center" });
                      }
                    }}
                  >
                    <span className="font-semibold">{fieldLabel(path)}</span>: {errors[path] ?? ""}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset disabled={!editable || !hydrated} className="space-y-6">
        <Field id={fieldId("category")} label={t("category")} error={errors.category}>
          <select
            id={fieldId("category")}
            value={draft.category}
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={describedBy(fieldId("category"), undefined, errors.category)}
            onChange={(e) => update((d) => ({ ...d, category: e.target.value }))}
            className={`mt-1 w-full rounded-md border border-stone-400 px-3 py-2 text-base ${LOCKED}`}
          >
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        {text("title", t("title"))}
        {text("summary", t("summary"), { hint: t("summaryHint"), multiline: true })}
        {text("outlet", t("outlet"))}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("publishedAt", t("publishedAt"), { type: "date", hint: t("publishedAtHint", pubWindow) })}
          {text("length", t("length", { unit }), { inputMode: "numeric", hint: t("lengthHint", { max: category.maxLength, unit: category.unit }) })}
        </div>
        {text("url", t("url"), {
          type: "url",
          inputMode: "url",
          hint: category.requiresUrl ? `${t("urlHint")} ${t("urlFormatHint")}` : t("urlFormatHint"),
          onBlur: normalizeField((d) => d.url, (d, url) => ({ ...d, url })),
        })}
        <Field id={storyId} label={t("storyRef")} hint={t("storyRefHint")} error={storyMessage}>
          {/* A native list: it filters as one types, and needs no script of its own. */}
          <input
            id={storyId}
            type="text"
            list={`${storyId}-list`}
            autoComplete="off"
            value={storyText}
            aria-invalid={storyMessage ? true : undefined}
            aria-describedby={describedBy(storyId, t("storyRefHint"), storyMessage)}
            onChange={(e) => onStoryText(e.target.value)}
            onBlur={() => {
              if (storyText.trim() && !stories.some((s) => sameTitle(s.title, storyText) || s.slug === storyText.trim())) setStoryError(t("storyNotFound"));
            }}
            className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${storyMessage ? "border-red-700" : "border-stone-400"} ${LOCKED}`}
          />
          <datalist id={`${storyId}-list`}>
            {stories.map((s) => (
              <option key={s.slug} value={s.title} />
            ))}
          </datalist>
        </Field>

        <fieldset className="space-y-4 rounded-md border border-stone-300 p-4">
          <legend className="px-1 text-lg font-bold">{t("authors")}</legend>
          {errors.authors && <p className="text-sm font-semibold text-red-800">{errors.authors}</p>}
          {draft.authors.map((author, i) => (
            <fieldset key={i} className="grid gap-3 sm:grid-cols-3">
              <legend className="font-semibold">{i === 0 ? t("mainAuthor") : t("coAuthor", { n: i })}</legend>
              {i > 0 && coauthorStatus(i, author.email) && (
                <p className={`text-sm font-semibold sm:col-span-3 ${COAUTHOR_STYLES[coauthorStatus(i, author.email)!]}`}>{t(COAUTHOR_KEYS[coauthorStatus(i, author.email)!])}</p>
              )}
              {(["name", "penName", ...(i > 0 ? (["email"] as const) : [])] as const).map((key) => {
                const path = `authors.${i}.${key}`;
                const id = fieldId(path);
                const hint = key === "email" ? t("authorEmailHint") : undefined;
                return (
                  <Field key={key} id={id} label={key === "name" ? t("authorName") : key === "penName" ? t("penName") : t("authorEmail")} hint={hint} error={errors[path]}>
                    <input
                      id={id}
                      type={key === "email" ? "email" : "text"}
                      value={author[key]}
                      aria-invalid={errors[path] ? true : undefined}
                      aria-describedby={describedBy(id, hint, errors[path])}
                      onChange={(e) => update((d) => ({ ...d, authors: d.authors.map((a, j) => (j === i ? { ...a, [key]: e.target.value } : a)) }))}
                      className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${errors[path] ? "border-red-700" : "border-stone-400"} ${LOCKED}`}
                    />
                  </Field>
                );
              })}
              {i > 0 && editable && (
                <button type="button" onClick={() => update((d) => ({ ...d, authors: d.authors.filter((_, j) => j !== i) }))} className="justify-self-start text-sm font-semibold text-brand-700 underline">
                  {t("remove")}
                </button>
              )}
            </fieldset>
          ))}
          {editable && (
            <button type="button" onClick={() => update((d) => ({ ...d, authors: [...d.authors, { name: "", penName: "", email: "" }] }))} className="rounded-md border border-stone-400 px-3 py-2 text-sm font-semibold">
              {t("addCoAuthor")}
            </button>
          )}
        </fieldset>

        <fieldset id="ef-parts" tabIndex={-1} className="space-y-4 rounded-md border border-stone-300 p-4">
          <legend className="px-1 text-lg font-bold">{t("parts")}</legend>
          <p className="text-sm text-stone-600">{t("partsHint", { max: category.maxParts })}</p>
          {errors.parts && <p className="text-sm font-semibold text-red-800">{errors.parts}</p>}
          {draft.parts.map((part, i) => (
            <fieldset key={i} className="grid gap-3 sm:grid-cols-3">
              <legend className="font-semibold">{t("part", { n: i + 1 })}</legend>
              {(["title", "publishedAt", "url"] as const).map((key) => {
                const path = `parts.${i}.${key}`;
                const id = fieldId(path);
                return (
                  <Field key={key} id={id} label={key === "title" ? t("partTitle") : key === "publishedAt" ? t("partDate") : t("partUrl")} error={errors[path]}>
                    <input
                      id={id}
                      type={key === "publishedAt" ? "date" : key === "url" ? "url" : "text"}
                      value={part[key]}
                      aria-invalid={errors[path] ? true : undefined}
                      aria-describedby={describedBy(id, undefined, errors[path])}
                      onChange={(e) => update((d) => ({ ...d, parts: d.parts.map((p, j) => (j === i ? { ...p, [key]: e.target.value } : p)) }))}
                      onBlur={key === "url" ? normalizeField((d) => d.parts[i]?.url ?? "", (d, url) => ({ ...d, parts: d.parts.map((p, j) => (j === i ? { ...p, url } : p)) })) : undefined}
                      className={`mt-1 w-full rounded-md border px-3 py-2 text-base ${errors[path] ? "border-red-700" : "border-stone-400"} ${LOCKED}`}
                    />
                  </Field>
                );
              })}
              {editable && (
                <button type="button" onClick={() => update((d) => ({ ...d, parts: d.parts.filter((_, j) => j !== i) }))} className="justify-self-start text-sm font-semibold text-brand-700 underline">
                  {t("remove")}
                </button>
              )}
            </fieldset>
          ))}
          {editable && draft.parts.length < category.maxParts && (
            <button type="button" onClick={() => update((d) => ({ ...d, parts: [...d.parts, { title: "", publishedAt: "", url: "" }] }))} className="rounded-md border border-stone-400 px-3 py-2 text-sm font-semibold">
              {t("addPart")}
            </button>
          )}
        </fieldset>
      </fieldset>

      <section aria-labelledby="files-title" className="space-y-3 rounded-md border border-stone-300 p-4">
        <h2 id="files-title" className="text-lg font-bold">
          {t("attachments")}
        </h2>
        <p id={`${fieldId("attachments")}-hint`} className="text-sm text-stone-600">
          {t("attachmentsHint", { types: category.typeLabels, size: formatSize(category.maxFileBytes, locale), max: category.maxFiles })}
        </p>
        {errors.attachments && (
          <p id={`${fieldId("attachments")}-error`} className="text-sm font-semibold text-red-800">
            {errors.attachments}
          </p>
        )}
        <FileUpload
          locale={locale}
          inputId={fieldId("attachments")}
          entryId={entry?.id ?? null}
          invalid={Boolean(errors.attachments)}
          editable={editable && hydrated}
          accept={category.acceptedTypes.join(",")}
          maxBytes={category.maxFileBytes}
          files={entry?.attachments ?? []}
          ensureEntry={ensureSaved}
          onChange={(files) => setEntry((e) => (e ? { ...e, attachments: files } : e))}
        />
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1 h-5 w-5 shrink-0"
            checked={draft.publishFiles === true}
            disabled={!editable}
            aria-describedby="publish-files-hint"
            onChange={(e) => update((d) => ({ ...d, publishFiles: e.target.checked }))}
          />
          <span>
            <span className="font-semibold">{t("publishFiles")}</span>
            <span id="publish-files-hint" className="block text-sm text-stone-600">
              {t("publishFilesHint")}
            </span>
          </span>
        </label>
      </section>

      {editable && (
        <p aria-live="polite" className="text-sm text-stone-700" data-testid="save-state">
          {saveLine}
        </p>
      )}

      <div className="flex flex-wrap gap-3">
        {editable && status === "draft" && (
          <button type="button" onClick={onSubmit} disabled={busy || !hydrated} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {busy ? t("submitting") : t("submit")}
          </button>
        )}
        {explicitSave && (
          <button type="button" onClick={() => void onSaveChanges()} disabled={busy || !hydrated || !unsaved} className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {busy ? t("saving") : t("saveChanges")}
          </button>
        )}
        {status === "submitted" && entry && (
          <a href={paths.receipt.replace("{id}", entry.id)} className="rounded-md border border-stone-400 px-4 py-3 font-semibold">
            {t("viewReceipt")}
          </a>
        )}
        {editable && status === "submitted" && (
          <button type="button" onClick={onWithdraw} disabled={!hydrated} className="rounded-md border border-red-700 px-4 py-3 font-semibold text-red-800 disabled:opacity-60">
            {t("withdraw")}
          </button>
        )}
        {editable && status === "draft" && entry && (
          <button type="button" onClick={onDelete} disabled={!hydrated} className="rounded-md border border-stone-400 px-4 py-3 font-semibold disabled:opacity-60">
            {t("delete")}
          </button>
        )}
        <a href={paths.list} className="px-2 py-3 font-semibold text-brand-700 underline">
          {t("back")}
        </a>
      </div>
    </form>
  );
}

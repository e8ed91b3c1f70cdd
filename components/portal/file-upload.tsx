"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { AttachmentView } from "@/lib/db/queries/entries";
import { formatSize } from "@/lib/i18n/format";
import type { ApiErrorBody } from "./format";

type Props = {
  locale: string;
  inputId: string;
  /** Null until the first save of a new entry; ensureEntry() saves it. */
  entryId: string | null;
  invalid: boolean;
  editable: boolean;
  accept: string;
  maxBytes: number;
  files: AttachmentView[];
  ensureEntry: () => Promise<string | null>;
  onChange: (files: AttachmentView[]) => void;
};

/** One file at a time through XMLHttpRequest, whose upload events drive a real progress bar. */
export function FileUpload({ locale, inputId, entryId, invalid, editable, accept, maxBytes, files, ensureEntry, onChange }: Props) {
  const t = useTranslations("EntryForm");
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function upload(file: File) {
    setMessage(null);
    if (file.size > maxBytes) {
      setMessage({ text: t("uploadFailed", { message: formatSize(maxBytes, locale) }), error: true });
      return;
    }
    const id = entryId ?? (await ensureEntry());
    if (!id) return;
    setProgress({ name: file.name, percent: 0 });
    const body = new FormData();
    body.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/entries/${id}/attachments`);
    xhr.setRequestHeader("Accept-Language", locale);
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress({ name: file.name, percent: Math.round((e.loaded / e.total) * 100) });
    xhr.onload = () => {
      setProgress(null);
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported below as a failure with the status text.
      }
      if (xhr.status >= 200 && xhr.status < 300 && parsed) {
        const added = parsed as AttachmentView;
        onChange([...files.filter((f) => f.id !== added.id), added]);
        setMessage({ text: t("uploadDone", { name: added.fileName }), error: false });
      } else {
        setMessage({ text: t("uploadFailed", { message: (parsed as ApiErrorBody | null)?.error?.message ?? xhr.statusText }), error: true });
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setMessage({ text: t("uploadFailed", { message: t("savedLocally") }), error: true });
    };
    xhr.send(body);
  }

  async function remove(file: AttachmentView) {
    const res = await fetch(`/api/entries/${entryId}/attachments/${file.id}`, { method: "DELETE", headers: { "Accept-Language": locale } });
    if (res.ok) onChange(files.filter((f) => f.id !== file.id));
    else setMessage({ text: ((await res.json().catch(() => null)) as ApiErrorBody | null)?.error?.message ?? res.statusText, error: true });
  }

  return (
    <div className="space-y-3">
      {files.length === 0 ? (
        <p className="text-sm text-stone-600">{t("noFiles")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-md border border-stone-200 bg-white">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-3 p-3 text-sm">
              <span className="font-semibold break-all">{file.fileName}</span>
              <span className="text-stone-600">{formatSize(file.size, locale)}</span>
              <a className="text-brand-700 underline" href={`/api/entries/${entryId}/attachments/${file.id}`}>
                {t("download")}
              </a>
              {editable && (
                <button type="button" onClick={() => void remove(file)} className="ml-auto font-semibold text-brand-700 underline">
                  {t("remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {progress && (
        <div>
          <label htmlFor={`${inputId}-progress`} className="text-sm">
            {t("uploading", { name: progress.name })}
          </label>
          <progress id={`${inputId}-progress`} max={100} value={progress.percent} aria-label={t("uploadProgress")} className="block h-3 w-full">
            {progress.percent}%
          </progress>
          <span aria-live="polite" className="text-sm" data-testid="upload-percent">
            {progress.percent}%
          </span>
        </div>
      )}
      {message && (
        <p role={message.error ? "alert" : "status"} className={`text-sm font-semibold ${message.error ? "text-red-800" : "text-green-800"}`}>
          {message.text}
        </p>
      )}
      {editable && (
        <div>
          {/* The input is hidden behind its label, so the label shows the focus ring the input would (it comes first: peer-focus-visible). */}
          <input
            id={inputId}
            type="file"
            accept={accept}
            className="peer sr-only"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${inputId}-hint${invalid ? ` ${inputId}-error` : ""}`}
            disabled={Boolean(progress)}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void upload(file);
            }}
          />
          <label
            htmlFor={inputId}
            className="inline-block cursor-pointer rounded-md border border-stone-400 bg-white px-3 py-2 text-sm font-semibold peer-focus-visible:outline-[3px] peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[#1d4ed8] peer-focus-visible:outline-solid peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
          >
            {t("chooseFile")}
          </label>
        </div>
      )}
    </div>
  );
}

"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ApiError } from "./portal/format";
import { formatTime } from "@/lib/i18n/format";

export type SaveResult<R> = { ok: true; data: R } | { ok: false; status: number; error: ApiError };

export type AutosaveStatus = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "local" } | { kind: "error"; message: string };

/** What is kept in localStorage: the value, when it was typed, and the server version it was typed over. */
type LocalCopy<T> = { value: T; at: number; base: string | null };

export type AutosaveOptions<T, R> = {
  /** The localStorage key of this user's copy of this entry or sheet; read at each use, as it may change (a new entry gets its id). */
  storageKey: () => string | null;
  initial: T;
  /** The server's version of `initial` (its updatedAt), or null when the server has none yet. */
  serverVersion: string | null;
  /** False when the form is read-only: nothing is restored or saved. */
  enabled: boolean;
  send: (value: T) => Promise<SaveResult<R>>;
  /** The version the server gave what it stored (its updatedAt). */
  versionOf: (data: R) => string | null;
  onSaved?: (data: R) => void;
  onFieldErrors?: (fields: Record<string, string>) => void;
  delayMs?: number;
  /** False: changes are kept locally and sent only by flush() (an explicit "save changes"). */
  auto?: boolean;
};

const offline: SaveResult<never> = { ok: false, status: 0, error: { code: "network", message: "" } };
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

function readLocal<T>(key: string): LocalCopy<T> | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? "null") as Partial<LocalCopy<T>> | null;
    return parsed && "value" in parsed && typeof parsed.at === "number" ? { value: parsed.value as T, at: parsed.at, base: parsed.base ?? null } : null;
  } catch {
    return null;
  }
}

/**
 * A local copy is worth restoring when the server has not stored anything since it was typed:
 * either the server still has the version the copy was typed over (no clock involved), or the
 * copy is later than the server's version (another device saved before this one went offline).
 */
export function localCopyIsNewer(local: { at: number; base: string | null }, serverVersion: string | null): boolean {
  if (serverVersion === null) return true;
  if (local.base !== null && local.base === serverVersion) return true;
  const server = Date.parse(serverVersion);
  return Number.isNaN(server) || local.at > server;
}

/**
 * Autosave of one form's state. Every change is written to localStorage at once and sent after a
 * short pause; one save at a time, and a change made while one is in flight is sent (the newest
 * state only) once it returns. Network errors and 5xx are retried with growing pauses and at once
 * when the browser is back online; 4xx field errors are handed to the form. The local copy is
 * removed only when the server has stored exactly what it holds, and on the next visit a local
 * copy newer than the server's is put back into the form (`restored`), so a closed tab or a lost
 * connection never loses what was typed.
 */
export function useAutosave<T, R>(options: AutosaveOptions<T, R>) {
  const [value, setValue] = useState<T>(options.initial);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const [restored, setRestored] = useState<Date | null>(null);
  const opts = useRef(options);
  const valueRef = useRef(options.initial);
  const base = useRef(options.serverVersion);
  const dirty = useRef(false);
  const running = useRef<Promise<boolean> | null>(null);
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);
  const checked = useRef(false);
  // The pump is defined once; the retry timer and listeners reach the current one through this.
  const pumpRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  useEffect(() => {
    opts.current = options;
  });

  const writeLocal = useCallback((next: T) => {
    const key = opts.current.storageKey();
    if (!key) return;
    try {
      localStorage.setItem(key, JSON.stringify({ value: next, at: Date.now(), base: base.current } satisfies LocalCopy<T>));
    } catch {
      // Storage full or disabled: the server copy is still being saved.
    }
  }, []);

  const clearLocal = useCallback(() => {
    const key = opts.current.storageKey();
    if (!key) return;
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage disabled: there is nothing to remove.
    }
  }, []);

  const pump = useCallback((): Promise<boolean> => {
    if (running.current) return running.current;
    // Checked here, not in the loop: the loop must reach an await before it clears `running`.
    if (!dirty.current) return Promise.resolve(true);
    clearTimeout(retryTimer.current);
    const run = (async () => {
      try {
        while (dirty.current) {
          const sent = valueRef.current;
          dirty.current = false;
          // The browser knows it is offline: wait for its "online" event (or the retry) instead of sending.
          const online = navigator.onLine !== false;
          if (online) setStatus({ kind: "saving" });
          const res = await (online ? opts.current.send(sent) : offline);
          if (!res.ok) {
            dirty.current = true;
            if (res.status === 0 || res.status >= 500) {
              setStatus({ kind: "local" });
              const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** failures.current++);
              retryTimer.current = setTimeout(() => void pumpRef.current(), wait);
            } else {
              // Refused, but typed on while it was out: the newer state may be fine, so it goes next
              // (stopping here would leave it unsent until the next keystroke).
              if (valueRef.current !== sent) continue;
              opts.current.onFieldErrors?.(res.error.fields ?? {});
              setStatus({ kind: "error", message: res.error.message });
            }
            return false;
          }
          failures.current = 0;
          base.current = opts.current.versionOf(res.data);
          opts.current.onSaved?.(res.data);
          // Typed on while this save was out: keep that newer state locally (over the new version) until it is sent too.
          if (valueRef.current === sent) clearLocal();
          else writeLocal(valueRef.current);
          setStatus({ kind: "saved", at: new Date() });
        }
        return true;
      } finally {
        running.current = null;
      }
    })();
    running.current = run;
    return run;
  }, [clearLocal, writeLocal]);

  useEffect(() => {
    pumpRef.current = pump;
  }, [pump]);

  /** Replaces the state (a change by the user): kept locally now, sent after a pause. */
  const update = useCallback(
    (change: (current: T) => T) => {
      const next = change(valueRef.current);
      valueRef.current = next;
      dirty.current = true;
      setValue(next);
      writeLocal(next);
      clearTimeout(debounce.current);
      if (opts.current.auto !== false) debounce.current = setTimeout(() => void pumpRef.current(), opts.current.delayMs ?? 700);
    },
    [writeLocal],
  );

  /** Sends what is pending now and resolves once the server has it (false if it could not). `force` sends even an unchanged state. */
  const flush = useCallback(
    async (force = false): Promise<boolean> => {
      clearTimeout(debounce.current);
      if (force) dirty.current = true;
      // A save already out may hold an older state; the pump sends the newest one after it.
      let ok = await pump();
      while (ok && dirty.current) ok = await pump();
      return ok;
    },
    [pump],
  );

  /** The server has the state by other means (a submit): nothing is pending, the local copy goes. */
  const markSaved = useCallback(() => {
    clearTimeout(debounce.current);
    clearTimeout(retryTimer.current);
    dirty.current = false;
    clearLocal();
  }, [clearLocal]);

  /** Puts the server's version back in place of a restored local copy (and saves it, as the restored one may have been sent already). */
  const discardRestored = useCallback(() => {
    setRestored(null);
    update(() => opts.current.initial);
  }, [update]);

  // Once, after hydration (localStorage does not exist in the server's render).
  useEffect(() => {
    if (checked.current || !opts.current.enabled) return;
    checked.current = true;
    const key = opts.current.storageKey();
    const local = key ? readLocal<T>(key) : null;
    if (!local) return;
    if (!localCopyIsNewer(local, opts.current.serverVersion) || JSON.stringify(local.value) === JSON.stringify(opts.current.initial)) {
      clearLocal();
      return;
    }
    valueRef.current = local.value;
    dirty.current = true;
    setValue(local.value);
    setRestored(new Date(local.at));
    if (opts.current.auto !== false) void pump();
  }, [clearLocal, pump]);

  useEffect(() => {
    const sendPending = () => {
      if (dirty.current && opts.current.auto !== false) void pumpRef.current();
    };
    // A phone switching apps may never come back to this page: send what is pending while it can.
    const hidden = () => {
      if (document.visibilityState === "hidden") sendPending();
    };
    window.addEventListener("online", sendPending);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("online", sendPending);
      document.removeEventListener("visibilitychange", hidden);
      clearTimeout(debounce.current);
      clearTimeout(retryTimer.current);
    };
  }, []);

  return { value, update, status, flush, markSaved, clearLocal, restored, discardRestored };
}

/** The forms that autosave, each with its own wording of the same messages. */
export type AutosaveNamespace = "EntryForm" | "JuryForm";

/** The line for the form's aria-live region, from the form's namespace: saveIdle, saving, saved ({time}), savedLocally and saveFailed ({message}). */
export function useAutosaveText(status: AutosaveStatus, namespace: AutosaveNamespace, locale: string): string {
  const t = useTranslations(namespace);
  switch (status.kind) {
    case "saving":
      return t("saving");
    case "saved":
      return t("saved", { time: formatSaveTime(status.at, locale) });
    case "local":
      return t("savedLocally");
    case "error":
      return t("saveFailed", { message: status.message });
    default:
      return t("saveIdle");
  }
}

/** The time of a save, to the second: two saves a minute apart must read differently. */
export function formatSaveTime(at: Date, locale: string): string {
  return formatTime(at, locale, { seconds: true });
}

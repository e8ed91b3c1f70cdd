import { useSyncExternalStore } from "react";
// Client components receive their strings as props (no i18n runtime on the client); this fills
// the {name} arguments the same way the server does.
export type Strings = Record<string, string>;

export function fill(template: string | undefined, params: Record<string, string | number> = {}): string {
  return (template ?? "").replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export type ApiError = { code: string; message: string; fields?: Record<string, string> };

/** fetch with the page's language, returning the JSON body or the API's error shape. */
export async function api<T>(url: string, init: RequestInit & { locale: string }): Promise<{ ok: true; data: T } | { ok: false; status: number; error: ApiError }> {
  try {
    const res = await fetch(url, { ...init, headers: { "Accept-Language": init.locale, ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers } });
    if (res.status === 204) return { ok: true, data: undefined as T };
    const body = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: body as T };
    return { ok: false, status: res.status, error: (body as { error?: ApiError } | null)?.error ?? { code: "internal", message: res.statusText } };
  } catch {
    return { ok: false, status: 0, error: { code: "network", message: "" } };
  }
}

/**
 * False in the server HTML and until React has attached its handlers. The portal's forms need
 * JavaScript, so their controls stay disabled until then instead of posting nowhere or losing
 * what was typed before hydration.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );
}

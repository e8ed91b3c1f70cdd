import { useSyncExternalStore } from "react";
import type { ApiError, ApiErrorBody } from "@/lib/errors";

export type { ApiError, ApiErrorBody };

/** fetch with the page's language, returning the JSON body or the API's error shape. */
export async function api<T>(url: string, init: RequestInit & { locale: string }): Promise<{ ok: true; data: T } | { ok: false; status: number; error: ApiError }> {
  try {
    const res = await fetch(url, { ...init, headers: { "Accept-Language": init.locale, ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers } });
    if (res.status === 204) return { ok: true, data: undefined as T };
    const body = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: body as T };
    return { ok: false, status: res.status, error: (body as ApiErrorBody | null)?.error ?? { code: "internal", message: res.statusText } };
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

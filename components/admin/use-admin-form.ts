"use client";
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { api, type ApiError } from "@/components/portal/format";

type Request = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown };
type Outcome<T> = {
  /** The change is made: show it (the status is cleared unless this sets it). */
  done: (data: T) => void;
  /** The API said no; by default its field messages go by their paths and its message to the summary. */
  refused?: (error: ApiError) => void;
  /** "Working…" in the status while the request runs (the default); false leaves the status alone. */
  working?: boolean;
};

/**
 * The state every secretariat form keeps around one request: busy (controls disabled), the
 * messages by field, the error summary (ErrorAlert) and the status line (role="status"). `send`
 * clears the last outcome, says "working…", and on a network failure puts the common message in
 * the summary; the form decides what a success and a refusal show.
 */
export function useAdminForm(locale: string) {
  const common = useTranslations("Admin.Common");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState("");
  const [status, setStatus] = useState("");

  const refuse = useCallback((fields: Record<string, string>, message: string) => {
    setErrors(fields);
    setAlert(message);
    setStatus("");
  }, []);

  const clearError = useCallback((key: string) => setErrors((all) => ({ ...all, [key]: "" })), []);

  const send = async <T = unknown>(url: string, request: Request, outcome: Outcome<T>): Promise<void> => {
    const working = outcome.working ?? true;
    setBusy(true);
    if (working) setStatus(common("working"));
    setAlert("");
    setErrors({});
    const res = await api<T>(url, { locale, method: request.method, ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }) });
    setBusy(false);
    if (working) setStatus("");
    if (res.ok) return outcome.done(res.data);
    if (res.status === 0) return setAlert(common("networkError"));
    if (outcome.refused) outcome.refused(res.error);
    else refuse(res.error.fields ?? {}, res.error.message);
  };

  return { busy, errors, alert, status, setStatus, setAlert, refuse, clearError, send };
}

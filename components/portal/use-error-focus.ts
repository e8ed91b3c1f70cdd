"use client";
import { useCallback, useEffect, useState, type RefObject } from "react";
import { focusFirstError } from "./field";

/**
 * After a refused submit: returns a function that, once the errors are rendered, moves focus to
 * the first invalid field of `form`, or to the element `fallbackId` (the error summary) when no
 * field is marked.
 */
export function useErrorFocus(form: RefObject<HTMLElement | null>, fallbackId?: string): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    if (form.current?.querySelector('[aria-invalid="true"]')) focusFirstError(form.current);
    else if (fallbackId) document.getElementById(fallbackId)?.focus();
  }, [request, form, fallbackId]);
  return useCallback(() => setRequest((n) => n + 1), []);
}

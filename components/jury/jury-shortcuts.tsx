"use client";
import { useEffect } from "react";

type Props = { previous: string | null; next: string | null; nextUnscored: string | null; list: string };

/** True when a key press belongs to what the juror is typing, not to the page. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Moving between entries from the keyboard: j next, k previous, n next entry to score, u the list.
 * Single keys act only while no field has the focus (never while a score or a comment is typed)
 * and without a modifier, so the browser's and the screen reader's own shortcuts stay theirs.
 */
export function JuryShortcuts({ previous, next, nextUnscored, list }: Props) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const href = { j: next, k: previous, n: nextUnscored, u: list }[event.key.toLowerCase()];
      if (!href) return;
      event.preventDefault();
      window.location.assign(href);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [previous, next, nextUnscored, list]);
  return null;
}

import type { ReactNode } from "react";

/** What went wrong with the form's last send, announced as it appears; `className` adds spacing and size. */
export function ErrorAlert({ className = "", children }: { className?: string; children: ReactNode }) {
  return (
    <p role="alert" className={`rounded-md border border-red-300 bg-red-50 text-red-900 ${className}`}>
      {children}
    </p>
  );
}

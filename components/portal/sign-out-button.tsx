"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label, to }: { label: string; to: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: to })} className="rounded-md border border-stone-300 px-3 py-2 text-sm font-semibold hover:bg-stone-100">
      {label}
    </button>
  );
}

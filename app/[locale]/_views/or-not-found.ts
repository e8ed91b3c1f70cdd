import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** What a query returns, or the page's 404 when it answers 404 (no such thing, or not the caller's to see). */
export function orNotFound<T>(query: Promise<T>): Promise<T> {
  return query.catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
}

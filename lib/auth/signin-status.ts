import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AppError } from "@/lib/errors";

/*
 * next-auth answers every refused credentials sign-in the same way (an error in the redirect URL).
 * A throttled attempt must be a 429 with Retry-After, so `authorize` leaves the refusal here and
 * the next-auth route handler (which runs next-auth inside `withSignInStatus`) gives its response
 * that status. The body stays next-auth's: its client still reads the message from the URL.
 */
type Refusal = { status: number; retryAfter?: number };
const current = new AsyncLocalStorage<{ refusal?: Refusal }>();

export function reportSignInRefusal(error: AppError): void {
  const slot = current.getStore();
  if (!slot || error.status !== 429) return;
  slot.refusal = { status: 429, retryAfter: Number(error.params.retryAfter ?? Number(error.params.minutes ?? 1) * 60) };
}

export async function withSignInStatus(run: () => Promise<Response>): Promise<Response> {
  const slot: { refusal?: Refusal } = {};
  const response = await current.run(slot, run);
  if (!slot.refusal) return response;
  const headers = new Headers(response.headers);
  if (slot.refusal.retryAfter) headers.set("Retry-After", String(slot.refusal.retryAfter));
  return new Response(response.body, { status: slot.refusal.status, headers });
}

// The rules of a password reset link: an unguessable token stored only as its hash, one hour of
// life, and once used, used for good.
import { describe, expect, it } from "vitest";
import { hashResetToken, newResetToken, RESET_LINK_MINUTES, resetLinkExpiry, resetLinkState } from "@/lib/auth/reset-token";

const now = new Date("2026-12-06T03:00:00Z");

describe("password reset tokens", () => {
  it("are 256 random bits, different each time, and stored only as their SHA-256", () => {
    const a = newResetToken();
    const b = newResetToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
    expect(hashResetToken(a.token)).toBe(a.hash);
    expect(hashResetToken(b.token)).not.toBe(a.hash);
  });

  it("refuse text that cannot be a token before it reaches the database", () => {
    const { token } = newResetToken();
    for (const bad of ["", token.slice(1), `${token}x`, `${token.slice(0, 42)}=`, `${token.slice(0, 42)}.`, "' or 1=1 --".padEnd(43, "a")]) expect(hashResetToken(bad), bad).toBeNull();
  });

  it("expire an hour after they are made", () => {
    expect(RESET_LINK_MINUTES).toBe(60);
    expect(resetLinkExpiry(now).toISOString()).toBe("2026-12-06T04:00:00.000Z");
  });

  it("work until they expire or are used, whichever comes first; never for a disabled account or an unknown link", () => {
    const expiresAt = resetLinkExpiry(now);
    const link = (change: Partial<{ usedAt: Date | null; accountDisabled: boolean }> = {}) => ({ expiresAt, usedAt: null, accountDisabled: false, ...change });
    expect(resetLinkState(link(), now)).toBe("valid");
    expect(resetLinkState(link(), new Date(expiresAt.getTime() - 1))).toBe("valid");
    expect(resetLinkState(link(), expiresAt)).toBe("expired");
    expect(resetLinkState(link(), new Date(expiresAt.getTime() + 1))).toBe("expired");
    expect(resetLinkState(link({ usedAt: now }), now)).toBe("used");
    // A used link says so even after its hour: the person learns it worked.
    expect(resetLinkState(link({ usedAt: now }), new Date(expiresAt.getTime() + 60_000))).toBe("used");
    expect(resetLinkState(link({ accountDisabled: true }), now)).toBe("invalid");
    expect(resetLinkState(null, now)).toBe("invalid");
  });
});

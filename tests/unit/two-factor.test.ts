// The two-factor building blocks: sealed secrets, TOTP codes with one step of drift, recovery codes.
import { describe, expect, it } from "vitest";
import { groupedSecret, hashRecoveryCode, matchRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeCode, openSecret, sealSecret, totpCode, totpUri, verifyTotp } from "@/lib/auth/two-factor";

const MASTER = "a-test-auth-secret-of-enough-length";

describe("two-factor", () => {
  it("seals a secret so that only the same AUTH_SECRET opens it, and tampering is caught", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const sealed = sealSecret(secret, MASTER);
    expect(sealed).not.toContain(secret);
    expect(sealSecret(secret, MASTER)).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(sealed, MASTER)).toBe(secret);
    expect(() => openSecret(sealed, "another-secret")).toThrow();
    const [v, iv, data, tag] = sealed.split(".");
    const flipped = (data!.startsWith("A") ? "B" : "A") + data!.slice(1);
    expect(() => openSecret([v, iv, flipped, tag].join("."), MASTER)).toThrow();
  });

  it("accepts the current code and one step either side, nothing further or malformed", () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 11, 5, 12, 0, 15);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now)).toBe(false);
    expect(verifyTotp(secret, "12345", now)).toBe(false);
    expect(verifyTotp(secret, "abcdef", now)).toBe(false);
    // RFC 6238's SHA-1 test vector: the secret "12345678901234567890" at 59 s gives 94287082 (8 digits); its last 6.
    expect(totpCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59_000)).toBe("287082");
  });

  it("writes the otpauth URI apps read, and the secret in groups of four", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXP", "thuky@lantoa.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Lan%20T%E1%BB%8Fa:thuky%40lantoa\.test\?/);
    expect(uri).toContain("secret=JBSWY3DPEHPK3PXP");
    expect(uri).toContain("digits=6");
    expect(groupedSecret("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
  });

  it("makes ten distinct recovery codes, stored only as keyed hashes and matched however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = codes.map((c) => hashRecoveryCode(c, MASTER));
    expect(hashes.join()).not.toContain(codes[0]!.replace("-", ""));
    expect(matchRecoveryCode(` ${codes[3]!.toUpperCase().replace("-", " ")} `, hashes, MASTER)).toBe(hashes[3]);
    expect(matchRecoveryCode(codes[3]!, hashes, "another-secret")).toBeNull();
    expect(matchRecoveryCode("aaaaa-aaaaa", hashes, MASTER)).toBeNull();
    expect(normalizeCode("123 456")).toBe("123456");
  });
});

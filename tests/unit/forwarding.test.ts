import { describe, expect, it } from "vitest";
import { replaceForwardedFor } from "@/lib/forwarding";
import { clientAddress } from "@/lib/auth/rate-limit";

describe("a server without a trusted proxy", () => {
  it("keys the rate limits on the socket's address, whatever the client claims", () => {
    const sent = { "x-forwarded-for": "203.0.113.9, 198.51.100.1", "x-real-ip": "203.0.113.10", host: "lantoa.vn" };
    const headers = replaceForwardedFor({ ...sent }, "192.0.2.44");
    expect(headers).toEqual({ "x-forwarded-for": "192.0.2.44", host: "lantoa.vn" });
    expect(clientAddress(new Headers(headers))).toBe("192.0.2.44");
    // Behind a trusted proxy the headers are left alone: the proxy's last hop counts.
    expect(clientAddress(new Headers(sent))).toBe("198.51.100.1");
  });
  it("sets the address when the client sent none", () => {
    expect(replaceForwardedFor({}, "::1")).toEqual({ "x-forwarded-for": "::1" });
    expect(replaceForwardedFor({}, undefined)).toEqual({ "x-forwarded-for": "unknown" });
  });
});

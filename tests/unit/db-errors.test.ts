import { describe, expect, it } from "vitest";
import { isConnectionError, isUniqueViolation } from "@/lib/db/queries/errors";

const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });

describe("database error kinds", () => {
  it("recognises a lost connection however deep the driver wrapped it", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(wrapped(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })))).toBe(true);
    expect(isConnectionError(wrapped(Object.assign(new Error("connection failure"), { code: "08006" })))).toBe(true);
    expect(isConnectionError(wrapped(new Error("Connection terminated unexpectedly")))).toBe(true);
  });

  it("does not mistake the request's own errors for an outage", () => {
    expect(isConnectionError(wrapped(Object.assign(new Error("duplicate key"), { code: "23505" })))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isConnectionError(new TypeError("x is undefined"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isUniqueViolation(wrapped(Object.assign(new Error("duplicate key"), { code: "23505" })))).toBe(true);
  });
});

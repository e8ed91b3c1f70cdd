import { afterAll, describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm";
import { validateEnv } from "@/lib/env";
import { logger, requestIdFrom, setLogDestination } from "@/lib/log";

const written: string[] = [];
setLogDestination({ write: (line: string) => written.push(line) });
afterAll(() => setLogDestination());

function logged(write: () => void): Record<string, unknown> {
  const from = written.length;
  write();
  expect(written.length).toBe(from + 1);
  return JSON.parse(written[from]!);
}

describe("logger", () => {
  it("blanks secrets and contact details wherever a caller puts them", () => {
    const line = logged(() =>
      logger.warn(
        {
          password: "p1-secret",
          body: { email: "mai@baomoi.vn", phone: "0912345678", password: "p2-secret", nested: { token: "t-secret" } },
          headers: { cookie: "next-auth.session-token=abc", authorization: "Bearer xyz", "set-cookie": "a=b" },
          kept: "visible",
        },
        "checking redaction",
      ),
    );
    const text = JSON.stringify(line);
    for (const secret of ["p1-secret", "p2-secret", "t-secret", "mai@baomoi.vn", "0912345678", "session-token=abc", "Bearer xyz", "a=b"]) expect(text).not.toContain(secret);
    expect(line).toMatchObject({ level: "warn", kept: "visible", password: "[redacted]", body: { email: "[redacted]" }, msg: "checking redaction" });
  });

  it("logs a database error with its statement and stack, without its values or the driver's detail", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: "23505", detail: "Key (email)=(mai@baomoi.vn) already exists.", constraint: "users_email_unique" });
    const error = new DrizzleQueryError('insert into "users" ("email", "password_hash") values ($1, $2)', ["mai@baomoi.vn", "scrypt$secret"], cause);
    const line = logged(() => logger.error({ err: error }, "failed"));
    const text = JSON.stringify(line);
    expect(text).not.toContain("mai@baomoi.vn");
    expect(text).not.toContain("scrypt$secret");
    expect(line.err).toMatchObject({ type: "DrizzleQueryError", message: 'Failed query: insert into "users" ("email", "password_hash") values ($1, $2)', cause: { code: "23505", constraint: "users_email_unique" } });
    expect((line.err as { stack: string }).stack).toMatch(/\n\s+at /);
  });

  it("scrubs addresses out of any error text", () => {
    const line = logged(() => logger.error({ err: new Error("mailbox unavailable: mai.nguyen+contest@bao-moi.vn rejected") }, "mail"));
    expect(JSON.stringify(line)).not.toContain("mai.nguyen");
    expect((line.err as { message: string }).message).toBe("mailbox unavailable: [email] rejected");
  });
});

describe("request ids", () => {
  it("keeps a sane incoming id and makes a new one otherwise", () => {
    expect(requestIdFrom("abcd-1234_x.y")).toBe("abcd-1234_x.y");
    for (const bad of [null, undefined, "", "short", "a".repeat(81), "has space 12345", "new\nline-12345", "semi;colon-1234"]) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe("LOG_LEVEL", () => {
  it("is validated with the rest of the environment", () => {
    expect(validateEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(validateEnv({ LOG_LEVEL: "" }).LOG_LEVEL).toBeUndefined();
    expect(() => validateEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of/);
  });
});

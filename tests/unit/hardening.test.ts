// The HTTP boundary's small holes, each closed: where `next` may send someone, which Origin is
// ours, what counts as JSON, repeated and prototype-named parameters, invisible characters, PDFs
// that are also web pages, and which paths the site-wide policy covers.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { safeNextPath } from "@/lib/http/next-path";
import { safeNext } from "@/app/[locale]/_views/portal";
import { isCrossOrigin, isJsonType, originSettings, readJsonBody, readQuery, type OriginSettings } from "@/lib/http/request";
import { zodFields } from "@/lib/http/validation";
import { AppError } from "@/lib/errors";
import { cleanText } from "@/lib/validation/text";
import { holdsMarkup } from "@/lib/storage/receive";
import { sourceExcept } from "@/lib/csp";
import { replaceForwardedFor } from "@/lib/forwarding";

const FALLBACK = "/bai-du-thi";

describe("safeNextPath: where to go after signing in or up", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeNextPath("/bai-du-thi", FALLBACK)).toBe("/bai-du-thi");
    expect(safeNextPath("/en/entries/new?category=print#file", FALLBACK)).toBe("/en/entries/new?category=print#file");
    expect(safeNextPath("/giam-khao/tac-pham/123", FALLBACK)).toBe("/giam-khao/tac-pham/123");
    expect(safeNextPath("/cau-chuyen/ha-tinh?q=%E1%BA%A1", FALLBACK)).toBe("/cau-chuyen/ha-tinh?q=%E1%BA%A1");
  });

  // What the sign-in page receives after the query string is decoded (`?next=/%09/evil.example` is "/\t/evil.example").
  const hostile = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/\t\\evil.example",
    "//evil.example",
    "//evil.example/bai-du-thi",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "//user:pass@evil.example",
    "/@evil.example".replace("/", "//"),
    "//lantoa.invalid@evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "evil.example",
    "",
    "/" + "a".repeat(3000),
  ];
  it.each(hostile.map((value) => [JSON.stringify(value).slice(0, 40), value]))("sends %s nowhere but the fallback", (_, value) => {
    const kept = safeNextPath(value, FALLBACK);
    // Either refused, or an own path that no browser could read as another host.
    expect(kept === FALLBACK || (kept.startsWith("/") && !kept.startsWith("//") && !kept.includes("\\"))).toBe(true);
    expect(new URL(kept, "https://lantoa.vn").origin).toBe("https://lantoa.vn");
    if (value.includes("evil")) expect(kept).toBe(FALLBACK);
  });

  it("is what the sign-in and sign-up pages use (safeNext)", () => {
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/.//evil.example"]) expect(safeNext(value, "vi"), JSON.stringify(value)).toBe("/bai-du-thi");
    expect(safeNext("/\t/evil.example", "en")).toBe("/en/entries");
    expect(safeNext("/giam-khao", "vi")).toBe("/giam-khao");
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, ["/a", "/b"], 42]) expect(safeNextPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it("holds against the encoded forms as the sign-in page decodes them", () => {
    for (const query of ["next=/%09/evil.example", "next=/%0a/evil.example", "next=/%0d/evil.example", "next=/%5Cevil.example", "next=%2F%2Fevil.example", "next=/%2F/evil.example".replace("%2F", "%09%2F"), "next=%09%2F%2Fevil.example"]) {
      const value = new URLSearchParams(query).get("next");
      expect(safeNextPath(value, FALLBACK), query).toBe(FALLBACK);
    }
    // Percent-encoding that stays inside the path is kept as it was: it cannot leave the site.
    expect(safeNextPath("/%2F%2Fevil.example", FALLBACK)).toBe("/%2F%2Fevil.example");
  });
});

describe("isCrossOrigin: one check, by full origin", () => {
  const post = (url: string, headers: Record<string, string>) => new Request(url, { method: "POST", headers });
  const direct: OriginSettings = { trustProxy: false };
  const proxied: OriginSettings = { trustProxy: true };

  it("accepts the request's own origin and a request without one", () => {
    expect(isCrossOrigin(post("http://localhost:3000/api/entries", { origin: "http://localhost:3000", host: "localhost:3000" }), direct)).toBe(false);
    expect(isCrossOrigin(post("http://localhost:3000/api/entries", { host: "localhost:3000" }), direct)).toBe(false);
  });

  it("compares the scheme and the port, not only the host", () => {
    expect(isCrossOrigin(post("http://localhost:3000/api/entries", { origin: "https://localhost:3000", host: "localhost:3000" }), direct)).toBe(true);
    expect(isCrossOrigin(post("http://localhost:3000/api/entries", { origin: "http://localhost:4000", host: "localhost:3000" }), direct)).toBe(true);
    expect(isCrossOrigin(post("http://lantoa.vn/api/entries", { origin: "https://lantoa.vn", host: "lantoa.vn" }), direct)).toBe(true);
    expect(isCrossOrigin(post("http://localhost:3000/api/entries", { origin: "null", host: "localhost:3000" }), direct)).toBe(true);
  });

  it("ignores X-Forwarded-Host and -Proto without a trusted proxy (TRUST_PROXY=0)", () => {
    const forged = { origin: "https://evil.example", host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect(isCrossOrigin(post("http://localhost:3000/api/entries", forged), direct)).toBe(true);
    expect(isCrossOrigin(post("http://localhost:3000/api/entries", forged), originSettings({ TRUST_PROXY: "0" }))).toBe(true);
  });

  it("reads them behind a trusted proxy (TRUST_PROXY=1): TLS ends there", () => {
    const behind = { origin: "https://lantoa.vn", host: "10.0.0.5:3000", "x-forwarded-host": "lantoa.vn", "x-forwarded-proto": "https" };
    expect(isCrossOrigin(post("http://10.0.0.5:3000/api/entries", behind), proxied)).toBe(false);
    expect(isCrossOrigin(post("http://10.0.0.5:3000/api/entries", { ...behind, origin: "http://lantoa.vn" }), proxied)).toBe(true);
    expect(isCrossOrigin(post("http://10.0.0.5:3000/api/entries", { ...behind, "x-forwarded-host": "lantoa.vn/@evil" }), proxied)).toBe(true);
  });

  it("compares with SITE_URL when it is set, whatever the headers say", () => {
    const site = originSettings({ SITE_URL: "https://lantoa.vn", TRUST_PROXY: "1" });
    expect(isCrossOrigin(post("http://10.0.0.5:3000/api/entries", { origin: "https://lantoa.vn", host: "10.0.0.5:3000" }), site)).toBe(false);
    expect(isCrossOrigin(post("http://10.0.0.5:3000/api/entries", { origin: "http://lantoa.vn", host: "10.0.0.5:3000" }), site)).toBe(true);
    expect(isCrossOrigin(post("https://evil.example/api/entries", { origin: "https://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" }), site)).toBe(true);
    expect(originSettings({ SITE_URL: "" })).toEqual({ siteUrl: undefined, trustProxy: false });
  });

  it("a server without a proxy drops the forwarded scheme and host before Next.js builds request.url", () => {
    expect(replaceForwardedFor({ host: "a", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, "192.0.2.1")).toEqual({ host: "a", "x-forwarded-for": "192.0.2.1" });
  });
});

describe("JSON bodies and query strings", () => {
  it("takes exactly application/json as JSON, with parameters", () => {
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", " application/json "]) expect(isJsonType(type), type).toBe(true);
    for (const type of ["application/jsonx", "application/json-patch+json", "application/json5", "text/json", "application/x-json", "", null]) expect(isJsonType(type), String(type)).toBe(false);
  });

  it("refuses application/jsonx with 415 before reading the body", async () => {
    const req = new Request("http://localhost/api/entries", { method: "POST", headers: { "content-type": "application/jsonx" }, body: "{}" });
    await expect(readJsonBody(req, z.object({}))).rejects.toMatchObject({ status: 415, code: "jsonRequired" });
  });

  it("names a body key such as __proto__ in the fields of its 422", async () => {
    const req = new Request("http://localhost/api/entries", { method: "POST", headers: { "content-type": "application/json" }, body: '{"title":"a","__proto__":{"role":"secretariat"}}' });
    const error = await readJsonBody(req, z.object({ title: z.string() }).strict()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect(Object.keys((error as AppError).fields!)).toEqual(["__proto__"]);
    const issues = z.object({}).strict().safeParse(JSON.parse('{"__proto__":1,"constructor":2}'));
    expect(Object.keys(zodFields(issues.error!)).sort()).toEqual(["__proto__", "constructor"]);
  });

  it("refuses a repeated parameter with 400 naming it, on every route's query", () => {
    const schema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx"), tag: z.array(z.string()).optional() }).strict();
    expect(readQuery(new URL("http://localhost/x?format=csv&tag=a&tag=b"), schema)).toEqual({ format: "csv", tag: ["a", "b"] });
    const error = (() => {
      try {
        readQuery(new URL("http://localhost/x?format=csv&format=xlsx"), schema);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toMatchObject({ status: 400, code: "repeatedParameter", params: { names: "format" }, fields: { format: { key: "repeated" } } });
    const proto = (() => {
      try {
        readQuery(new URL("http://localhost/x?__proto__=x"), schema);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(proto?.status).toBe(422);
    expect(Object.entries(proto!.fields!)).toEqual([["__proto__", { key: "unknownField" }]]);
  });
});

describe("the text normaliser", () => {
  it("makes a zero-width space a space instead of joining two words", () => {
    expect(cleanText("Nguyễn\u200BVăn\u200BA")).toBe("Nguyễn Văn A");
    expect(cleanText("Nguyễn \u200B Văn")).toBe("Nguyễn Văn");
    expect(cleanText("dòng\u200B\nhai", true)).toBe("dòng\nhai");
  });
  it("removes joiners, the BOM, the soft hyphen, bidi controls and other invisible format characters", () => {
    expect(cleanText("\uFEFFHà\u200CNội\u200D\u00AD\u2060")).toBe("HàNội");
    expect(cleanText("abc\u202Etxt.exe\u202C \u2066x\u2069 \u200E\u200F\u061C")).toBe("abctxt.exe x");
    expect(cleanText("a\u0007b\u0000c")).toBe("abc");
  });
  it("is NFC even when a removed character stood between a letter and its accent", () => {
    expect(cleanText("a\u200D\u0300")).toBe("à");
  });
});

describe("uploads and downloads", () => {
  it("spots a PDF that is also a web page", () => {
    const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`);
    expect(holdsMarkup(pdf("1 0 obj << /Type /Catalog >> endobj"))).toBe(false);
    expect(holdsMarkup(pdf('<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'))).toBe(false);
    for (const markup of ["<html><script>alert(1)</script></html>", "<!DOCTYPE html><p>x", "<BODY onload=alert(1)>", "<svg onload=alert(1)>", "<ScRiPt>alert(1)</sCrIpT>"]) {
      expect(holdsMarkup(pdf(markup)), markup).toBe(true);
    }
  });

  it("leaves /api/ out of the site-wide policy, which would overwrite a download's own", () => {
    // next.config's `source` is /:path(<regular expression>); matched against the path without its slash.
    const source = sourceExcept(["/dang-nhap"], ["api"]);
    const pattern = new RegExp(`^${/^\/:path\((.*)\)$/.exec(source)![1]}$`);
    for (const path of ["api", "api/health", "api/entries/1/attachments/2", "api/admin/exports/all", "dang-nhap"]) expect(pattern.test(path), path).toBe(false);
    for (const path of ["", "cau-chuyen/a", "apis", "api-docs", "en/stories"]) expect(pattern.test(path), path).toBe(true);
  });
});

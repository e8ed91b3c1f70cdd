import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openClients } from "@/lib/search/connection";
import { syncStoriesIndex } from "@/lib/search/story-index";
import { dropTestIndexes, testBackend } from "../support/search";

// GET /api/search through its real handler, on this file's own index (the prefix is set before
// the app's modules read the environment).
const backend = testBackend();
process.env.MEILI_INDEX_PREFIX = backend.indexPrefix;
const { GET } = await import("@/app/api/search/route");
const { publishedStories, publishedStorySources } = await import("@/lib/content/stories");
const { searchHealth } = await import("@/lib/search/health");

const get = (query: string, headers: Record<string, string> = {}) => GET(new Request(`http://localhost/api/search?${query}`, { headers }), { params: Promise.resolve({}) });

beforeAll(async () => {
  const { admin } = await openClients(backend);
  await syncStoriesIndex(admin, { prefix: backend.indexPrefix, stories: publishedStorySources() });
});
afterAll(() => dropTestIndexes(backend));

describe("GET /api/search", () => {
  it("answers with highlighted hits, facets, a total and short public caching", async () => {
    const res = await get("q=co+giao+vung+cao&locale=vi");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const body = await res.json();
    expect(body.degraded).toBe(false);
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits[0].title).toContain("<mark>");
    expect(Object.keys(body.facets).sort()).toEqual(["field", "kind", "locale", "movement", "province", "year"]);
  });

  it("treats empty parameters (a form's 'any' choice) as absent", async () => {
    const res = await get("q=&movement=&province=&field=&year=&kind=&page=");
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBe(publishedStories().length);
  });

  it.each([
    ["movement=khong-co", "movement", "Choose one of:"],
    ["province=%3Cscript%3E", "province", "This value is not one of those accepted here."],
    ["field=nong-nghiep%22%20OR%201%3D1", "field", "Choose one of:"],
    ["year=20x4", "year", "Enter a year of four digits, e.g. 2025."],
    ["kind=robot", "kind", "Choose one of: individual, collective."],
    ["locale=fr", "locale", "Choose one of: vi, en, all."],
    ["page=0", "page", "Enter a page number: 1, 2, 3…"],
    ["page=-1", "page", "Enter a page number: 1, 2, 3…"],
    ["page=1e3", "page", "Enter a page number: 1, 2, 3…"],
    ["page=500", "page", "At most 84."],
    [`q=${"a".repeat(201)}`, "q", "Too long: at most 200 characters."],
    // A repeated parameter is a malformed request: 400, naming it.
    ["q=mot&q=hai", "q", "Give this parameter only once.", 400, "repeatedParameter"],
    ["q=mot&page=2&page=3", "page", "Give this parameter only once.", 400, "repeatedParameter"],
  ] as [string, string, string, number?, string?][])("rejects %s naming the field (422 validation unless said)", async (query, field, message, status = 422, code = "validation") => {
    const res = await get(query, { "accept-language": "en" });
    expect(res.status).toBe(status);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(Object.keys(body.error.fields)).toEqual([field]);
    expect(body.error.fields[field]).toContain(message);
  });

  it("names every bad field at once, in Vietnamese by default, and ignores parameters it does not know", async () => {
    const res = await get("year=abcd&kind=robot&utm_source=zalo");
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "validation", message: "Một số trường chưa hợp lệ." });
    expect(Object.keys(body.error.fields).sort()).toEqual(["kind", "year"]);
    expect(body.error.fields.year).toBe("Nhập năm gồm bốn chữ số, ví dụ 2025.");
    expect((await get("q=co+giao&utm_source=zalo")).status).toBe(200);
  });

  it("reports search health as ok while the index answers", async () => {
    expect(await searchHealth()).toBe("ok");
  });
});

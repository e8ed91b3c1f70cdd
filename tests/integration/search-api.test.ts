import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allStories } from "contentlayer/generated";
import { openClients } from "@/lib/search/connection";
import { syncStoriesIndex } from "@/lib/search/story-index";
import { dropTestIndexes, testBackend } from "../support/search";

// GET /api/search through its real handler, on this file's own index (the prefix is set before
// the app's modules read the environment).
const backend = testBackend();
process.env.MEILI_INDEX_PREFIX = backend.indexPrefix;
const { GET } = await import("@/app/api/search/route");
const { searchHealth } = await import("@/lib/search/health");

const get = (query: string) => GET(new Request(`http://localhost/api/search?${query}`));

beforeAll(async () => {
  const { admin } = await openClients(backend);
  await syncStoriesIndex(admin, { prefix: backend.indexPrefix, stories: allStories });
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
    expect((await res.json()).total).toBe(allStories.length);
  });

  it.each([
    ["movement=khong-co", "movement"],
    ["province=%3Cscript%3E", "province"],
    ["field=nong-nghiep%22%20OR%201%3D1", "field"],
    ["year=20x4", "year"],
    ["kind=robot", "kind"],
    ["locale=fr", "locale"],
    ["page=0", "page"],
    ["page=-1", "page"],
    ["page=1e3", "page"],
    ["page=500", "page"],
    [`q=${"a".repeat(201)}`, "q"],
    ["q=mot&q=hai", "q"],
  ])("rejects %s with 400 naming the field", async (query, field) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.error.code).toBe("invalidQuery");
    expect(body.error.message).toContain(field);
    expect(Object.keys(body.error.fields)).toEqual([field]);
  });

  it("reports search health as ok while the index answers", async () => {
    expect(await searchHealth()).toBe("ok");
  });
});

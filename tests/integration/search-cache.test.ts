import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openClients } from "@/lib/search/connection";
import { syncStoriesIndex } from "@/lib/search/story-index";
import { searchSite } from "@/lib/search/winners";
import type { StorySource } from "@/lib/search/documents";
import type { StoryQuery } from "@/lib/search/types";
import { dropTestIndexes, testBackend } from "../support/search";

// The public search keeps answers per version of its indexes: a repeat is answered from memory,
// and a reindex (or any write to an index) is seen by the very next search.
const backend = testBackend();

function story(slug: string, title: string): StorySource {
  return {
    title, slug, locale: "vi", subjectName: "Nguyễn Thị Mẫu", subjectKind: "individual", role: "Giáo viên", province: "ha-giang",
    movement: "xa-hoi-hoc-tap", field: "giao-duc", publishedAt: "2025-03-01T00:00:00.000Z", summary: "Tóm tắt.", cover: "/covers/fixture.svg",
    tags: [], url: `/cau-chuyen/${slug}`, year: 2025, body: { raw: "Nội dung." },
  };
}

const q = (query: Partial<StoryQuery>): StoryQuery => ({ q: "", page: 1, ...query });

beforeAll(async () => {
  const { admin } = await openClients(backend);
  await syncStoriesIndex(admin, { prefix: backend.indexPrefix, stories: [story("mot", "Lớp học ánh trăng trên núi")] });
});

afterAll(() => dropTestIndexes(backend));

describe("answers kept per index version", () => {
  it("answers a repeated search from memory", async () => {
    const first = await searchSite(q({ q: "anh trang" }), backend);
    expect(first.total).toBe(1);
    expect(first.degraded).toBe(false);
    // The same object: no search was made for the second request.
    expect(await searchSite(q({ q: "anh trang" }), backend)).toBe(first);
    // Another page, locale or filter is another answer.
    expect(await searchSite(q({ q: "anh trang", locale: "vi" }), backend)).not.toBe(first);
  });

  it("never serves an answer from before a reindex", async () => {
    const before = await searchSite(q({ q: "anh trang" }), backend);
    const { admin } = await openClients(backend);
    await syncStoriesIndex(admin, { prefix: backend.indexPrefix, stories: [story("mot", "Lớp học ánh trăng trên núi"), story("hai", "Ánh trăng soi bản")] });
    const after = await searchSite(q({ q: "anh trang" }), backend);
    expect(after).not.toBe(before);
    expect(after.total).toBe(2);
  });

  it("never serves an answer from before a document changed", async () => {
    const before = await searchSite(q({ q: "soi ban" }), backend);
    expect(before.total).toBe(1);
    const { admin } = await openClients(backend);
    await admin.index(`${backend.indexPrefix}stories`).deleteDocument("vi-hai").waitTask();
    const after = await searchSite(q({ q: "soi ban" }), backend);
    expect(after.total).toBe(0);
  });

  it("shares one search among identical requests that arrive together", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => searchSite(q({ q: "lop hoc nui" }), backend)));
    expect(new Set(answers).size).toBe(1);
  });
});

// The one blind projection (lib/contest/jury.ts), tested directly: nothing names the author.
import { describe, expect, it } from "vitest";
import { jurorEntryView, scoreEditable, sheetState } from "@/lib/contest/jury";
import juryVi from "@/lib/i18n/messages/vi/jury.json";
import juryEn from "@/lib/i18n/messages/en/jury.json";
import { localizedPath } from "@/lib/i18n/paths";
import type { Attachment, Entry, EntryAuthor } from "@/lib/db/schema";

const now = new Date("2026-05-01T00:00:00Z");
const entry: Entry = {
  id: "e1", contestId: "c", ownerId: "owner-account-id", category: "print", status: "submitted", code: "BC2026-0001", title: "Người giữ rừng", summary: "Tóm tắt",
  outlet: "Báo Bí Mật", publishedAt: "2026-01-02", url: "https://example.vn/ten-tac-gia", length: 1200, storyRef: "", parts: [{ title: "Kỳ 1", publishedAt: "2026-01-02", url: "https://example.vn/ky-1-ten-tac-gia" }],
  eligibility: "eligible", eligibilityReason: "", publishFiles: false, submittedAt: now, withdrawnAt: null, createdAt: now, updatedAt: now,
};
const authors: EntryAuthor[] = [{ id: "a", entryId: "e1", position: 0, name: "Đỗ Tên Thật", penName: "Bút Danh", email: "tac-gia@example.vn", userId: "owner-account-id", status: "accepted", answeredAt: null }];
const files: Attachment[] = [{ id: "f1", entryId: "e1", sha256: "abc", size: 10, contentType: "application/pdf", fileName: "Đỗ Tên Thật.pdf", createdBy: "owner-account-id", createdAt: now, cleanSha256: null, cleanSize: null, removedMetadata: null, bylineFound: null }];

describe("jurorEntryView", () => {
  it("in a blind round keeps the work and drops every trace of its authors", () => {
    const text = JSON.stringify(jurorEntryView(entry, authors, files, { blind: true }));
    for (const secret of ["Đỗ Tên Thật", "Bút Danh", "tac-gia@", "owner-account-id", "Báo Bí Mật", "ten-tac-gia"]) expect(text).not.toContain(secret);
    expect(text).toContain("Người giữ rừng");
    expect(text).toContain("/api/jury/entries/e1/attachments/f1");
  });
  it("in an open round adds names, outlet and links, still no account ids or e-mails", () => {
    const view = jurorEntryView(entry, authors, files, { blind: false });
    expect(view.identity).toEqual({ outlet: "Báo Bí Mật", url: entry.url, authors: [{ name: "Đỗ Tên Thật", penName: "Bút Danh" }], partUrls: [entry.parts[0]!.url] });
    expect(JSON.stringify(view)).not.toContain("owner-account-id");
    expect(JSON.stringify(view)).not.toContain("tac-gia@");
  });
});

describe("scoreEditable", () => {
  const open = { status: "open" as const, opensAt: null, closesAt: new Date("2026-06-01T00:00:00Z") };
  it("allows changes in an open round until the sheet is submitted or the round closes", () => {
    expect(scoreEditable(open, null, now)).toBe(true);
    expect(scoreEditable(open, { status: "draft" }, now)).toBe(true);
    expect(scoreEditable(open, { status: "submitted" }, now)).toBe(false);
    expect(scoreEditable(open, null, new Date("2026-06-01T00:00:00Z"))).toBe(false);
    expect(scoreEditable({ ...open, status: "closed" }, null, now)).toBe(false);
    expect(scoreEditable({ ...open, status: "draft" }, null, now)).toBe(false);
  });
});

describe("the juror workspace", () => {
  it("tells a sheet not started, in draft and submitted apart", () => {
    expect(sheetState(null)).toBe("notStarted");
    expect(sheetState({ status: "draft", values: {}, comment: " " })).toBe("notStarted");
    expect(sheetState({ status: "draft", values: { craft: 10 }, comment: "" })).toBe("draft");
    expect(sheetState({ status: "draft", values: {}, comment: "Hay" })).toBe("draft");
    expect(sheetState({ status: "submitted", values: { craft: 10 }, comment: "" })).toBe("submitted");
  });

  it("lives at /giam-khao and /en/jury, with its strings in both languages", () => {
    expect(localizedPath("vi", "/jury")).toBe("/giam-khao");
    expect(localizedPath("en", "/jury/[id]", { id: "x" })).toBe("/en/jury/x");
    expect(localizedPath("vi", "/jury/[id]", { id: "x" })).toBe("/giam-khao/x");
    const keys = (o: object, p = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(juryVi).sort()).toEqual(keys(juryEn).sort());
  });
});

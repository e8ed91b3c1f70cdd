import { describe, expect, it } from "vitest";
import { normalizeUrl } from "@/lib/validation/url";
import { updateEntryInput } from "@/lib/validation/entry";

// An address typed without https:// is completed, the same way in the form and in the API;
// anything else is kept as typed so that the check refuses it with a message.
describe("web addresses", () => {
  it("adds https:// to an address typed without it", () => {
    expect(normalizeUrl("baodientu.vn/bai-viet")).toBe("https://baodientu.vn/bai-viet");
    expect(normalizeUrl("  www.baomoi.vn/tin?id=1#a ")).toBe("https://www.baomoi.vn/tin?id=1#a");
    expect(normalizeUrl("//vnexpress.net/x")).toBe("https://vnexpress.net/x");
    expect(normalizeUrl("báođiệntử.vn/bài")).toBe("https://báođiệntử.vn/bài");
    expect(normalizeUrl("tuoitre.vn:8080/x")).toBe("https://tuoitre.vn:8080/x");
  });
  it("keeps addresses that already have http(s)://, and empty stays empty", () => {
    expect(normalizeUrl("http://baomoi.vn/a")).toBe("http://baomoi.vn/a");
    expect(normalizeUrl("HTTPS://BAOMOI.VN")).toBe("HTTPS://BAOMOI.VN");
    expect(normalizeUrl("   ")).toBe("");
  });
  it("leaves what is not an address as typed, for the check to refuse", () => {
    expect(normalizeUrl("javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(normalizeUrl("bài báo của tôi")).toBe("bài báo của tôi");
    expect(normalizeUrl("localhost")).toBe("localhost");
  });
  it("is applied by the API's schema before the address is checked", () => {
    expect(updateEntryInput.parse({ url: "baodientu.vn/bai-viet" }).url).toBe("https://baodientu.vn/bai-viet");
    expect(updateEntryInput.parse({ parts: [{ title: "Kỳ 1", url: "baodientu.vn/ky-1" }] }).parts?.[0]?.url).toBe("https://baodientu.vn/ky-1");
    const refused = updateEntryInput.safeParse({ url: "bài báo của tôi" });
    expect(refused.success).toBe(false);
    expect(updateEntryInput.safeParse({ url: "javascript:alert(1)" }).success).toBe(false);
  });
});

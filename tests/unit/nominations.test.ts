// The nomination's pure rules, and the story draft it becomes run through the real content build.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptRefusal, escapeMdx, followStep, mayAct, nomineeKey, selfNominationFields, slugify, storyDraft } from "@/lib/nominations/rules";
import { formToNomination, nominationInput } from "@/lib/validation/nomination";

const root = path.resolve(import.meta.dirname, "../..");

describe("nomination rules", () => {
  it("finds the same nominee whatever the honorific, case, diacritics' encoding or former province name", () => {
    const a = nomineeKey({ kind: "individual", name: "Hà Văn Thắng", province: "ha-giang" });
    expect(nomineeKey({ kind: "individual", name: "ông HÀ VĂN THẮNG", province: "tuyen-quang" })).toBe(a);
    expect(nomineeKey({ kind: "individual", name: "Hà Văn Thắng".normalize("NFD"), province: "ha-giang" })).toBe(a);
    expect(nomineeKey({ kind: "collective", name: "Hà Văn Thắng", province: "ha-giang" })).not.toBe(a);
    expect(nomineeKey({ kind: "individual", name: "Hà Văn Thắng", province: "cao-bang" })).not.toBe(a);
  });

  it("refuses self-nomination by name or by referee contact", () => {
    const base = { nominee: { name: "Bà Lò Thị Xuân" }, nominator: { name: "lo thi xuan", email: "x@example.vn", phone: "0912 345 678" } };
    expect(selfNominationFields(base)).toEqual(["nominator.name"]);
    expect(selfNominationFields({ ...base, nominee: { name: "Người Khác" }, referees: [{ name: "B", contact: "0912345678" }] })).toEqual(["referees.0.contact"]);
    expect(selfNominationFields({ ...base, nominee: { name: "Người Khác" }, referees: [{ name: "B", contact: "b@example.vn" }] })).toEqual([]);
  });

  it("lets each action happen only from its states, and accepts only with the checklist done and consent given", () => {
    expect(mayAct("accept", "reviewing")).toBe(true);
    expect(mayAct("accept", "rejected")).toBe(false);
    expect(mayAct("published", "reviewing")).toBe(false);
    expect(followStep("moreInfo")).toBe("reviewing");
    const all = { nomineeContacted: true, confirmedLocally: true, factsChecked: true };
    expect(acceptRefusal({ checklist: { ...all, factsChecked: false }, consentAt: new Date() })).toBe("checklistIncomplete");
    expect(acceptRefusal({ checklist: all, consentAt: null })).toBe("consentMissing");
    expect(acceptRefusal({ checklist: all, consentAt: new Date() })).toBeNull();
  });

  it("maps the plain form to the JSON shape, leaving empty referees out", () => {
    const form = new Map<string, string[]>([
      ["nominee.kind", ["individual"]], ["nominee.name", ["A B"]], ["nominee.directWorker", ["yes"]],
      ["evidence.links", ["https://a.vn/1\r\n\r\nhttps://a.vn/2"]], ["referees.0.name", [""]], ["referees.0.contact", [""]], ["declaration", ["yes"]],
    ]);
    const mapped = formToNomination(form) as { nominee: { directWorker: boolean }; evidence: { links: string[] }; referees: unknown[]; declaration: boolean };
    expect(mapped.nominee.directWorker).toBe(true);
    expect(mapped.evidence.links).toEqual(["https://a.vn/1", "https://a.vn/2"]);
    expect(mapped.referees).toEqual([]);
    expect(mapped.declaration).toBe(true);
    expect(nominationInput.safeParse({ ...mapped, declaration: undefined }).success).toBe(false);
  });

  it("escapes MDX syntax and ES module lines, and slugs names as the content checks want", () => {
    expect(escapeMdx("{x} <b>")).toBe("\\{x\\} \\<b\\>");
    expect(escapeMdx("import x from 'y'")).toMatch(/^&#105;mport/);
    expect(slugify("Đặng Thị Ánh Tuyết")).toBe("dang-thi-anh-tuyet");
    expect(slugify("<<>>")).toBe("de-cu");
  });
});

// The real content build, in a scratch folder (as tests/unit/story-schema.test.ts does).
function buildContent(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "lantoa-draft-"));
  try {
    for (const link of ["node_modules", "lib", "public"]) symlinkSync(path.join(root, link), path.join(dir, link));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "draft-check", type: "module" }));
    mkdirSync(path.join(dir, "content"), { recursive: true });
    symlinkSync(path.join(root, "content/taxonomies"), path.join(dir, "content/taxonomies"));
    cpSync(path.join(root, "contentlayer.config.ts"), path.join(dir, "contentlayer.config.ts"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, "content/stories", name)), { recursive: true });
      writeFileSync(path.join(dir, "content/stories", name), text);
    }
    const result = spawnSync("sh", ["-c", `"${process.execPath}" --preserve-symlinks --preserve-symlinks-main node_modules/contentlayer2/bin/cli.cjs build`], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LANTOA_CONTENT_DIR: path.join(dir, "content/stories") },
    });
    const index = (() => {
      try {
        return JSON.parse(readFileSync(path.join(dir, ".contentlayer/generated/Story/_index.json"), "utf8")) as { draft: boolean; slug: string; body: { code: string } }[];
      } catch {
        return [];
      }
    })();
    return { status: result.status, output: `${result.stdout}${result.stderr}`, index };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("story draft", () => {
  it("passes the content build with hostile text, carries draft: true, and names no nominator", () => {
    const hostile = [
      "Ông Sùng A Páo đã hiến 2.000 m² đất làm đường; \"trích dẫn\" và 'nháy đơn': ---",
      "import fs from 'node:fs'\nexport const leak = fs",
      "<script>alert(1)</script> {globalThis.process.exit(1)} <Component /> # không phải tiêu đề\n- không phải danh sách\n> không phải trích",
      "\\ \\\\ ` `` *_[x](javascript:alert(1))_* &amp; &#0; <!-- -->",
      "1. không phải danh sách đánh số\n2) cũng không\n+ không\n===\n| a | b |\n| --- | --- |\n***\n~~không gạch~~",
    ].join("\n\n");
    const draft = storyDraft(
      {
        code: "DC-7KQ2M9XA",
        nominee: { kind: "individual", name: "Sùng A Páo \"}{<", role: "Nông dân: trồng rừng", directWorker: true, province: "ha-giang", movement: "vi-nguoi-ngheo", field: "nong-nghiep" },
        deeds: hostile,
        evidenceLinks: ["https://example.vn/a?b=(c)&d={e}`f`", "https://example.vn/x y"],
      },
      new Date("2026-12-06T03:00:00Z"),
    );
    expect(draft.fileName).toBe("sung-a-pao-7kq2m9xa.mdx");
    expect(draft.text).toContain("draft: true");
    const { status, output, index } = buildContent({ [`vi/${draft.fileName}`]: draft.text });
    expect(output).toMatch(/Generated 1 documents/);
    expect(status).toBe(0);
    expect(index).toHaveLength(1);
    expect(index[0]!.draft).toBe(true);
    // The body compiled to text: the nomination's words are children strings; the only elements
    // are the Markdown ones the draft writes itself, and the module exports only the MDX defaults.
    const code = index[0]!.body.code;
    const elements = new Set([...code.matchAll(/\.jsxs?\)\(\w\.(\w+)/g)].map((m) => m[1]!));
    expect([...elements].every((e) => ["p", "h2", "ul", "li", "a", "Fragment"].includes(e)), [...elements].join(",")).toBe(true);
    expect(code).not.toMatch(/leak:|require\(|import\(|\.jsxs?\)\((Component|script)/);
    expect(code).toContain("{globalThis.process.exit(1)}");
    // Prose stays as typed, for the editor who finishes the draft.
    expect(draft.text).toContain("Ông Sùng A Páo đã hiến 2.000 m² đất làm đường; \"trích dẫn\" và 'nháy đơn': ---");
  }, 120_000);
});

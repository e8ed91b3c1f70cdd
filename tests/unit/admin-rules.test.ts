// The secretariat's pure rules: who may change which account, the generated passwords, who gets
// a reminder, the admin schemas against hostile input, and the messages of the new error codes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generatePassword } from "@/lib/auth/accounts";
import { accountChangeRefusal, type AccountChangeFacts } from "@/lib/contest/accounts";
import { planReminders, type ReminderCandidate } from "@/lib/db/queries/reminders";
import { ROLES, type Role } from "@/lib/db/schema";
import { translator } from "@/lib/i18n/translator";
import { accountChangeInput, accountListQuery, assignmentInput, auditQuery, reminderInput, secretariatConflictInput, staffAccountInput } from "@/lib/validation/admin";
import vi from "@/lib/i18n/messages/vi/admin.json";
import en from "@/lib/i18n/messages/en/admin.json";

const ME = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const UUID = "00000000-0000-4000-8000-0000000000aa";

const facts = (over: Partial<AccountChangeFacts> & { change: AccountChangeFacts["change"] }): AccountChangeFacts => ({
  actorId: ME,
  target: { id: OTHER, role: "journalist", disabled: false },
  activeSecretariatIds: [ME],
  currentEntries: 0,
  excludedRoles: ["juror", "secretariat"],
  openAssignments: 0,
  ...over,
});

describe("accountChangeRefusal", () => {
  it("refuses disabling or demoting yourself, allows keeping your own role", () => {
    const self = { id: ME, role: "secretariat" as Role, disabled: false };
    expect(accountChangeRefusal(facts({ target: self, change: { disabled: true }, activeSecretariatIds: [ME, OTHER] }))?.code).toBe("cannotChangeSelf");
    expect(accountChangeRefusal(facts({ target: self, change: { role: "juror" }, activeSecretariatIds: [ME, OTHER] }))?.code).toBe("cannotChangeSelf");
    expect(accountChangeRefusal(facts({ target: self, change: { role: "secretariat", disabled: false } }))).toBeNull();
  });

  it("keeps at least one active secretariat account", () => {
    const last = { id: OTHER, role: "secretariat" as Role, disabled: false };
    // The actor normally counts; here the list read under lock holds only the target.
    expect(accountChangeRefusal(facts({ target: last, change: { disabled: true }, activeSecretariatIds: [OTHER] }))?.code).toBe("lastSecretariat");
    expect(accountChangeRefusal(facts({ target: last, change: { role: "journalist" }, activeSecretariatIds: [OTHER] }))?.code).toBe("lastSecretariat");
    expect(accountChangeRefusal(facts({ target: last, change: { disabled: true }, activeSecretariatIds: [ME, OTHER] }))).toBeNull();
    // A disabled secretariat account is not one of the active ones: changing it loses nothing.
    expect(accountChangeRefusal(facts({ target: { ...last, disabled: true }, change: { role: "juror" }, activeSecretariatIds: [] }))).toBeNull();
  });

  it("refuses a contestant joining the jury or the secretariat, not the other way round", () => {
    expect(accountChangeRefusal(facts({ change: { role: "juror" }, currentEntries: 2 }))).toEqual({ code: "accountHasEntries", params: { count: 2 } });
    expect(accountChangeRefusal(facts({ change: { role: "secretariat" }, currentEntries: 1 }))?.code).toBe("accountHasEntries");
    expect(accountChangeRefusal(facts({ change: { role: "juror" }, currentEntries: 0 }))).toBeNull();
    expect(accountChangeRefusal(facts({ change: { disabled: true }, currentEntries: 3 }))).toBeNull();
    // A contest that lets jurors enter (excludedRoles without juror) lets them change role too.
    expect(accountChangeRefusal(facts({ change: { role: "juror" }, currentEntries: 1, excludedRoles: ["secretariat"] }))).toBeNull();
  });

  it("keeps a juror with open-round assignments as they are", () => {
    const juror = { id: OTHER, role: "juror" as Role, disabled: false };
    expect(accountChangeRefusal(facts({ target: juror, change: { disabled: true }, openAssignments: 4 }))).toEqual({ code: "jurorHasAssignments", params: { count: 4 } });
    expect(accountChangeRefusal(facts({ target: juror, change: { role: "journalist" }, openAssignments: 1 }))?.code).toBe("jurorHasAssignments");
    expect(accountChangeRefusal(facts({ target: juror, change: { role: "juror", disabled: false }, openAssignments: 1 }))).toBeNull();
    expect(accountChangeRefusal(facts({ target: juror, change: { disabled: true }, openAssignments: 0 }))).toBeNull();
  });

  it("never lets a change leave no active secretariat or lock the actor out", () => {
    const role = fc.constantFrom(...ROLES);
    fc.assert(
      fc.property(role, fc.boolean(), fc.option(role, { nil: undefined }), fc.option(fc.boolean(), { nil: undefined }), fc.boolean(), fc.boolean(), (targetRole, targetDisabled, newRole, newDisabled, isSelf, otherActive) => {
        // The actor is always an active secretariat member (the guard and the lock see to it).
        fc.pre(!isSelf || (targetRole === "secretariat" && !targetDisabled));
        const target = { id: isSelf ? ME : OTHER, role: targetRole, disabled: targetDisabled };
        const active = [...(otherActive ? ["00000000-0000-4000-8000-000000000003"] : []), ...(targetRole === "secretariat" && !targetDisabled ? [target.id] : []), ...(isSelf ? [] : [ME])];
        const f = facts({ target, change: { role: newRole, disabled: newDisabled }, activeSecretariatIds: [...new Set(active)] });
        if (accountChangeRefusal(f)) return;
        const after = { role: newRole ?? targetRole, disabled: newDisabled ?? targetDisabled };
        const stillActive = active.filter((id) => id !== target.id).length + (after.role === "secretariat" && !after.disabled ? 1 : 0);
        expect(stillActive).toBeGreaterThan(0);
        if (isSelf) expect(after).toEqual({ role: "secretariat", disabled: false });
      }),
    );
  });
});

describe("generatePassword", () => {
  it("is 16 unambiguous characters in four groups, different every time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

describe("planReminders", () => {
  const candidate = (jurorId: string, over: Partial<ReminderCandidate> = {}): ReminderCandidate => ({ jurorId, name: jurorId, email: `${jurorId}@example.vn`, active: true, assigned: 3, submitted: 1, ...over });
  const list = [candidate("a"), candidate("b", { submitted: 3 }), candidate("c", { active: false }), candidate("d"), candidate("e", { assigned: 0, submitted: 0 })];

  it("reminds every juror with sheets left, and says why the others are skipped", () => {
    const last = new Map([["d", new Date("2026-05-01T03:00:00Z")]]);
    const { planned, skipped } = planReminders(list, undefined, last);
    expect(planned).toEqual([{ jurorId: "a", name: "a", email: "a@example.vn", remaining: 2 }]);
    expect(skipped).toEqual([
      { jurorId: "b", reason: "nothingLeft", remaining: 0 },
      { jurorId: "c", reason: "disabled", remaining: 2 },
      { jurorId: "d", reason: "recentlyReminded", remaining: 2, lastSentAt: "2026-05-01T03:00:00.000Z" },
      { jurorId: "e", reason: "nothingLeft", remaining: 0 },
    ]);
  });

  it("limits itself to the listed jurors, once each, and names strangers", () => {
    const { planned, skipped } = planReminders(list, ["d", "zz", "d", "b"], new Map());
    expect(planned.map((p) => p.jurorId)).toEqual(["d"]);
    expect(skipped).toEqual([
      { jurorId: "zz", reason: "notInRound" },
      { jurorId: "b", reason: "nothingLeft", remaining: 0 },
    ]);
  });
});

describe("admin schemas", () => {
  it("refuse unknown fields, bad ids and missing reasons", () => {
    expect(assignmentInput.safeParse({ entryId: UUID, jurorId: UUID }).success).toBe(true);
    expect(assignmentInput.safeParse({ entryId: UUID, jurorId: "x" }).success).toBe(false);
    expect(assignmentInput.safeParse({ entryId: UUID, jurorId: UUID, roundId: UUID }).success).toBe(false);
    expect(secretariatConflictInput.safeParse({ entryId: UUID, jurorId: UUID, reason: " \u200B " }).success).toBe(false);
    expect(secretariatConflictInput.safeParse({ entryId: UUID, jurorId: UUID, reason: "x".repeat(1001) }).success).toBe(false);
    expect(reminderInput.safeParse({}).success).toBe(true);
    expect(reminderInput.safeParse({ jurorIds: [] }).success).toBe(false);
    expect(reminderInput.safeParse({ jurorIds: Array(501).fill(UUID) }).success).toBe(false);
  });

  it("create only staff accounts, with a cleaned name and a lower-case e-mail", () => {
    const ok = staffAccountInput.parse({ email: " Giam.Khao@Bao.VN ", name: "Trần Thị Bình".normalize("NFD"), role: "juror" });
    expect(ok).toEqual({ email: "giam.khao@bao.vn", name: "Trần Thị Bình", role: "juror" });
    expect(staffAccountInput.safeParse({ email: "a@b.vn", name: "An Bình", role: "journalist" }).success).toBe(false);
    expect(staffAccountInput.safeParse({ email: "a@b.vn", name: "An Bình", role: "juror", password: "chosen" }).success).toBe(false);
  });

  it("need something to change and a reason", () => {
    expect(accountChangeInput.safeParse({ reason: "Hết nhiệm kỳ" }).success).toBe(false);
    expect(accountChangeInput.safeParse({ disabled: true }).success).toBe(false);
    expect(accountChangeInput.safeParse({ disabled: "yes", reason: "x" }).success).toBe(false);
    expect(accountChangeInput.parse({ disabled: false, reason: "Quay lại" })).toEqual({ disabled: false, reason: "Quay lại" });
  });

  it("read query strings, empty meaning absent", () => {
    expect(accountListQuery.parse({ role: "", q: "", page: "" })).toEqual({ q: "", page: 1 });
    expect(accountListQuery.safeParse({ page: "0" }).success).toBe(false);
    expect(accountListQuery.safeParse({ sort: "name" }).success).toBe(false);
    expect(auditQuery.parse({ cursor: "42", limit: "10" })).toEqual({ cursor: 42, limit: 10 });
    for (const cursor of ["0", "-1", "1e3", "abc", "99999999999999999"]) expect(auditQuery.safeParse({ cursor }).success).toBe(false);
    expect(auditQuery.safeParse({ limit: "201" }).success).toBe(false);
    expect(auditQuery.safeParse({ entity: "account'; drop table" }).success).toBe(false);
  });
});

describe("admin messages", () => {
  it("exist in both languages with the same keys, Vietnamese in NFC", () => {
    const keys = (tree: object, prefix = ""): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(vi).sort()).toEqual(keys(en).sort());
    expect(JSON.stringify(vi)).toBe(JSON.stringify(vi).normalize("NFC"));
    for (const code of ["entryNotInRound", "notRoundJuror", "conflictOutlet", "assignmentScored", "cannotChangeSelf", "lastSecretariat", "jurorHasAssignments", "reminderRoundNotOpen"]) {
      expect(translator("vi", "Errors")(code)).not.toBe(`Errors.${code}`);
      expect(translator("en", "Errors")(code)).not.toBe(`Errors.${code}`);
    }
    expect(translator("vi", "Errors")("accountHasEntries", { count: 2 })).toContain("2 tác phẩm");
  });
});

// Who may read and change what, over one seeded contest and one blind round, phase by phase
// (round draft, open, closed, results published), as a table of [actor, method, path, body,
// expected status]. The actors: the author of an entry (E), another journalist (author of F),
// E's assigned juror, a juror of the round not assigned to E, two conflicted jurors (same outlet
// as E; declared a conflict on E), the secretariat and an anonymous caller. Every refused call
// must leave the database as it was, and nothing a juror, another journalist or the public reads
// may name E's author (or a juror to the author).
import "../support/env";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { seedContest } from "@/lib/db/seed";
import type { Db } from "@/lib/db/client";
import { assignments, contests, scores, users, type User } from "@/lib/db/schema";
import { DEFAULT_RUBRIC } from "@/lib/contest/scoring";
import { noticesSettled } from "@/lib/db/queries/publication";
import { openClients } from "@/lib/search/connection";
import { drainOutbox, ensureEntriesIndex } from "@/lib/search/outbox";
import { defaultBackend } from "@/lib/search/stories";
import { foldText } from "@/lib/search/text";
import { publishedStories } from "@/lib/content/stories";
import { call, type CallResult } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, databaseState, form, makeUser, pdf, setWindow } from "../support/fixtures";
import { loadRoutes, resolveRoute } from "../support/routes";
import { dropTestIndexes } from "../support/search";

// The search handlers read their Meilisearch prefix when the app's modules load: this file's own
// (only used when MEILI_HOST is set; otherwise every search answers from the database).
vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `${process.env.MEILI_INDEX_PREFIX ?? "test_"}authz_${Math.random().toString(36).slice(2, 8)}_`;
});

const AUTHOR = "Nguyễn Thị Lộ Bí Danh";
const PEN = "Bút Lộ Sương Mờ";
const OUTLET = "Báo Đèn Lồng Phố Hiến";
const E_TITLE = "Chiếc cầu treo bản Khe Ẩn";
const F_TITLE = "Mùa nước nổi ở xóm Cồn Xanh";
const OTHER_AUTHOR = "Trần Văn Người Khác";
const JUROR_NAMES = { assigned: "Giám Khảo Được Giao", unassigned: "Giám Khảo Ngoài Bài", outletJuror: "Giám Khảo Cùng Tòa Soạn", declared: "Giám Khảo Tự Khai" };
const full = { truthfulness: 25, value: 20, craft: 20.5, impact: 15 };
const DAY = 24 * 60 * 60 * 1000;
const DECISION = { confirm: true, decisionNumber: "12/QĐ-BTC", decisionDate: "2026-12-01" };
const CITATION = { vi: "Tác phẩm chân thực, giàu sức lan tỏa.", en: "A truthful work that travels far." };
const TEMPLATES = { vi: { subject: "Nhắc chấm bài ({round})", body: "Kính gửi {name},\n\nCòn {remaining} phiếu." }, en: { subject: "Reminder ({round})", body: "Dear {name},\n\n{remaining} sheets left." } };

type Phase = "draft" | "open" | "closed" | "published";
type Actor = "author" | "otherAuthor" | "assigned" | "unassigned" | "outletJuror" | "declared" | "secretariat" | "anonymous";
type Juror = "assigned" | "unassigned" | "outletJuror" | "declared";
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/** A status, or a status and the error code it must carry: "409 roundNotOpen". */
type Expected = number | `${number} ${string}`;
/** One status for every phase, or one per phase (a phase left out: the row is not run then). */
type Cell = Expected | Partial<Record<Phase, Expected>>;
type Spec = { method: Method; path: string; body?: unknown; who: Partial<Record<Actor, Cell>> };
type Row = [actor: Actor, method: Method, path: string, body: unknown, expected: Expected];

const ACTORS: Actor[] = ["author", "otherAuthor", "assigned", "unassigned", "outletJuror", "declared", "secretariat", "anonymous"];
const JURORS: Juror[] = ["assigned", "unassigned", "outletJuror", "declared"];
// The codes the guard gives each refusal when the table names none.
const DEFAULT_CODES: Record<number, string> = { 401: "unauthenticated", 403: "forbidden", 404: "notFound" };

// Nominations have their own actors (the editor, a nominator and a nominee holding links), none of
// them in this table's contest phases: tests/integration/nominations.test.ts walks every one of
// these routes as each role, anonymous and with a wrong or missing link.
const NOMINATIONS = "tests/integration/nominations.test.ts";

// Routes with no rows, and why: they are tested elsewhere.
const aStory = publishedStories().find((s) => s.locale === "vi")!;

const NOT_IN_TABLE: Record<string, string> = {
  "/api/editor/nominations/[code]/accept": NOMINATIONS,
  "/api/editor/nominations/[code]/consent-link": NOMINATIONS,
  "/api/editor/nominations/[code]/draft": NOMINATIONS,
  "/api/editor/nominations/[code]/files/[fileId]": NOMINATIONS,
  "/api/editor/nominations/[code]/more": NOMINATIONS,
  "/api/editor/nominations/[code]/published": NOMINATIONS,
  "/api/editor/nominations/[code]/reject": NOMINATIONS,
  "/api/editor/nominations/[code]": NOMINATIONS,
  "/api/editor/nominations": NOMINATIONS,
  "/api/nominations/confirm": NOMINATIONS,
  "/api/nominations/consent": NOMINATIONS,
  "/api/nominations/more": NOMINATIONS,
  "/api/nominations": NOMINATIONS,

  // next-auth reads the request through next/headers, which only exists inside Next.js: sign-in,
  // session and sign-out are exercised end to end (tests/e2e/account.spec.ts).
  "/api/auth/[...nextauth]": "end-to-end only",
  // Every caller gets the same 404 from it: tests/integration/route-guard.test.ts.
  "/api/[...path]": "tests/integration/route-guard.test.ts",
};

const forJurors = (cell: Cell) => Object.fromEntries(JURORS.map((j) => [j, cell])) as Record<Juror, Cell>;
/** Secretariat routes: journalists and jurors 403, anonymous 401; the secretariat as given (left out: not run). */
const staffOnly = (secretariat?: Cell): Spec["who"] => ({ author: 403, otherAuthor: 403, ...forJurors(403), ...(secretariat === undefined ? {} : { secretariat }), anonymous: 401 });
/** Juror routes: journalists and the secretariat 403, anonymous 401. */
const jurorsOnly = (jurors: Partial<Record<Juror, Cell>>): Spec["who"] => ({ author: 403, otherAuthor: 403, ...jurors, secretariat: 403, anonymous: 401 });
/** Journalist routes (the secretariat may also download a submitted entry's files). */
const journalistsOnly = (author: Cell, otherAuthor: Cell, secretariat: Cell = 403): Spec["who"] => ({ author, otherAuthor, ...forJurors(403), secretariat, anonymous: 401 });

const q = encodeURIComponent;
const norm = (text: string) => text.normalize("NFC").toLocaleLowerCase("vi");
/** The needles found in a text, compared NFC and case-folded, and without diacritics (ASCII file names). */
function found(text: string, needles: string[]): string[] {
  const exact = norm(text);
  const folded = foldText(text);
  return needles.filter((n) => exact.includes(norm(n)) || folded.includes(foldText(n)));
}
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

describe.each(databaseKinds)("authorisation by phase on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let contestId: string;
  let year: number;
  let author: User;
  let otherAuthor: User;
  let secretariat: User;
  let jurors: Record<Juror, User>;
  let roundId: string;
  const e = { id: "", code: "", attachment: "" };
  const f = { id: "", code: "", attachment: "" };
  // The unassigned juror's submitted sheet on F, once it exists: what the secretariat may reopen.
  let sheetId: string = randomUUID();
  const nowhere = randomUUID();

  const search = defaultBackend;
  /** With Meilisearch: carry every queued change into this file's indexes before a table reads them. */
  const drain = async () => {
    if (!search) return;
    const { admin } = await openClients(search);
    while ((await drainOutbox(db, { admin }, { prefix: search.indexPrefix })).claimed > 0);
  };

  const idOf = (actor: Actor): string | undefined =>
    actor === "anonymous" ? undefined : actor === "author" ? author.id : actor === "otherAuthor" ? otherAuthor.id : actor === "secretariat" ? secretariat.id : jurors[actor].id;

  /** The jury tables, which databaseState does not cover, hashed the same way in one statement. */
  const state = async () => {
    const tables = ["rounds", "round_jurors", "round_entries", "assignments", "conflicts", "scores", "prizes"];
    const result = await db.execute(sql.raw(`select ${tables.map((t) => `(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${t} t) as ${t}`).join(", ")}`));
    return `${await databaseState(db)}${JSON.stringify((result as unknown as { rows: unknown[] }).rows[0])}`;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    contestId = await seedContest(db, new Date());
    year = (await db.select({ year: contests.year }).from(contests).where(eq(contests.id, contestId)))[0]!.year;
    author = await makeUser(db, "journalist", AUTHOR);
    otherAuthor = await makeUser(db, "journalist", OTHER_AUTHOR);
    secretariat = await makeUser(db, "secretariat", "Thư Ký Hội Đồng");
    jurors = {
      assigned: await makeUser(db, "juror", JUROR_NAMES.assigned),
      unassigned: await makeUser(db, "juror", JUROR_NAMES.unassigned),
      outletJuror: await makeUser(db, "juror", JUROR_NAMES.outletJuror),
      declared: await makeUser(db, "juror", JUROR_NAMES.declared),
    };
    await db.update(users).set({ outlet: OUTLET }).where(eq(users.id, jurors.outletJuror.id));
    if (search) await ensureEntriesIndex(db, (await openClients(search)).admin, search.indexPrefix);

    // E: print, by the author, its file named after her (people name scans after themselves).
    // F: online, by another journalist, from another outlet.
    const works = [
      { owner: author, target: e, json: { ...(await completeEntry(db)), title: E_TITLE, outlet: OUTLET, authors: [{ name: AUTHOR, penName: PEN }] }, file: `${AUTHOR} - ${PEN}.pdf` },
      { owner: otherAuthor, target: f, json: { ...(await completeEntry(db)), category: "online", url: "https://example.vn/mua-nuoc-noi", title: F_TITLE, outlet: "Báo Miền Tây" }, file: "mua-nuoc-noi.pdf" },
    ];
    for (const { owner, target, json, file } of works) {
      const created = await call("POST", "/api/entries", { as: owner.id, json });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const upload = await call("POST", `/api/entries/${created.body.id}/attachments`, { as: owner.id, body: form(pdf(), file) });
      expect(upload.status).toBe(201);
      const submitted = await call("POST", `/api/entries/${created.body.id}/submit`, { as: owner.id });
      expect(submitted.status).toBe(200);
      expect((await call("POST", `/api/admin/entries/${created.body.id}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } })).status).toBe(200);
      Object.assign(target, { id: created.body.id, code: submitted.body.code, attachment: upload.body.id });
    }
    // Judging starts after the submission deadline.
    await setWindow(db, new Date(Date.now() - 60 * DAY), new Date(Date.now() - DAY));

    // Panels make the assignment certain: E (print) can only go to the assigned and the declaring
    // juror (the outlet's juror is excluded), F (online) only to the unassigned and outlet jurors.
    const round = { name: { vi: "Sơ khảo", en: "Preliminary" }, scope: { kind: "eligible" }, jurorsPerEntry: 2, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null };
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: round });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    roundId = created.body.id;
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: panel() })).status).toBe(204);
    const run = await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id });
    expect(run.status).toBe(200);
    expect(run.body.unmet).toEqual([]);
    const held = await db.select({ entryId: assignments.entryId, jurorId: assignments.jurorId }).from(assignments).where(eq(assignments.roundId, roundId));
    const holders = (entryId: string) => held.filter((a) => a.entryId === entryId).map((a) => a.jurorId).sort();
    expect(holders(e.id)).toEqual([jurors.assigned.id, jurors.declared.id].sort());
    expect(holders(f.id)).toEqual([jurors.unassigned.id, jurors.outletJuror.id].sort());
  });
  afterAll(async () => {
    if (contestId) await noticesSettled(contestId);
    if (search) await dropTestIndexes(search);
    await database?.dispose();
  });

  function panel() {
    return {
      jurors: [
        { jurorId: jurors.assigned.id, panels: ["print"] },
        { jurorId: jurors.declared.id, panels: ["print"] },
        { jurorId: jurors.unassigned.id, panels: ["online"] },
        { jurorId: jurors.outletJuror.id, panels: [] },
      ],
    };
  }

  /** The table: every route, and what each actor gets in each phase. */
  function specs(): Spec[] {
    const round = `/api/admin/rounds/${roundId}`;
    const reason = "Hội đồng thống nhất";
    const notYet = { draft: "409 noClosedRound", open: "409 noClosedRound" } as const;
    return [
      // Public.
      { method: "GET", path: "/api/contests/current", who: { anonymous: 200 } },
      // The guard's public mode: no session read, no database opened by the guard.
      { method: "GET", path: "/api/health", who: { anonymous: 200, author: 200 } },
      { method: "GET", path: "/api/health/ready", who: { anonymous: 200, secretariat: 200 } },
      // Rendered at build time, and again at request time after a publication (or, for a story
      // past PRERENDERED_STORIES, on its first request): public, and the same for everyone.
      { method: "GET", path: "/vi/feed.xml", who: { anonymous: 200, author: 200 } },
      { method: "GET", path: "/en/statistics/csv/tinh-thanh.csv", who: { anonymous: 200, secretariat: 200 } },
      { method: "GET", path: `/og/vi/story/${aStory.slug}`, who: { anonymous: 200, assigned: 200 } },
      { method: "GET", path: "/og/vi/story/khong-co-cau-chuyen-nay", who: { anonymous: 404 } },
      // Publishing stories into the running site takes the token in DATA_DIR, never a session.
      { method: "POST", path: "/api/content/published", body: { published: [], withdrawn: [], translations: [] }, who: { ...Object.fromEntries(ACTORS.map((a) => [a, "401 publishToken"])), anonymous: "401 publishToken" } },
      // A winner's preview image exists once the results are published, and only for a winner.
      { method: "GET", path: `/og/vi/results/${year}/${f.code}`, who: { anonymous: { draft: 404, open: 404, closed: 404, published: 200 } } },
      { method: "GET", path: `/og/en/results/${year}/${e.code}`, who: { anonymous: 404, author: 404 } },
      // A year's figures (entries and prizes by category) are public with its results, not before.
      { method: "GET", path: `/api/statistics/contest?year=${year}`, who: { anonymous: { draft: 404, open: 404, closed: 404, published: 200 }, author: { open: 404, published: 200 } } },

      // Accounts: anyone signs up, once per e-mail; every signed-in role changes its own password.
      {
        method: "POST",
        path: "/api/account",
        body: { name: "Phóng Viên Mới", email: "phong-vien-moi@example.vn", password: "mat-khau-dai-du", phone: "0912 345 678", outlet: "Báo Mới" },
        who: { anonymous: { draft: 201, open: "409 emailTaken", closed: "409 emailTaken", published: "409 emailTaken" } },
      },
      { method: "PUT", path: "/api/account/password", body: { currentPassword: "bat-ky", newPassword: "ngan" }, who: { ...Object.fromEntries(ACTORS.map((a) => [a, "422 validation"])), anonymous: 401 } },
      // Every signed-in role signs out its other sessions (the table signs in afresh on each call).
      { method: "POST", path: "/api/account/sessions/revoke", who: { ...Object.fromEntries(ACTORS.map((a) => [a, 204])), anonymous: 401 } },
      // The e-mailed unlock link: anyone may open one; only a valid signature clears anything (tests/integration/throttle.test.ts).
      { method: "GET", path: "/api/account/unlock?token=abc", who: { anonymous: 303, author: 303, secretariat: 303 } },
      { method: "GET", path: "/api/account/unlock", who: { anonymous: "422 validation" } },
      // Password reset: anyone asks (the same answer for every e-mail; three an hour per e-mail, so in one phase only); a link that does not exist is 404 for everyone.
      { method: "POST", path: "/api/account/password-reset", body: { email: "ai-do@example.vn" }, who: { anonymous: { draft: 202 }, author: { draft: 202 }, secretariat: { draft: 202 } } },
      { method: "POST", path: "/api/account/password-reset/confirm", body: { token: "A".repeat(43), newPassword: "mat-khau-moi-dai" }, who: { anonymous: "404 resetLinkInvalid", author: "404 resetLinkInvalid", assigned: "404 resetLinkInvalid" } },
      // Two-factor: staff enrol themselves (journalists 403); a confirmation with no enrolment started is 409, a wrong code to turn it off 409 while it is off.
      { method: "POST", path: "/api/account/two-factor", who: { author: 403, otherAuthor: 403, anonymous: 401 } },
      { method: "PUT", path: "/api/account/two-factor", body: { code: "000000" }, who: { author: 403, ...forJurors("409 twoFactorNotStarted"), secretariat: "409 twoFactorNotStarted", anonymous: 401 } },
      { method: "DELETE", path: "/api/account/two-factor", body: { code: "000000" }, who: { author: 403, ...forJurors("409 twoFactorOff"), secretariat: "409 twoFactorOff", anonymous: 401 } },
      { method: "GET", path: "/api/admin/settings", who: staffOnly(200) },
      { method: "PUT", path: "/api/admin/settings", body: { twoFactorRequiredForStaff: false }, who: staffOnly(200) },
      { method: "DELETE", path: `/api/admin/accounts/${nowhere}/two-factor`, body: { reason: "Mất điện thoại" }, who: staffOnly(404) },
      ...[AUTHOR, PEN, E_TITLE, F_TITLE].map((text): Spec => ({ method: "GET", path: `/api/search?q=${q(text)}`, who: { anonymous: 200, assigned: 200 } })),

      // The journalist's own entry: hers to read; after the deadline nobody changes it; other
      // journalists get 404 (it must not be probed), jurors and the secretariat 403 (wrong role).
      { method: "GET", path: "/api/entries", who: journalistsOnly(200, 200) },
      { method: "GET", path: `/api/entries/${e.id}`, who: journalistsOnly(200, 404) },
      { method: "GET", path: `/api/entries/${e.id}/attachments/${e.attachment}`, who: journalistsOnly(200, 404, 200) },
      { method: "GET", path: `/api/entries/${e.id}/attachments/${f.attachment}`, who: journalistsOnly(404, 404, 404) },
      { method: "GET", path: `/api/entries/${f.id}/attachments/${f.attachment}`, who: { author: 404 } },
      { method: "POST", path: "/api/entries", body: { category: "print", title: "Bài mới sau hạn" }, who: journalistsOnly("409 deadlinePassed", "409 deadlinePassed") },
      { method: "PATCH", path: `/api/entries/${e.id}`, body: { title: "Tiêu đề đổi giữa vòng chấm" }, who: journalistsOnly("409 deadlinePassed", 404) },
      { method: "POST", path: `/api/entries/${e.id}/withdraw`, who: journalistsOnly("409 deadlinePassed", 404) },
      { method: "POST", path: `/api/entries/${e.id}/submit`, who: journalistsOnly("409 alreadySubmitted", 404) },
      { method: "POST", path: `/api/entries/${e.id}/attachments`, who: journalistsOnly("409 deadlinePassed", 404) },
      { method: "DELETE", path: `/api/entries/${e.id}/attachments/${e.attachment}`, who: journalistsOnly("409 deadlinePassed", 404) },
      { method: "DELETE", path: `/api/entries/${e.id}`, who: journalistsOnly("409 onlyDraftsDeleted", 404) },
      // Answering a co-authorship: only the account linked as a co-author (none is on E); its
      // owner, everyone else and every role get what a missing entry gets.
      { method: "POST", path: `/api/entries/${e.id}/coauthorship`, body: { answer: "accept" }, who: { author: 404, otherAuthor: 404, ...forJurors(404), secretariat: 404, anonymous: 401 } },
      { method: "POST", path: `/api/entries/${nowhere}/coauthorship`, body: { answer: "decline" }, who: { otherAuthor: 404, assigned: 404 } },

      // The jury's workspace: an entry only through an assignment in a round past its draft.
      { method: "GET", path: "/api/jury/assignments", who: jurorsOnly(forJurors(200)) },
      { method: "GET", path: `/api/jury/entries/${e.id}`, who: jurorsOnly({ ...forJurors(404), assigned: { draft: 404, open: 200, closed: 200, published: 200 } }) },
      { method: "GET", path: `/api/jury/entries/${nowhere}`, who: { assigned: 404, unassigned: 404 } },
      { method: "GET", path: `/api/jury/entries/${e.id}/attachments/${e.attachment}`, who: jurorsOnly({ ...forJurors(404), assigned: { draft: 404, open: 200, closed: 200, published: 200 } }) },
      // Someone else's file through one's own entry, either way round.
      { method: "GET", path: `/api/jury/entries/${e.id}/attachments/${f.attachment}`, who: { assigned: 404 } },
      { method: "GET", path: `/api/jury/entries/${f.id}/attachments/${e.attachment}`, who: { unassigned: 404, outletJuror: 404 } },
      ...[E_TITLE, AUTHOR, PEN, OUTLET].map((text): Spec => ({ method: "GET", path: `/api/jury/search?q=${q(text)}`, who: jurorsOnly(forJurors(200)) })),
      {
        method: "PUT",
        path: `/api/jury/scores/${e.id}`,
        body: { values: { truthfulness: 12.5 }, comment: "Nháp" },
        who: jurorsOnly({ ...forJurors(404), assigned: { draft: 404, open: 200, closed: "409 roundNotOpen", published: "409 roundNotOpen" } }),
      },
      // Declaring a conflict removes an assignment and its draft: not once the round has closed.
      {
        method: "POST",
        path: "/api/jury/conflicts",
        body: { entryId: e.id, reason: "Quen tác giả" },
        who: jurorsOnly({ ...forJurors(404), assigned: { draft: 404, closed: "409 roundNotOpen", published: "409 roundNotOpen" } }),
      },

      // The secretariat's reads.
      ...[
        "/api/admin/rounds",
        round,
        `${round}/progress`,
        `${round}/ranking`,
        `/api/admin/conflicts?roundId=${roundId}`,
        `/api/admin/entries/search?q=${q(AUTHOR)}`,
        "/api/admin/prizes",
        "/api/admin/accounts?role=juror",
        "/api/admin/audit?entity=round",
        "/api/admin/audit/export?entity=round",
        "/api/admin/contests",
      ].map((path): Spec => ({ method: "GET", path, who: staffOnly(200) })),
      // Exports carry names: the secretariat's alone; nothing a juror can download.
      ...["entries", "scores", "ranking", "prizes", "all"].map((exportKind): Spec => ({ method: "GET", path: `/api/admin/exports/${exportKind}?round=${roundId}`, who: staffOnly(200) })),
      { method: "GET", path: `/api/admin/exports/entries?format=csv&round=${roundId}`, who: staffOnly(200) },

      // The secretariat's writes, phase by phase (left out where a success would change the story).
      { method: "POST", path: "/api/admin/rounds", body: { name: { vi: "Chung khảo", en: "Final" }, scope: { kind: "shortlist", top: 1 }, jurorsPerEntry: 1, rubric: DEFAULT_RUBRIC, blind: true, disagreementThreshold: 20, opensAt: null, closesAt: null }, who: staffOnly() },
      { method: "PATCH", path: round, body: { status: "closed", reason: "Hội đồng thống nhất đóng vòng." }, who: staffOnly({ draft: "409 roundTransition" }) },
      { method: "PATCH", path: round, body: { status: "open" }, who: staffOnly({ open: "409 roundTransition", closed: "409 roundTransition", published: "409 roundTransition" }) },
      { method: "PUT", path: `${round}/jurors`, body: panel(), who: staffOnly({ draft: 204, open: 204, closed: "409 roundClosed", published: "409 roundClosed" }) },
      { method: "PUT", path: `${round}/levels`, body: { criteria: [{ key: "truthfulness", levels: [{ min: 15, max: 30, description: { vi: "Tốt", en: "Good" } }, { min: 0, max: 14.5, description: { vi: "Chưa đạt", en: "Weak" } }] }] }, who: staffOnly({ draft: 200, open: 200, closed: "409 roundClosed", published: "409 roundClosed" }) },
      { method: "POST", path: `${round}/assignment/entries`, body: { entryIds: [e.id] }, who: staffOnly({ draft: 200, open: 200, closed: "409 roundClosed", published: "409 roundClosed" }) },
      { method: "POST", path: `${round}/assignment`, who: staffOnly({ draft: 200, open: 200, closed: "409 roundClosed", published: "409 roundClosed" }) },
      { method: "POST", path: `${round}/assignments`, body: { entryId: e.id, jurorId: jurors.unassigned.id }, who: staffOnly({ draft: "409 notOnPanel", open: "409 notOnPanel", closed: "409 roundClosed", published: "409 roundClosed" }) },
      { method: "POST", path: `${round}/assignments`, body: { entryId: e.id, jurorId: jurors.outletJuror.id }, who: staffOnly({ draft: "409 conflictOutlet", open: "409 conflictOutlet" }) },
      { method: "DELETE", path: `${round}/assignments/${e.id}/${jurors.assigned.id}`, who: staffOnly({ closed: "409 roundClosed", published: "409 roundClosed" }) },
      { method: "POST", path: `${round}/reminders/preview`, body: {}, who: staffOnly({ draft: "409 reminderRoundNotOpen", open: 200, closed: "409 reminderRoundNotOpen", published: "409 reminderRoundNotOpen" }) },
      { method: "POST", path: `${round}/reminders`, body: {}, who: staffOnly({ draft: "409 reminderRoundNotOpen", open: 200, closed: "409 reminderRoundNotOpen", published: "409 reminderRoundNotOpen" }) },
      { method: "POST", path: `/api/admin/scores/${sheetId}/reopen`, body: { reason }, who: staffOnly({ draft: 404, open: 204, closed: "409 roundClosed", published: "409 roundClosed" }) },
      // The sheet reopened above goes back in, by its own juror only.
      { method: "PUT", path: `/api/jury/scores/${f.id}`, body: { values: full, submit: true }, who: { unassigned: { draft: 404, open: 200, closed: "409 scoreLocked", published: "409 scoreLocked" }, assigned: 404 } },
      { method: "POST", path: "/api/admin/conflicts", body: { jurorId: jurors.unassigned.id, entryId: e.id, reason }, who: staffOnly() },
      { method: "POST", path: `/api/admin/entries/${e.id}/eligibility`, body: { decision: "eligible" }, who: staffOnly(200) },
      { method: "POST", path: "/api/admin/entries/eligibility", body: { ids: [e.id], eligible: true }, who: staffOnly(200) },
      { method: "GET", path: `/api/admin/entries/${e.id}`, who: staffOnly(200) },
      { method: "GET", path: `/api/admin/entries/${nowhere}`, who: { secretariat: 404 } },
      { method: "GET", path: `/api/admin/entries/${e.id}/files/${e.attachment}`, who: staffOnly(200) },
      { method: "GET", path: `/api/admin/entries/${e.id}/files/${f.attachment}`, who: { secretariat: 404 } },
      { method: "PATCH", path: `/api/admin/accounts/${jurors.assigned.id}`, body: { disabled: true, reason }, who: staffOnly() },
      { method: "POST", path: "/api/admin/accounts", body: { email: "giam-khao-moi@example.vn", name: "Giám Khảo Mới", role: "juror" }, who: staffOnly() },
      { method: "POST", path: "/api/admin/contests", body: { year: 2031, submissionOpensAt: "2031-01-01T00:00:00+07:00", submissionClosesAt: "2031-03-01T00:00:00+07:00", publishedFrom: "2030-01-01", publishedTo: "2031-02-01" }, who: staffOnly() },

      // Prizes and publication: only after the round closes, and frozen once published.
      { method: "PUT", path: "/api/admin/prizes/quotas", body: { quotas: { online: { A: 1, B: 0, C: 0, encouragement: 0 } } }, who: staffOnly({ draft: 200, open: 200, closed: 200, published: "409 resultsPublished" }) },
      { method: "POST", path: "/api/admin/prizes/proposal", body: { reason }, who: staffOnly({ ...notYet, published: "409 resultsPublished" }) },
      { method: "PUT", path: `/api/admin/prizes/${f.id}`, body: { tier: "A", reason }, who: staffOnly({ ...notYet, closed: 200, published: "409 resultsPublished" }) },
      { method: "PUT", path: `/api/admin/prizes/${e.id}`, body: { tier: "B", reason }, who: staffOnly({ ...notYet, published: "409 resultsPublished" }) },
      { method: "PUT", path: `/api/admin/prizes/${f.id}/citation`, body: CITATION, who: staffOnly({ draft: "404 noPrize", open: "404 noPrize", closed: 200, published: "409 resultsPublished" }) },
      { method: "GET", path: "/api/admin/publication/preview", who: staffOnly(200) },
      { method: "POST", path: "/api/admin/publication", body: DECISION, who: staffOnly({ draft: "409 notReady", open: "409 notReady", published: "409 alreadyPublished" }) },
      // E-mail templates: the secretariat's alone; a test send goes to the caller's own address.
      { method: "GET", path: "/api/admin/mail-templates", who: staffOnly(200) },
      { method: "PUT", path: "/api/admin/mail-templates/reminder", body: TEMPLATES, who: staffOnly(200) },
      { method: "POST", path: "/api/admin/mail-templates/reminder/preview", body: {}, who: staffOnly(200) },
      { method: "POST", path: "/api/admin/mail-templates/reminder/test", body: {}, who: staffOnly(200) },
      { method: "DELETE", path: "/api/admin/mail-templates/reminder", who: staffOnly(200) },
      // A winner's files: only with the author's consent, once published; nobody reaches one otherwise.
      { method: "GET", path: `/api/results/${year}/${f.code}/files/${f.attachment}`, who: { author: 404, otherAuthor: 404, ...forJurors(404), secretariat: 404, anonymous: 404 } },
    ];
  }

  function rows(phase: Phase): Row[] {
    return specs().flatMap(({ method, path, body, who }) =>
      ACTORS.flatMap((actor): Row[] => {
        const cell = who[actor];
        const expected = typeof cell === "object" ? cell[phase] : cell;
        return expected === undefined ? [] : [[actor, method, path, body, expected]];
      }),
    );
  }

  /** Runs a phase's table; returns every mismatch (status, code, database change, leak) and the responses. */
  async function runTable(phase: Phase) {
    const table = rows(phase);
    const mismatches: string[] = [];
    const seen = new Map<string, CallResult & { text: string }>();
    const authorNeedles = [AUTHOR, PEN, OUTLET, author.id, author.email, `${AUTHOR} - ${PEN}`];
    const jurorNeedles = JURORS.flatMap((j) => [JUROR_NAMES[j], jurors[j].id, jurors[j].email]);
    const entryNeedles = [e.id, e.code, E_TITLE];
    let before: string | null = null;
    for (const [actor, method, path, body, expected] of table) {
      const [status, code] = typeof expected === "number" ? [expected, DEFAULT_CODES[expected]] : [Number(expected.split(" ")[0]), expected.split(" ")[1]];
      const label = `${phase} | ${actor} ${method} ${path}`;
      if (status >= 400) before ??= await state();
      const res = await call(method, path, { as: idOf(actor), json: body });
      // Files and exports are read to the end, as a client would.
      const content = res.body === null ? Buffer.from(await res.response.arrayBuffer()).toString("utf8") : "";
      seen.set(`${actor} ${method} ${path}`, { ...res, text: content });
      if (res.status !== status) mismatches.push(`${label}: ${res.status}, expected ${status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
      else if (code && res.body?.error?.code !== code) mismatches.push(`${label}: code ${res.body?.error?.code}, expected ${code}`);
      if (res.status >= 400) {
        const after = await state();
        if (after !== before) mismatches.push(`${label}: refused (${res.status}) but the database changed`);
        before = after;
      } else before = null;

      // What the caller could read: the body (minus the caller's own query, echoed back) and every header.
      const rest = { ...(res.body ?? {}) } as Record<string, unknown>;
      delete rest.query;
      const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
      const readable = `${JSON.stringify(rest)}\n${content}\n${headers}\n${decoded(headers)}`;
      if (actor !== "author" && actor !== "secretariat") {
        const leaked = found(readable, authorNeedles);
        if (leaked.length) mismatches.push(`${label}: names the author: ${leaked.join(", ")}`);
      }
      if (actor === "author" || actor === "otherAuthor" || actor === "anonymous") {
        const leaked = found(readable, jurorNeedles);
        if (leaked.length) mismatches.push(`${label}: names a juror: ${leaked.join(", ")}`);
      }
      // Only E's own juror, once the round is out of draft, learns anything about E.
      if ((JURORS as Actor[]).includes(actor) && (actor !== "assigned" || phase === "draft")) {
        const leaked = found(readable, entryNeedles);
        if (leaked.length) mismatches.push(`${label}: reveals entry E: ${leaked.join(", ")}`);
      }
    }
    const get = (actor: Actor, method: Method, path: string) => seen.get(`${actor} ${method} ${path}`)!;
    return { mismatches, count: table.length, get };
  }

  const hitIds = (res: CallResult) => (res.body.hits as { id: string }[]).map((h) => h.id);
  const winnerCodes = (res: CallResult) => (res.body.winners as { code: string }[]).map((w) => w.code);
  const assignedIds = (res: CallResult) => (res.body.rounds as { items: { entry: { id: string } }[] }[]).flatMap((r) => r.items.map((i) => i.entry.id));

  /** What holds in every phase: nothing public before publication, and a blind search finds no author. */
  function commonChecks(phase: Phase, get: Awaited<ReturnType<typeof runTable>>["get"]) {
    for (const text of [AUTHOR, PEN, E_TITLE]) expect(winnerCodes(get("anonymous", "GET", `/api/search?q=${q(text)}`)), text).toEqual([]);
    expect(winnerCodes(get("anonymous", "GET", `/api/search?q=${q(F_TITLE)}`))).toEqual(phase === "published" ? [f.code] : []);
    for (const juror of JURORS) {
      for (const text of [AUTHOR, PEN, OUTLET]) {
        const res = get(juror, "GET", `/api/jury/search?q=${q(text)}`);
        // With Meilisearch the index answers (fed by the drain), not the database.
        expect(res.body, `${juror} searching ${text}`).toMatchObject({ hits: [], total: 0, blind: true, degraded: !search });
      }
      const byTitle = hitIds(get(juror, "GET", `/api/jury/search?q=${q(E_TITLE)}`));
      // Only open rounds are searchable.
      expect(byTitle, juror).toEqual(juror === "assigned" && phase === "open" ? [e.id] : []);
      expect(assignedIds(get(juror, "GET", "/api/jury/assignments")).includes(e.id), juror).toBe(juror === "assigned" && phase !== "draft");
    }
    // An entry that is not one's own answers exactly as one that does not exist.
    expect(get("unassigned", "GET", `/api/jury/entries/${e.id}`).body).toEqual(get("unassigned", "GET", `/api/jury/entries/${nowhere}`).body);
    const own = get("author", "GET", `/api/entries/${e.id}`).body;
    expect(own.authors).toEqual([{ name: AUTHOR, penName: PEN, email: author.email }]);
  }

  /** The assigned juror's view of E, in a phase where they may read it: the work, nothing of its author. */
  function blindView(get: Awaited<ReturnType<typeof runTable>>["get"]) {
    const read = get("assigned", "GET", `/api/jury/entries/${e.id}`).body;
    expect(read.round).toMatchObject({ id: roundId, blind: true });
    expect(read.entry).toMatchObject({ id: e.id, title: E_TITLE, blind: true });
    expect(read.entry.identity).toBeUndefined();
    const file = get("assigned", "GET", `/api/jury/entries/${e.id}/attachments/${e.attachment}`);
    // A neutral name, which Chromium's PDF viewer shows as the title: its number in the entry, in the caller's language.
    expect(file.headers.get("content-disposition")).toBe(`inline; filename="Tep 1.pdf"; filename*=UTF-8''T%E1%BB%87p%201.pdf`);
    expect(file.text.startsWith("%PDF-")).toBe(true);
  }

  it("has rows for every method of every route handler", { timeout: 60_000 }, async () => {
    const covered = new Set(
      specs()
        .filter((spec) => Object.keys(spec.who).length > 0)
        .map((spec) => `${spec.method} ${resolveRoute(spec.path.split("?")[0]!)?.path}`),
    );
    const missing: string[] = [];
    for (const route of await loadRoutes()) {
      if (route.path in NOT_IN_TABLE) continue;
      // Prerendered at build time, outside the guard (route-guard.test.ts): no request runs them.
      for (const { method, mode } of route.methods) if (mode && !covered.has(`${method} ${route.path}`)) missing.push(`${method} ${route.path}`);
    }
    expect(missing).toEqual([]);
  });

  it("draft round: jurors see nothing of it; the secretariat sets it up; prizes wait", { timeout: 120_000 }, async () => {
    await drain();
    const { mismatches, count, get } = await runTable("draft");
    expect(mismatches).toEqual([]);
    expect(count).toBeGreaterThan(300);
    commonChecks("draft", get);
    for (const juror of JURORS) expect(get(juror, "GET", "/api/jury/assignments").body.rounds).toEqual([]);
  });

  it("open round: the assigned juror reads blind and scores; no one else reaches the entry", { timeout: 120_000 }, async () => {
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);
    // The declaring juror could read E until they declared the conflict; from then on it is gone.
    expect((await call("GET", `/api/jury/entries/${e.id}`, { as: jurors.declared.id })).status).toBe(200);
    expect((await call("POST", "/api/jury/conflicts", { as: jurors.declared.id, json: { entryId: e.id, reason: "Người nhà tác giả" } })).status).toBe(204);
    // A submitted sheet on F, for the secretariat's reopen row.
    expect((await call("PUT", `/api/jury/scores/${f.id}`, { as: jurors.unassigned.id, json: { values: full, submit: true } })).status).toBe(200);
    const [sheet] = await db.select().from(scores).where(and(eq(scores.entryId, f.id), eq(scores.jurorId, jurors.unassigned.id)));
    sheetId = sheet!.id;
    await drain();

    const { mismatches, get } = await runTable("open");
    expect(mismatches).toEqual([]);
    commonChecks("open", get);
    blindView(get);
    const list = get("assigned", "GET", "/api/jury/assignments").body;
    expect(list.rounds[0].items[0].entry).toEqual({ id: e.id, code: e.code, category: "print", title: E_TITLE });
    expect(get("assigned", "PUT", `/api/jury/scores/${e.id}`).body).toMatchObject({ status: "draft", editable: true });
  });

  it("closed round: nothing of the judging changes, not even by the secretariat; prizes are decided", { timeout: 120_000 }, async () => {
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "closed", reason: "Hội đồng thống nhất đóng vòng." } })).status).toBe(200);
    await drain();
    const { mismatches, get } = await runTable("closed");
    expect(mismatches).toEqual([]);
    commonChecks("closed", get);
    blindView(get);
    // The assigned juror's draft and assignment survived the refused conflict declaration.
    const [draft] = await db.select().from(scores).where(and(eq(scores.entryId, e.id), eq(scores.jurorId, jurors.assigned.id)));
    expect(draft).toMatchObject({ status: "draft", values: { truthfulness: 12.5 } });
    expect(await db.select().from(assignments).where(and(eq(assignments.entryId, e.id), eq(assignments.jurorId, jurors.assigned.id)))).toHaveLength(1);
    const [reopened] = await db.select().from(scores).where(eq(scores.id, sheetId));
    expect(reopened!.status).toBe("submitted");
  });

  it("results published: the public sees the winner only; the round stays blind to its jurors", { timeout: 120_000 }, async () => {
    const published = await call("POST", "/api/admin/publication", { as: secretariat.id, json: DECISION });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.winners).toEqual([{ code: f.code, tier: "A" }]);
    // The entrants' notices are written after the response: let them land before the table compares states.
    await noticesSettled(contestId);
    await drain();
    const { mismatches, get } = await runTable("published");
    await noticesSettled(contestId);
    expect(mismatches).toEqual([]);
    commonChecks("published", get);
    blindView(get);
    const winner = get("anonymous", "GET", `/api/search?q=${q(F_TITLE)}`).body.winners[0];
    expect(winner).toMatchObject({ code: f.code, tier: "A", authors: [OTHER_AUTHOR] });
  });
});

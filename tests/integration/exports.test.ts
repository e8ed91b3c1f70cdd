// The secretariat's exports over a small scored contest: who may download, what a bad request
// gets, and every file opened as the secretariat would (exceljs's reader for XLSX, an RFC 4180
// parser for CSV) and checked cell by cell against the database.
import "../support/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { seedContest } from "@/lib/db/seed";
import { auditLog, entries, prizes, scores, type User } from "@/lib/db/schema";
import type { Criterion } from "@/lib/contest/scoring";
import { call } from "../support/api";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../support/db";
import { completeEntry, form, makeUser, pdf } from "../support/fixtures";

const ANH = "Nguyễn Thị Ánh";
const PEN = "Ánh Dương";
const CO_AUTHOR = "Lê Văn Bình";
const DUC = "Trần Văn Đức";
const OUTLET = "Báo Thanh Niên";
// Would run as a formula if a spreadsheet took it at its word; also needs CSV quoting.
const FORMULA_TITLE = '=HYPERLINK("http://x.test","Bấm") ngày, đêm';
const RUBRIC: Criterion[] = [
  { key: "truth", name: { vi: "Tính chân thực", en: "Truthfulness" }, maxPoints: 40, weight: 1 },
  { key: "craft", name: { vi: "Nghệ thuật báo chí", en: "Journalistic craft" }, maxPoints: 30, weight: 2 },
];
// Instants chosen so the Vietnamese date differs from the UTC one.
const ENTRY_SUBMITTED = new Date("2026-05-12T18:00:00Z"); // 13/05/2026 01:00 in Hà Nội
const SHEET_SUBMITTED = new Date("2026-06-01T07:30:00Z"); // 01/06/2026 14:30
const wall = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && input[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field || record.length) throw new Error("last record not ended by CRLF");
  return records;
}

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

/** A sheet's rows as arrays of cell values (exceljs rows are 1-based). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
  });
  return rows;
}

const nfc = (v: unknown) => (typeof v === "string" ? v.normalize("NFC") : v);

describe.each(databaseKinds)("exports on %s", (kind) => {
  let database: TestDatabase;
  let anh: User;
  let duc: User;
  let secretariat: User;
  let jurors: User[];
  let roundId: string;
  type Key = "e1" | "e2" | "e3" | "e4" | "e5";
  let codes: Record<Key, string>;
  const ids = {} as Record<Key, string>;

  async function submitted(owner: User, input: Record<string, unknown>): Promise<string> {
    const res = await call("POST", "/api/entries", { as: owner.id, json: { ...(await completeEntry(database.db)), ...input } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await call("POST", `/api/entries/${res.body.id}/attachments`, { as: owner.id, body: form(pdf()) })).status).toBe(201);
    const sub = await call("POST", `/api/entries/${res.body.id}/submit`, { as: owner.id });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    return res.body.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    await seedContest(db, new Date());
    anh = await makeUser(db, "journalist", ANH);
    duc = await makeUser(db, "journalist", DUC);
    secretariat = await makeUser(db, "secretariat", "Thư Ký Hội Đồng");
    jurors = [await makeUser(db, "juror", "Phạm Giám Khảo"), await makeUser(db, "juror", "Hoàng Thị Chấm"), await makeUser(db, "juror", "Đặng Văn Điểm")];

    ids.e1 = await submitted(anh, { title: "Người thầy bản Mông", outlet: OUTLET, url: "https://thanhnien.vn/nguoi-thay", authors: [{ name: ANH, penName: PEN }, { name: CO_AUTHOR }] });
    ids.e2 = await submitted(duc, { category: "online", title: FORMULA_TITLE, outlet: "Báo Tuổi Trẻ", url: "https://tuoitre.vn/bai", authors: [{ name: DUC, penName: "" }] });
    ids.e3 = await submitted(anh, { title: "Cô giáo vùng lũ", outlet: OUTLET, authors: [{ name: ANH, penName: PEN }] });
    ids.e4 = await submitted(duc, { title: "Bài đăng quá hạn", outlet: "Báo Tuổi Trẻ", authors: [{ name: DUC, penName: "" }] });
    ids.e5 = await submitted(duc, { title: "Bài đã rút", outlet: "Báo Tuổi Trẻ", authors: [{ name: DUC, penName: "" }] });
    // A draft is the journalist's own business: never exported.
    expect((await call("POST", "/api/entries", { as: anh.id, json: { category: "print", title: "Bản nháp riêng tư" } })).status).toBe(201);
    expect((await call("POST", `/api/entries/${ids.e5}/withdraw`, { as: duc.id })).status).toBe(200);
    for (const id of [ids.e1, ids.e2, ids.e3]) expect((await call("POST", `/api/admin/entries/${id}/eligibility`, { as: secretariat.id, json: { decision: "eligible" } })).status).toBe(200);
    expect((await call("POST", `/api/admin/entries/${ids.e4}/eligibility`, { as: secretariat.id, json: { decision: "ineligible", reason: "Đăng ngoài thời gian quy định" } })).status).toBe(200);
    await db.update(entries).set({ submittedAt: ENTRY_SUBMITTED }).where(eq(entries.id, ids.e1));
    const rows = await db.select({ id: entries.id, code: entries.code }).from(entries);
    const codeOf = (id: string) => rows.find((r) => r.id === id)!.code!;
    codes = { e1: codeOf(ids.e1), e2: codeOf(ids.e2), e3: codeOf(ids.e3), e4: codeOf(ids.e4), e5: codeOf(ids.e5) };

    const round = { name: { vi: "Vòng sơ khảo", en: "Preliminary round" }, scope: { kind: "eligible" }, jurorsPerEntry: 2, rubric: RUBRIC, blind: true, disagreementThreshold: 10, opensAt: null, closesAt: null };
    const created = await call("POST", "/api/admin/rounds", { as: secretariat.id, json: round });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    roundId = created.body.id;
    expect((await call("PUT", `/api/admin/rounds/${roundId}/jurors`, { as: secretariat.id, json: { jurors: jurors.map((j) => ({ jurorId: j.id, panels: [] })) } })).status).toBe(204);
    expect((await call("POST", `/api/admin/rounds/${roundId}/assignment`, { as: secretariat.id })).body.unmet).toEqual([]);
    expect((await call("PATCH", `/api/admin/rounds/${roundId}`, { as: secretariat.id, json: { status: "open" } })).status).toBe(200);

    // e1: two equal sheets; e3: one equal sheet and one draft (tied with e1 on every criterion);
    // e2: two sheets 20 points apart (over the threshold of 10).
    const seen = new Map<string, number>();
    for (const juror of jurors) {
      const list = await call("GET", "/api/jury/assignments", { as: juror.id });
      for (const item of list.body.rounds[0].items as { entry: { id: string } }[]) {
        const entryId = item.entry.id;
        const nth = seen.get(entryId) ?? 0;
        seen.set(entryId, nth + 1);
        let body: Record<string, unknown>;
        if (entryId === ids.e2) body = nth === 0 ? { values: { truth: 35, craft: 25 }, comment: "-Rất hay, cảm động", submit: true } : { values: { truth: 25, craft: 20 }, submit: true };
        else if (entryId === ids.e3 && nth === 1) body = { values: { truth: 12.5 }, comment: "Đang đọc" };
        else body = { values: { truth: 30.5, craft: 22 }, comment: "Tốt", submit: true };
        const saved = await call("PUT", `/api/jury/scores/${entryId}`, { as: juror.id, json: body });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      }
    }
    await db.update(scores).set({ submittedAt: SHEET_SUBMITTED }).where(eq(scores.status, "submitted"));
    const contestId = (await db.select().from(entries).where(eq(entries.id, ids.e1)))[0]!.contestId;
    await db.insert(prizes).values([
      { contestId, entryId: ids.e1, tier: "A", reason: "Đề xuất theo cơ cấu giải" },
      { contestId, entryId: ids.e3, tier: "encouragement", reason: "Hội đồng biểu quyết" },
      { contestId, entryId: ids.e2, tier: "B", reason: "" },
      // A prize on a withdrawn entry is not part of the prize list.
      { contestId, entryId: ids.e5, tier: "C", reason: "" },
    ]);
  });
  afterAll(() => database.dispose());

  it("is the secretariat's alone: anonymous 401, journalist and juror 403", async () => {
    expect((await call("GET", "/api/admin/exports/entries")).status).toBe(401);
    expect((await call("GET", "/api/admin/exports/entries", { as: anh.id })).status).toBe(403);
    const juror = await call("GET", "/api/admin/exports/scores?format=csv", { as: jurors[0]!.id });
    expect(juror.status).toBe(403);
    expect(juror.body.error.code).toBe("forbidden");
  });

  it("refuses a bad kind, format, round or parameter with 422 validation and says which", async () => {
    const bad = async (path: string, lang = "vi") => {
      const res = await call("GET", path, { as: secretariat.id, headers: { "accept-language": lang } });
      expect(res.status, path).toBe(422);
      expect(res.body.error.code).toBe("validation");
      return res.body.error;
    };
    expect(Object.keys((await bad("/api/admin/exports/diem")).fields)).toEqual(["kind"]);
    expect(Object.keys((await bad("/api/admin/exports/entries?format=pdf")).fields)).toEqual(["format"]);
    expect(Object.keys((await bad("/api/admin/exports/scores?round=42")).fields)).toEqual(["round"]);
    expect(Object.keys((await bad("/api/admin/exports/scores?limit=10")).fields)).toEqual(["limit"]);
    // A parameter given twice is refused as a malformed request (400) naming it, not "the last one wins".
    const twice = await call("GET", "/api/admin/exports/scores?format=csv&format=xlsx", { as: secretariat.id, headers: { "accept-language": "en" } });
    expect([twice.status, twice.body.error.code, twice.body.error.fields]).toEqual([400, "repeatedParameter", { format: "Give this parameter only once." }]);
    expect(twice.body.error.message).toBe("Give each parameter only once in the address; repeated: format.");
    const all = await bad("/api/admin/exports/all?format=csv", "en");
    expect(all.fields).toEqual({ format: "The four-sheet workbook is available as XLSX only." });
    expect(all.message).toBe("Some fields are not valid.");
    const vi = await bad("/api/admin/exports/all?format=csv");
    expect(vi.fields.format).toBe("Bản tổng hợp bốn trang tính chỉ xuất được dạng XLSX.");
    // A well-formed id that is no round of ours.
    expect((await call("GET", "/api/admin/exports/scores?round=00000000-0000-4000-8000-000000000000", { as: secretariat.id })).status).toBe(404);
  });

  it("entries as XLSX: headers, typed cells, Vietnamese text, dates in Hà Nội time, no drafts", async () => {
    const res = await call("GET", "/api/admin/exports/entries?format=xlsx", { as: secretariat.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="lantoa-2026-tac-pham.xlsx"; filename*=UTF-8''${encodeURIComponent("lantoa-2026-tác-phẩm.xlsx")}`);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const book = await workbook(res.response);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Tác phẩm"]);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(3).width).toBe(48);
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(["Mã tác phẩm", "Thể loại", "Tên tác phẩm", "Tác giả (bút danh)", "Cơ quan báo chí", "Ngày đăng", "Đường dẫn", "Trạng thái", "Điều kiện dự thi", "Lý do (điều kiện dự thi)", "Thời điểm nộp"]);
    // Five submitted or withdrawn entries by code; the draft is not there.
    expect(rows.slice(1).map((r) => r[0])).toEqual([codes.e1, codes.e2, codes.e3, codes.e4, codes.e5]);
    expect(JSON.stringify(rows)).not.toContain("Bản nháp riêng tư");
    const contest = (await call("GET", "/api/contests/current")).body;
    const [e1, e2, , e4, e5] = rows.slice(1) as ExcelJS.CellValue[][];
    expect(e1!.map(nfc)).toEqual([codes.e1, "Báo in", "Người thầy bản Mông", `${ANH} (${PEN}); ${CO_AUTHOR}`, OUTLET, expect.any(Date), "https://thanhnien.vn/nguoi-thay", "Đã gửi", "Hợp lệ", null, expect.any(Date)]);
    expect((e1![5] as Date).getTime()).toBe(new Date(`${contest.publication.from}T00:00:00Z`).getTime());
    expect(Math.abs((e1![10] as Date).getTime() - wall(2026, 5, 13, 1, 0).getTime())).toBeLessThan(1000);
    expect(sheet.getRow(2).getCell(11).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(sheet.getRow(2).getCell(6).numFmt).toBe("dd/mm/yyyy");
    // In XLSX text is text: the formula-looking title is kept as typed and not made a formula.
    expect(e2![2]).toBe(FORMULA_TITLE);
    expect(sheet.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(e2![1]).toBe("Báo điện tử");
    expect(e4!.slice(7, 10)).toEqual(["Đã gửi", "Không hợp lệ", "Đăng ngoài thời gian quy định"]);
    expect(e5!.slice(7, 9)).toEqual(["Đã rút", "Chưa xét"]);
  });

  it("entries as CSV: BOM, CRLF, RFC 4180 quoting, the formula guard, ISO dates", async () => {
    const res = await call("GET", "/api/admin/exports/entries?format=csv", { as: secretariat.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain('filename="lantoa-2026-tac-pham.csv"');
    const bytes = new Uint8Array(await res.response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    expect(body.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(body);
    expect(rows[0]![0]).toBe("Mã tác phẩm");
    expect(rows.length).toBe(6);
    const [e1, e2] = [rows[1]!, rows[2]!];
    expect(e1.map(nfc)).toEqual([codes.e1, "Báo in", "Người thầy bản Mông", `${ANH} (${PEN}); ${CO_AUTHOR}`, OUTLET, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), "https://thanhnien.vn/nguoi-thay", "Đã gửi", "Hợp lệ", "", "2026-05-13 01:00:00"]);
    expect(e2[2]).toBe(`'${FORMULA_TITLE}`);
    // Quoted on the wire, quotes doubled.
    expect(body).toContain(`"'=HYPERLINK(""http://x.test"",""Bấm"") ngày, đêm"`);
  });

  it("scores of the latest round (the default): one column per criterion with its maximum, numbers as numbers, drafts marked", async () => {
    const res = await call("GET", "/api/admin/exports/scores", { as: secretariat.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="lantoa-2026-diem-vong-1.xlsx"; filename*=UTF-8''${encodeURIComponent("lantoa-2026-điểm-vòng-1.xlsx")}`);
    const sheet = (await workbook(res.response)).worksheets[0]!;
    expect(sheet.name).toBe("Điểm");
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(["Vòng chấm", "Mã tác phẩm", "Thể loại", "Tên tác phẩm", "Giám khảo", "Tính chân thực (tối đa 40)", "Nghệ thuật báo chí (tối đa 30, hệ số 2)", "Tổng điểm có trọng số (tối đa 100)", "Trạng thái phiếu", "Nhận xét", "Thời điểm nộp"]);
    const data = rows.slice(1);
    expect(data.length).toBe(6);
    expect(data.map((r) => r[1])).toEqual([codes.e1, codes.e1, codes.e2, codes.e2, codes.e3, codes.e3]);
    const jurorNames = new Set(jurors.map((j) => j.name));
    for (const r of data) expect(jurorNames.has(nfc(r[4]) as string)).toBe(true);
    const e1 = data[0]!;
    expect(e1.slice(0, 4)).toEqual(["Vòng sơ khảo", codes.e1, "Báo in", "Người thầy bản Mông"]);
    expect(e1.slice(5, 10)).toEqual([30.5, 22, 74.5, "Đã nộp", "Tốt"]);
    expect(sheet.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(2).getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(Math.abs((e1[10] as Date).getTime() - wall(2026, 6, 1, 14, 30).getTime())).toBeLessThan(1000);
    const e2Totals = data.filter((r) => r[1] === codes.e2).map((r) => r[7]);
    expect(e2Totals.sort()).toEqual([65, 85]);
    const draft = data.find((r) => r[1] === codes.e3 && r[8] === "Đang chấm")!;
    // A criterion left blank on a draft is an empty cell, not a zero; the draft has no time.
    expect(draft.slice(5, 11)).toEqual([12.5, null, 12.5, "Đang chấm", "Đang đọc", null]);
  });

  it("scores as CSV: the comment starting with a minus sign is disarmed, numbers are plain", async () => {
    const res = await call("GET", `/api/admin/exports/scores?format=csv&round=${roundId}`, { as: secretariat.id });
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(await res.response.arrayBuffer());
    const rows = parseCsv(text);
    const high = rows.find((r) => r[1] === codes.e2 && r[7] === "85")!;
    expect(high.slice(5, 10)).toEqual(["35", "25", "85", "Đã nộp", "'-Rất hay, cảm động"]);
    expect(high[10]).toBe("2026-06-01 14:30:00");
  });

  it("ranking with both aggregations, ties and disagreement, in the contest's category order", async () => {
    const res = await call("GET", `/api/admin/exports/ranking?round=${roundId}`, { as: secretariat.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain('filename="lantoa-2026-xep-hang-vong-1.xlsx"');
    const sheet = (await workbook(res.response)).worksheets[0]!;
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(["Hạng", "Đồng hạng", "Mã tác phẩm", "Thể loại", "Tên tác phẩm", "Điểm trung bình", "Điểm chuẩn hóa", "Số phiếu", "Lệch điểm", "Chênh lệch cao – thấp"]);
    const ranking = (await call("GET", `/api/admin/rounds/${roundId}/ranking`, { as: secretariat.id })).body.results as { entryId: string; normalised: number | null }[];
    // Whether a juror's totals vary (and so count towards it) depends on who was assigned what.
    const normalised = (id: string) => {
      const value = ranking.find((r) => r.entryId === id)!.normalised;
      return value === null ? null : Math.round(value * 100) / 100;
    };
    // Print (position 0) before online (position 1), though "online" sorts first by code. E3 has 1 of
    // its 2 sheets: it is listed after the ready entries, without a rank, as on the round's page.
    const [first, second, third] = rows.slice(1) as ExcelJS.CellValue[][];
    const printRows = [first!, second!].sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(printRows[0]).toEqual([1, null, codes.e1, "Báo in", "Người thầy bản Mông", 74.5, normalised(ids.e1), 2, null, 0]);
    expect(printRows[1]).toEqual([null, null, codes.e3, "Báo in", "Cô giáo vùng lũ", 74.5, normalised(ids.e3), 1, null, 0]);
    expect(third).toEqual([1, null, codes.e2, "Báo điện tử", FORMULA_TITLE, 75, normalised(ids.e2), 2, "Có", 20]);
    expect(sheet.getRow(2).getCell(6).numFmt).toBe("0.00");
    expect(rows.length).toBe(4);
  });

  it("prizes: by category order, then tier; withdrawn entries left out", async () => {
    const res = await call("GET", "/api/admin/exports/prizes?format=csv", { as: secretariat.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain('filename="lantoa-2026-giai-thuong.csv"');
    const rows = parseCsv(new TextDecoder().decode(await res.response.arrayBuffer()));
    expect(rows).toEqual([
      ["Thể loại", "Giải", "Mã tác phẩm", "Tên tác phẩm", "Tác giả (bút danh)", "Cơ quan báo chí", "Lý do"],
      ["Báo in", "Giải A", codes.e1, "Người thầy bản Mông", `${ANH} (${PEN}); ${CO_AUTHOR}`, OUTLET, "Đề xuất theo cơ cấu giải"],
      ["Báo in", "Giải Khuyến khích", codes.e3, "Cô giáo vùng lũ", `${ANH} (${PEN})`, OUTLET, "Hội đồng biểu quyết"],
      ["Báo điện tử", "Giải B", codes.e2, `'${FORMULA_TITLE}`, DUC, "Báo Tuổi Trẻ", ""],
    ]);
  });

  it("reads in keyset pages: any page size gives the same rows, none twice", async () => {
    const { exportEntries, exportPrizes, exportRanking, exportScores } = await import("@/lib/db/queries/exports");
    const { getRound } = await import("@/lib/db/queries/rounds");
    const list = async <T>(rows: AsyncIterable<T>) => {
      const out: T[] = [];
      for await (const row of rows) out.push(row);
      return out;
    };
    const contestId = (await database.db.select().from(entries).where(eq(entries.id, ids.e1)))[0]!.contestId;
    const round = await getRound(database.db, roundId);
    for (const batch of [1, 2, 4]) {
      expect(await list(exportEntries(database.db, contestId, batch))).toEqual(await list(exportEntries(database.db, contestId)));
      expect(await list(exportScores(database.db, roundId, batch))).toEqual(await list(exportScores(database.db, roundId)));
      expect(await list(exportPrizes(database.db, contestId, batch))).toEqual(await list(exportPrizes(database.db, contestId)));
      expect(await list(exportRanking(database.db, round, ["print", "online"], batch))).toEqual(await list(exportRanking(database.db, round, ["print", "online"])));
    }
    expect((await list(exportScores(database.db, roundId, 1))).length).toBe(6);
    expect((await list(exportPrizes(database.db, contestId, 1))).map((p) => p.code)).toEqual([codes.e1, codes.e3, codes.e2]);
  });

  it("all: one workbook, four sheets; in English on request; every export is audited", async () => {
    const before = await database.db.select().from(auditLog).where(like(auditLog.action, "export.%"));
    const res = await call("GET", "/api/admin/exports/all", { as: secretariat.id, headers: { "accept-language": "en" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain('filename="lantoa-2026-tong-hop-vong-1.xlsx"');
    const book = await workbook(res.response);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Entries", "Scores", "Ranking", "Prizes"]);
    expect(rowsOf(book.worksheets[0]!).length).toBe(6);
    expect(rowsOf(book.worksheets[1]!)[0]!.slice(5, 8)).toEqual(["Truthfulness (max 40)", "Journalistic craft (max 30, weight 2)", "Weighted total (max 100)"]);
    expect(rowsOf(book.worksheets[1]!)[1]![2]).toBe("Print");
    expect(rowsOf(book.worksheets[2]!).length).toBe(4);
    expect(rowsOf(book.worksheets[3]!).map((r) => r[1])).toEqual(["Prize", "Prize A", "Encouragement prize", "Prize B"]);
    for (const sheet of book.worksheets) expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const [last] = await database.db.select().from(auditLog).where(like(auditLog.action, "export.%")).orderBy(desc(auditLog.id)).limit(1);
    expect(last).toMatchObject({ actorId: secretariat.id, action: "export.all", entity: "contest", after: { kind: "all", format: "xlsx", roundId } });
    // The six downloads above, one row each; the 404 and the refusals recorded nothing.
    expect(before.length).toBe(6);
    // Refused requests leave no trace.
    const refused = await database.db.select().from(auditLog).where(and(like(auditLog.action, "export.%"), eq(auditLog.actorId, jurors[0]!.id)));
    expect(refused).toEqual([]);
  });
});

// The export writers on their own: CSV quoting and the formula guard, dates in Vietnamese wall
// time, XLSX cell types, and that neither writer runs ahead of a reader that does not read.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { dateText, text, wallClock, type Cell, type Table } from "@/lib/export/cells";
import { csvField, csvLine, writeCsv } from "@/lib/export/csv";
import { sheetName, writeXlsx } from "@/lib/export/xlsx";
import { authorList, rankingRow, type ExportLabels } from "@/lib/export/tables";

async function* generate(count: number, produced: { n: number }, row: (i: number) => Cell[]) {
  for (let i = 0; i < count; i++) {
    produced.n++;
    yield row(i);
  }
}

async function collect(stream: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("cells", () => {
  it("render dates in Asia/Ho_Chi_Minh, whatever the server's zone", () => {
    expect(dateText({ kind: "datetime", instant: new Date("2026-05-12T18:00:00Z") })).toBe("2026-05-13 01:00:00");
    expect(dateText({ kind: "date", date: "2026-02-28" })).toBe("2026-02-28");
    expect(wallClock({ kind: "datetime", instant: new Date("2026-12-31T17:30:00Z") }).toISOString()).toBe("2027-01-01T00:30:00.000Z");
  });

  it("NFC text without control characters", () => {
    const decomposed = "Nguye\u0302\u0303n Thi\u0323 A\u0301nh";
    expect(text(decomposed)).toBe("Nguyễn Thị Ánh");
    expect(text(decomposed)).not.toBe(decomposed);
    expect(text("a\u0000b\u0007c\td\ne")).toBe("abc\td\ne");
    expect(authorList([{ name: "Nguyễn Thị Ánh", penName: "Ánh Dương" }, { name: "Lê Văn Bình", penName: "" }])).toBe("Nguyễn Thị Ánh (Ánh Dương); Lê Văn Bình");
  });
});

describe("CSV", () => {
  it("quotes only what RFC 4180 needs, doubles quotes, keeps numbers and dates plain", () => {
    expect(csvField("Báo Thanh Niên")).toBe("Báo Thanh Niên");
    expect(csvField('Nói "không"')).toBe('"Nói ""không"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("hai\ndòng")).toBe('"hai\ndòng"');
    expect(csvField(80.5)).toBe("80.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(csvField({ kind: "date", date: "2026-03-15" })).toBe("2026-03-15");
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("disarms text a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvField(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField("=SUM(A1:A2)")).toBe("'=SUM(A1:A2)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("Điểm = 10")).toBe("Điểm = 10");
  });

  it("writes a BOM, the header and CRLF rows, and waits for a reader that does not read", async () => {
    const produced = { n: 0 };
    const rows = 20_000;
    const table: Table = { name: "t", columns: [{ header: "Mã", type: "text", width: 10 }, { header: "Điểm", type: "number", width: 10 }], rows: generate(rows, produced, (i) => [`BC-${i}`, i / 2]) };
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    const done = writeCsv(table, out).then(() => out.end());
    await tick();
    // Nobody reads yet: the writer has stopped far short of the end.
    expect(produced.n).toBeLessThan(rows / 4);
    const bytes = await collect(out);
    await done;
    expect(produced.n).toBe(rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Mã,Điểm");
    expect(lines[1]).toBe("BC-0,0");
    expect(lines[rows]).toBe(`BC-${rows - 1},${(rows - 1) / 2}`);
    expect(lines[rows + 1]).toBe("");
  });
});

describe("XLSX", () => {
  it("keeps sheet names within Excel's rules", () => {
    expect(sheetName("Điểm: vòng 1/2 [chung khảo]")).toBe("Điểm  vòng 1 2  chung khảo ");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
  });

  it("writes typed cells under a bold, frozen header and streams as it is read", async () => {
    const produced = { n: 0 };
    const rows = 12_000;
    const table: Table = {
      name: "Điểm",
      columns: [
        { header: "Mã", type: "text", width: 14 },
        { header: "Điểm", type: "decimal", width: 10 },
        { header: "Ngày đăng", type: "date", width: 12 },
        { header: "Nộp lúc", type: "datetime", width: 17 },
      ],
      rows: generate(rows, produced, (i) => [i === 0 ? "=1+1" : `Bài số ${i} – Người tốt`, i / 2, { kind: "date", date: "2026-03-15" }, i === 0 ? null : { kind: "datetime", instant: new Date("2026-05-12T18:00:00Z") }]),
    };
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    const done = writeXlsx([table], out);
    await tick();
    expect(produced.n).toBeLessThan(rows / 2);
    const bytes = await collect(out);
    await done;
    expect(produced.n).toBe(rows);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Điểm")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(sheet.getColumn(4).width).toBe(17);
    expect(sheet.rowCount).toBe(rows + 1);
    const first = sheet.getRow(2);
    // XLSX text is never a formula: no guard needed, the text stays as it was.
    expect(first.getCell(1).value).toBe("=1+1");
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(4).value).toBeNull();
    const second = sheet.getRow(3);
    expect(second.getCell(2).value).toBe(0.5);
    expect(second.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(second.getCell(2).numFmt).toBe("0.00");
    expect((second.getCell(3).value as Date).toISOString()).toBe("2026-03-15T00:00:00.000Z");
    expect(Math.abs((second.getCell(4).value as Date).getTime() - Date.UTC(2026, 4, 13, 1, 0))).toBeLessThan(1000);
    expect(sheet.getRow(rows + 1).getCell(1).value).toBe(`Bài số ${rows - 1} – Người tốt`);
  });
});

describe("a download cut short", () => {
  for (const format of ["xlsx", "csv"] as const) {
    it(`stops the ${format} writer and the rows behind it`, async () => {
      const produced = { n: 0 };
      let closed = false;
      async function* rows() {
        try {
          yield* generate(100_000, produced, (i) => [`Bài số ${i}`, i]);
        } finally {
          closed = true;
        }
      }
      const table: Table = { name: "t", columns: [{ header: "a", type: "text", width: 10 }, { header: "b", type: "number", width: 10 }], rows: rows() };
      const out = new PassThrough({ highWaterMark: 16 * 1024 });
      const done = format === "xlsx" ? writeXlsx([table], out) : writeCsv(table, out);
      out.once("data", () => out.destroy());
      out.resume();
      await expect(done).rejects.toThrow("export stream closed");
      // The row source was closed too (a database cursor would stop reading).
      expect(closed).toBe(true);
      expect(produced.n).toBeLessThan(100_000);
    });
  }
});

describe("ranking row", () => {
  const labels: ExportLabels = { t: (key) => key, category: (code) => code.toUpperCase(), localized: (v) => v.vi };
  it("spread from the jurors' totals, flags only when set, null rank left empty", () => {
    const base = { entryId: "x", category: "print", jurors: 3, mean: 70.16666, normalised: 51.239, criterionMeans: [], totals: [60, 70.5, 80], disagreements: 1, rank: 2, tied: false, code: "BC-1", title: "T" };
    expect(rankingRow(labels, base)).toEqual([2, "", "BC-1", "PRINT", "T", 70.17, 51.24, 3, "values.disagreement", 20]);
    expect(rankingRow(labels, { ...base, jurors: 0, mean: null, normalised: null, totals: [], disagreements: 0, rank: null, tied: false })).toEqual([null, "", "BC-1", "PRINT", "T", null, null, 0, "", null]);
  });
});

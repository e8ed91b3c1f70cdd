// XLSX through exceljs's streaming writer: each row is committed (serialised and let go) as soon
// as it is built, so a sheet of any length costs only the rows in flight. Bold, frozen header;
// typed cells (numbers as numbers, dates as dates with a Vietnamese dd/mm/yyyy format).
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { isDateCell, text, wallClock, type Cell, type Column, type Table } from "./cells";
import { drainOf, drained } from "./drain";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FORMATS: Partial<Record<Column["type"], string>> = {
  decimal: "0.00",
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
};

function value(cell: Cell): ExcelJS.CellValue {
  // An empty text is an empty cell, as a person typing the sheet would leave it.
  if (cell === null || cell === "") return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (isDateCell(cell)) return wallClock(cell);
  return cell;
}

// How much of a sheet's XML may wait for the zip before rows stop being produced.
const MAX_BACKLOG = 256 * 1024;

type Pipe = NodeJS.EventEmitter & { _writableState?: { length: number } };

/**
 * exceljs pushes each sheet's XML into a PassThrough that the zip reads from, ignoring that
 * stream's backpressure: with a slow reader, a whole sheet would pile up there. Waiting while it
 * holds more than MAX_BACKLOG keeps memory flat whatever the reader's speed.
 */
async function keepUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const pipe = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes?.[0];
  const backlog = pipe?._writableState?.length;
  if (pipe && backlog !== undefined) await drainOf(pipe, backlog <= MAX_BACKLOG, out);
  else await drained(out);
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return text(name).replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet";
}

/** Writes the tables as the sheets of one workbook to `out`, and resolves once it is complete. */
export async function writeXlsx(tables: readonly Table[], out: Writable): Promise<void> {
  // Shared strings would keep every distinct text in memory until the end: inline strings instead.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // Fixed so the same data gives the same file (the zip still stamps its own times).
  workbook.creator = "Lan Tỏa";
  workbook.created = workbook.modified = new Date(0);
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({ key: String(i), width: c.width }));
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    // One style object per column, shared by its cells: exceljs caches a style's id by object
    // identity, so this saves it working the id out again for every cell (a third of the time).
    const styles = table.columns.map((c) => (FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {}));
    let count = 0;
    for await (const cells of table.rows) {
      const row = sheet.addRow(cells.map(value));
      for (let i = 0; i < styles.length; i++) if (cells[i] !== null) row.getCell(i + 1).style = styles[i]!;
      row.commit();
      if (++count % 200 === 0) await keepUp(sheet, out);
    }
    // Committing a sheet before the next is added lets the zip stream each one in turn.
    sheet.commit();
  }
  // exceljs waits for "finish", which a download cut short never emits.
  await Promise.race([workbook.commit(), ended(out)]);
}

function ended(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once("finish", () => resolve());
    out.once("close", () => (out.writableFinished ? resolve() : reject(new Error("export stream closed"))));
  });
}

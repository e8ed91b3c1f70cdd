// CSV (RFC 4180) for one table: UTF-8 with a byte-order mark so Excel reads Vietnamese, CRLF line
// ends, fields quoted only when they must be, and text that a spreadsheet would run as a formula
// disarmed with a leading apostrophe.
import type { Writable } from "node:stream";
import { dateText, isDateCell, type Cell, type Table } from "./cells";
import { drained } from "./drain";

export const CSV_BOM = "\uFEFF";

// OWASP's list: = + - @ start a formula, and a leading tab or carriage return can hide one.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: Cell, guardFormula = true): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (isDateCell(cell)) return dateText(cell);
  const value = guardFormula && FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly Cell[], guardFormula = true): string {
  return `${cells.map((c) => csvField(c, guardFormula)).join(",")}\r\n`;
}

/** Writes the table to `out`, a few hundred rows per write, waiting whenever `out` is full. */
export async function writeCsv(table: Table, out: Writable): Promise<void> {
  const write = async (chunk: string) => {
    await drained(out);
    out.write(chunk);
  };
  // Headers are ours, never user text, but a header like "-" would still be guarded: skip it.
  await write(CSV_BOM + csvLine(table.columns.map((c) => c.header), false));
  let buffer = "";
  let count = 0;
  for await (const row of table.rows) {
    buffer += csvLine(row);
    if (++count % 500 === 0) {
      await write(buffer);
      buffer = "";
    }
  }
  if (buffer) await write(buffer);
}

// Typed cells shared by the XLSX and CSV writers: numbers stay numbers, dates stay dates (shown
// as Asia/Ho_Chi_Minh wall-clock time, since spreadsheets have no time zones), text is NFC.

/** A calendar date ("YYYY-MM-DD") or an instant; both are written as real spreadsheet dates. */
export type DateCell = { kind: "date"; date: string } | { kind: "datetime"; instant: Date };
export type Cell = string | number | DateCell | null;

export type ColumnType = "text" | "number" | "decimal" | "date" | "datetime";
export type Column = { header: string; type: ColumnType; /** Characters, as spreadsheets count widths. */ width: number };

/** One sheet of an export: its header and its rows, produced as they are read. */
export type Table = { name: string; columns: Column[]; rows: AsyncIterable<Cell[]> };

// Vietnam has kept UTC+7 without daylight saving since 1975 (as lib/contest/rules.ts assumes).
const VIETNAM_OFFSET_MS = 7 * 3600_000;

// C0 controls other than tab and newline are not allowed in XLSX's XML and mean nothing in a CSV.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function text(value: string | null | undefined): string {
  return (value ?? "").normalize("NFC").replace(CONTROLS, "");
}

export function dateCell(date: string | null | undefined): DateCell | null {
  return date ? { kind: "date", date } : null;
}

export function dateTimeCell(instant: Date | null | undefined): DateCell | null {
  return instant ? { kind: "datetime", instant } : null;
}

/** Rounds for display without turning the number into text. */
export function round(value: number | null, digits = 2): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The date as a Date whose UTC fields are the Vietnamese wall clock: what a spreadsheet cell
 * holds (exceljs writes a Date's UTC fields).
 */
export function wallClock(cell: DateCell): Date {
  if (cell.kind === "date") {
    const [y, m, d] = cell.date.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return new Date(cell.instant.getTime() + VIETNAM_OFFSET_MS);
}

/** ISO-style text ("2026-03-15", "2026-03-15 14:30:05"), which spreadsheets read as dates. */
export function dateText(cell: DateCell): string {
  const iso = wallClock(cell).toISOString();
  return cell.kind === "date" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === "object" && cell !== null;
}

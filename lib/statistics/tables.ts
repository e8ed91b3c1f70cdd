// One statistics table as the page shows it (a chart, its data table) and as its CSV file
// carries it. The showcase's tables (showcase.ts) and the contest's (contest.ts) are both made
// into this shape, so the chart, the table and the download can never disagree.
import { CSV_BOM, csvLine } from "@/lib/export/csv";

/** A bar chart over a table: one bar per series and row. */
export type ChartSpec = {
  /** One name per series (a legend is drawn when there is more than one, or a target). */
  series: string[];
  rows: { label: string; values: (number | null)[]; target?: number }[];
  /** Values are shares from 0 to 1, drawn against 100% and written as percentages. */
  percent?: boolean;
};

export type StatTable = {
  /** The CSV file's name without ".csv"; also the section's anchor. */
  slug: string;
  title: string;
  /** What the numbers count, in a sentence. */
  note?: string;
  columns: string[];
  /** Cells in column order; numbers stay numbers so the CSV can be summed. */
  rows: (string | number | null)[][];
  /** Columns whose numbers are percentages (0–100, one decimal). */
  percentColumns?: number[];
  chart: ChartSpec;
  /** Said under the chart about rows it leaves out (units with no model yet). */
  chartNote?: string;
};

/** The table as a CSV file: UTF-8 with a byte-order mark (Excel reads Vietnamese), CRLF line ends. */
export function tableCsv(table: StatTable): string {
  return CSV_BOM + csvLine(table.columns, false) + table.rows.map((row) => csvLine(row)).join("");
}

// The export route's query: which export (the path), in which format, of which round (the query string).
import { z } from "zod";

export const EXPORT_KINDS = ["entries", "scores", "ranking", "prizes", "all"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const blankAsAbsent = (v: unknown) => (v === "" ? undefined : v);

/** The query string (the guard's `query` option): any other parameter is refused. */
export const exportQuery = z
  .object({
    format: z.preprocess(blankAsAbsent, z.enum(EXPORT_FORMATS).default("xlsx")),
    round: z.preprocess(blankAsAbsent, z.uuid().optional()),
  })
  .strict();

/** The kind in the path, with the format asked for: a CSV file holds one table, so the four-sheet workbook is XLSX only. */
export const exportChoice = z
  .object({ kind: z.enum(EXPORT_KINDS), format: z.enum(EXPORT_FORMATS) })
  .refine((q) => q.kind !== "all" || q.format === "xlsx", { path: ["format"], params: { key: "exportAllXlsxOnly" } });

export type ExportQuery = z.infer<typeof exportQuery> & { kind: ExportKind };

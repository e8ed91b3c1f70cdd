// The export route's query: which export, in which format, of which round.
import { z } from "zod";

export const EXPORT_KINDS = ["entries", "scores", "ranking", "prizes", "all"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const blankAsAbsent = (v: unknown) => (v === "" ? undefined : v);

export const exportQuery = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    format: z.preprocess(blankAsAbsent, z.enum(EXPORT_FORMATS).default("xlsx")),
    round: z.preprocess(blankAsAbsent, z.uuid().optional()),
  })
  .strict()
  // A CSV file holds one table; the four-sheet workbook exists only as XLSX.
  .refine((q) => q.kind !== "all" || q.format === "xlsx", { path: ["format"], params: { key: "exportAllXlsxOnly" } });
export type ExportQuery = z.infer<typeof exportQuery>;

import "server-only";
import { PassThrough, Readable, type Writable } from "node:stream";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { getContest, getCurrentContest, type ContestWithCategories } from "@/lib/db/queries/contests";
import { exportEntries, exportPrizes, exportRanking, exportScores, latestRound } from "@/lib/db/queries/exports";
import { getRound } from "@/lib/db/queries/rounds";
import type { Round } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { DOWNLOAD_HEADERS } from "@/lib/http/response";
import { componentLogger } from "@/lib/log";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import type { Table } from "./cells";
import { writeCsv } from "./csv";
import type { ExportQuery } from "./query";
import { entriesTable, prizesTable, rankingTable, scoresTable, type ExportLabels } from "./tables";
import { writeXlsx, XLSX_TYPE } from "./xlsx";

export type ExportJob = {
  contest: ContestWithCategories;
  round: Round | null;
  /** "lantoa-2026-điểm-vòng-1.xlsx", and its ASCII form for old clients. */
  fileName: { utf8: string; ascii: string };
  contentType: string;
  /** Writes the whole file to `out` and ends it; reads the database page by page as it goes. */
  write: (out: Writable) => Promise<void>;
};

// Statuses, eligibility, sheets and prizes are the screens' words (Admin.Status), never a copy:
// a spreadsheet and a page must call the same thing by the same name.
const SHARED: Record<string, string> = { status: "entry", eligibility: "eligibility", sheet: "sheet", tier: "tier" };

/** AdminExport's messages, with the vocabulary read from Admin.Status. */
export function exportTranslator(locale: Locale): ExportLabels["t"] {
  const own = translator(locale, "AdminExport");
  const status = translator(locale, "Admin.Status");
  return (key, params) => {
    const [head, ...rest] = key.split(".");
    const shared = head ? SHARED[head] : undefined;
    return shared && rest.length ? status([shared, ...rest].join("."), params) : own(key, params);
  };
}

export function exportLabels(locale: Locale, contest: ContestWithCategories): ExportLabels {
  const names = new Map(contest.categories.map((c) => [c.code, c.name[locale]]));
  return {
    t: exportTranslator(locale),
    category: (code) => names.get(code) ?? code,
    localized: (value) => value[locale],
  };
}

// File names stay Vietnamese in either language: they are what the secretariat files away.
function fileName(contest: ContestWithCategories, round: Round | null, query: ExportQuery) {
  const vong = `vòng-${round?.position ?? 0}`;
  const what = { entries: "tác-phẩm", scores: `điểm-${vong}`, ranking: `xếp-hạng-${vong}`, prizes: "giải-thưởng", all: `tổng-hợp-${vong}` }[query.kind];
  const utf8 = `lantoa-${contest.year}-${what}.${query.format}`.normalize("NFC");
  const ascii = utf8
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]/g, "_");
  return { utf8, ascii };
}

/**
 * Resolves what an export covers (the round's contest when a round is named, otherwise the
 * current contest and, for scores and rankings, its latest round), records who asked for it, and
 * returns the job that writes the file. Nothing is read for the file itself until it is written.
 */
export async function prepareExport(db: Db, actorId: string, query: ExportQuery, locale: Locale): Promise<ExportJob> {
  const named = query.round ? await getRound(db, query.round) : null;
  const contest = named ? await getContest(db, named.contestId) : await getCurrentContest(db);
  const needsRound = query.kind === "scores" || query.kind === "ranking" || query.kind === "all";
  const round = named ?? (needsRound ? await latestRound(db, contest.id) : null);
  if (needsRound && !round) throw new AppError(404, "noRound");

  // Exports carry personal data (names, e-mail-linked authors, jurors' scores): keep a record.
  await recordAudit(db, { actorId, action: `export.${query.kind}`, entity: "contest", entityId: contest.id, after: { kind: query.kind, format: query.format, roundId: round?.id ?? null } });

  const labels = exportLabels(locale, contest);
  const order = contest.categories.map((c) => c.code);
  const tables = (): Table[] => {
    const scores = () => scoresTable(labels, { name: labels.localized(round!.name), rubric: round!.rubric }, exportScores(db, round!.id));
    const ranking = () => rankingTable(labels, exportRanking(db, round!, order));
    const entries = () => entriesTable(labels, exportEntries(db, contest.id));
    const prizes = () => prizesTable(labels, exportPrizes(db, contest.id));
    switch (query.kind) {
      case "entries":
        return [entries()];
      case "scores":
        return [scores()];
      case "ranking":
        return [ranking()];
      case "prizes":
        return [prizes()];
      case "all":
        return [entries(), scores(), ranking(), prizes()];
    }
  };
  return {
    contest,
    round,
    fileName: fileName(contest, round, query),
    contentType: query.format === "xlsx" ? XLSX_TYPE : "text/csv; charset=utf-8",
    write: async (out) => {
      const list = tables();
      if (query.format === "xlsx") await writeXlsx(list, out);
      else {
        await writeCsv(list[0]!, out);
        out.end();
      }
    },
  };
}

/** `attachment` with an ASCII name and the UTF-8 one (RFC 6266). */
export function exportDisposition({ utf8, ascii }: ExportJob["fileName"]): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The job as a streamed download: bytes go out as rows are read, never cached. */
export function exportResponse(job: ExportJob): Response {
  const out = new PassThrough();
  job.write(out).catch((error: unknown) => {
    // Headers are gone by now: all that is left is to cut the download short so it is not
    // mistaken for a complete file.
    if (!out.destroyed) componentLogger("export").error({ err: error }, "failed while streaming");
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": job.contentType,
      "Content-Disposition": exportDisposition(job.fileName),
      "Cache-Control": "private, no-store",
      ...DOWNLOAD_HEADERS,
    },
  });
}

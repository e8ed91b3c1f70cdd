// GET /api/statistics/contest?year={year}&locale={vi|en} – one published year's entries and prizes by category, as a CSV download
import { z } from "zod";
import { guard } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { DOWNLOAD_HEADERS } from "@/lib/http/response";
import { locales } from "@/lib/i18n/config";
import { publishedContestFigures } from "@/lib/db/queries/statistics";
import { contestYearTable } from "@/lib/statistics/contest";
import { tableCsv } from "@/lib/statistics/tables";

export const dynamic = "force-dynamic";

const query = z.object({ year: z.coerce.number().int().min(2000).max(2100), locale: z.enum(locales).default("vi") });

export const GET = guard({ access: "anyone", query }, async ({ db, query }) => {
  // Only a year whose results are published has public figures; any other is not found.
  const figures = (await publishedContestFigures(db)).find((f) => f.year === query.year);
  if (!figures) throw new AppError(404, "notFound");
  const table = contestYearTable(figures, query.locale);
  return new Response(tableCsv(table), {
    headers: {
      ...DOWNLOAD_HEADERS,
      "Cache-Control": "no-store",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lan-toa-cuoc-thi-${figures.year}${query.locale === "en" ? "-en" : ""}.csv"`,
    },
  });
});

// GET /thong-ke/csv/{table}.csv (vi), /en/statistics/csv/{table}.csv – one table of the statistics page as CSV, built at build time
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { notFound } from "@/lib/errors";
import { publicGuard } from "@/lib/http/route";
import { SHOWCASE_TABLES, showcaseTables } from "@/lib/statistics/showcase";
import { tableCsv } from "@/lib/statistics/tables";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = () => locales.flatMap((locale) => SHOWCASE_TABLES.map((slug) => ({ locale, table: `${slug}.csv` })));

// Public mode: a publication has it rendered again at request time.
export const GET = publicGuard({ params: z.object({ locale: z.enum(locales), table: z.string() }) }, async ({ params: { locale, table } }) => {
  const found = showcaseTables(locale).find((t) => `${t.slug}.csv` === table);
  if (!found) throw notFound();
  return new Response(tableCsv(found), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lan-toa-${found.slug}${locale === "en" ? "-en" : ""}.csv"`,
    },
  });
});

// GET /thong-ke/csv/{table}.csv (vi), /en/statistics/csv/{table}.csv – one table of the statistics page as CSV, built at build time
import { notFound } from "next/navigation";
import { isLocale, locales } from "@/lib/i18n/config";
import { SHOWCASE_TABLES, showcaseTables } from "@/lib/statistics/showcase";
import { tableCsv } from "@/lib/statistics/tables";

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = () => locales.flatMap((locale) => SHOWCASE_TABLES.map((slug) => ({ locale, table: `${slug}.csv` })));

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; table: string }> }) {
  const { locale, table } = await params;
  if (!isLocale(locale)) notFound();
  const found = showcaseTables(locale).find((t) => `${t.slug}.csv` === table);
  if (!found) notFound();
  return new Response(tableCsv(found), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lan-toa-${found.slug}${locale === "en" ? "-en" : ""}.csv"`,
    },
  });
}

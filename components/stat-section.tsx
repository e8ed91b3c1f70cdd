import type { StatTable } from "@/lib/statistics/tables";
import { BarChart } from "./bar-chart";

type Props = {
  table: StatTable;
  /** Where the table's CSV file is downloaded from. */
  csvHref: string;
  /** The locale's number formats: counts, and shares (0–1) as percentages. */
  formatCount: (value: number) => string;
  formatShare: (value: number) => string;
  labels: { table: string; csv: string; noData: string; targetLegend: string };
  /** Heading level of the table's title: 2 on its own page, 3 under a year. */
  level?: 2 | 3;
};

/**
 * One table of figures: its title, a bar chart drawn on the server, the numbers in a table that
 * opens without script (<details>), and its CSV download.
 */
export function StatSection({ table, csvHref, formatCount, formatShare, labels, level = 2 }: Props) {
  const Heading = level === 2 ? "h2" : "h3";
  const percentColumns = new Set(table.percentColumns ?? []);
  const cell = (value: string | number | null, column: number) =>
    value === null ? labels.noData : typeof value === "number" ? (percentColumns.has(column) ? formatShare(value / 100) : formatCount(value)) : value;
  return (
    <section id={table.slug} aria-labelledby={`${table.slug}-title`} data-testid="stat-section" className="min-w-0 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <Heading id={`${table.slug}-title`} className="text-xl font-bold">
        {table.title}
      </Heading>
      {table.note && <p className="mt-1 text-sm text-stone-600">{table.note}</p>}
      <figure className="mt-4">
        <BarChart spec={table.chart} title={table.title} format={table.chart.percent ? formatShare : formatCount} noData={labels.noData} targetLabel={labels.targetLegend} />
        {table.chartNote && <figcaption className="mt-2 text-sm text-stone-600">{table.chartNote}</figcaption>}
      </figure>
      <details className="mt-4">
        <summary className="cursor-pointer font-semibold text-brand-700">{labels.table}</summary>
        <div className="mt-2 relative overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="stat-table">
            <caption className="sr-only">{table.title}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                {table.columns.map((column, i) => (
                  <th key={column} scope="col" className={`whitespace-nowrap px-2 py-1 font-semibold ${i > 0 ? "text-right" : ""}`}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} className="border-b border-stone-100">
                  {row.map((value, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="whitespace-nowrap px-2 py-1 font-normal">
                        {cell(value, i)}
                      </th>
                    ) : (
                      <td key={i} className="px-2 py-1 text-right tabular-nums" data-value={value ?? ""}>
                        {cell(value, i)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p className="mt-3">
        <a href={csvHref} download={`lan-toa-${table.slug}.csv`} className="inline-block rounded-md border border-stone-300 px-3 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-100">
          {labels.csv}
        </a>
      </p>
    </section>
  );
}

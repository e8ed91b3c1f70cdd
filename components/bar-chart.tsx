import type { ChartSpec } from "@/lib/statistics/tables";

// A horizontal bar chart drawn on the server as SVG: no script, nothing to hydrate. The drawing
// is 330 units wide, about the width of a card on a phone, and is shown no wider than 24rem, so
// its 13-unit text stays between 13 and 15 pixels on every screen. Long labels wrap.
const WIDTH = 330;
const LABEL_RIGHT = 128;
const BAR_LEFT = 134;
const BAR_RIGHT = 284;
const FONT = 13;
const LINE = 16;
const BAR = 11;
const BAR_GAP = 3;
const ROW_GAP = 10;
const LABEL_CHARS = 18;
// Series colours with at least 4.5:1 contrast on white: the brand red, then teal.
const COLOURS = ["#b4231b", "#0f766e", "#57534e"];

/**
 * Splits a label too long for one line into two at the space that balances them best, preferring
 * a break after a comma ("Giao thông, / hạ tầng"); a half still too long is split again.
 */
export function wrapLabel(label: string, width = LABEL_CHARS): string[] {
  if (label.length <= width) return [label];
  const words = label.split(/\s+/);
  if (words.length < 2) return [label];
  let best: { lines: [string, string]; cost: number } | null = null;
  for (let i = 1; i < words.length; i++) {
    const lines: [string, string] = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const cost = Math.max(lines[0].length, lines[1].length) - (lines[0].endsWith(",") ? 4 : 0);
    if (!best || cost < best.cost) best = { lines, cost };
  }
  return best!.lines.flatMap((line) => wrapLabel(line, width));
}

/** Each row's label lines and vertical place: as tall as its label or its bars, whichever is taller. */
function layoutRows(spec: ChartSpec) {
  const barsHeight = spec.series.length * BAR + (spec.series.length - 1) * BAR_GAP;
  const rows = [];
  let y = 0;
  for (const row of spec.rows) {
    const lines = wrapLabel(row.label);
    const height = Math.max(lines.length * LINE, barsHeight);
    rows.push({ row, lines, top: y, height, barsTop: y + (height - barsHeight) / 2 });
    y += height + ROW_GAP;
  }
  return { rows, height: Math.max(y - ROW_GAP, LINE) };
}

type Props = {
  spec: ChartSpec;
  /** The chart's accessible name; the data table under it carries the figures. */
  title: string;
  /** Numbers as the page's locale writes them (a value, or a share when spec.percent). */
  format: (value: number) => string;
  /** Written where a value is missing (no model at that tier yet). */
  noData: string;
  /** Legend text for a target marker, given its value ("Mục tiêu 35%"). */
  targetLabel?: string;
};

export function BarChart({ spec, title, format, noData, targetLabel }: Props) {
  const max = spec.percent ? 1 : Math.max(1, ...spec.rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const scale = (value: number) => ((BAR_RIGHT - BAR_LEFT) * value) / max;
  const seriesCount = spec.series.length;
  const { rows, height } = layoutRows(spec);
  const hasTarget = spec.rows.some((r) => r.target !== undefined);
  return (
    <div className="max-w-sm">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} className="block h-auto overflow-visible" fontSize={FONT}>
        {rows.map(({ row, lines, top, height: rowHeight, barsTop }) => (
          <g key={row.label} data-label={row.label}>
            <text x={LABEL_RIGHT} y={top + (rowHeight - lines.length * LINE) / 2 + FONT - 1} textAnchor="end" fill="#292524">
              {lines.map((line, i) => (
                <tspan key={i} x={LABEL_RIGHT} dy={i === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
            {row.values.map((value, i) => {
              const barY = barsTop + i * (BAR + BAR_GAP);
              const width = value === null ? 0 : scale(value);
              return (
                <g key={i}>
                  {width > 0 && <rect x={BAR_LEFT} y={barY} width={width} height={BAR} rx={2} fill={COLOURS[i % COLOURS.length]} />}
                  <text x={BAR_LEFT + width + 4} y={barY + BAR - 1} fontSize={FONT - 1} fill="#292524" data-value={value ?? ""}>
                    {value === null ? noData : format(value)}
                  </text>
                </g>
              );
            })}
            {row.target !== undefined && (
              <line x1={BAR_LEFT + scale(row.target)} x2={BAR_LEFT + scale(row.target)} y1={top - 3} y2={top + rowHeight + 3} stroke="#1c1917" strokeWidth={2} strokeDasharray="4 3" />
            )}
          </g>
        ))}
        <line x1={BAR_LEFT} x2={BAR_LEFT} y1={0} y2={height} stroke="#a8a29e" strokeWidth={1} />
      </svg>
      {(seriesCount > 1 || hasTarget) && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
          {spec.series.map((name, i) => (
            <li key={name} className="flex items-center gap-1.5">
              <svg width="14" height="10" aria-hidden="true">
                <rect width="14" height="10" rx="2" fill={COLOURS[i % COLOURS.length]} />
              </svg>
              {name}
            </li>
          ))}
          {hasTarget && targetLabel && (
            <li className="flex items-center gap-1.5">
              <svg width="14" height="12" aria-hidden="true">
                <line x1="7" x2="7" y1="0" y2="12" stroke="#1c1917" strokeWidth="2" strokeDasharray="4 3" />
              </svg>
              {targetLabel}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

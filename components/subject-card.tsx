import Link from "next/link";

export type SubjectRow = { label: string; value: string; href?: string };

export function SubjectCard({ title, name, rows }: { title: string; name: string; rows: SubjectRow[] }) {
  return (
    <aside aria-labelledby="subject-title" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm print:shadow-none">
      <h2 id="subject-title" className="text-sm font-semibold uppercase tracking-wide text-stone-600">{title}</h2>
      <p className="mt-1 text-xl font-bold">{name}</p>
      <dl className="mt-4 space-y-3 text-sm">
        {rows.map((row) => (
          <div key={row.label}>
            <dt className="font-semibold text-stone-600">{row.label}</dt>
            <dd>{row.href ? <Link className="underline" href={row.href}>{row.value}</Link> : row.value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

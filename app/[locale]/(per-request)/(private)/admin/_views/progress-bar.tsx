/** A labelled progress bar (submitted sheets of those assigned); the numbers are also in the text beside it. */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={Math.max(max, 1)} aria-valuenow={value} aria-valuetext={`${value} / ${max}`} className="mt-2 h-2 w-full overflow-hidden rounded bg-stone-200">
      <div className="h-full bg-green-700" style={{ width: `${percent}%` }} />
    </div>
  );
}

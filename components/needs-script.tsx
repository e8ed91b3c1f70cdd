/**
 * Why a form's buttons stay greyed when scripting is off: shown by the browser only then (a
 * <noscript>), so readers with JavaScript never see it. Server and client components alike.
 */
export function NeedsScript({ text }: { text: string }) {
  return (
    <noscript>
      <p className="my-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="needs-script">
        {text}
      </p>
    </noscript>
  );
}

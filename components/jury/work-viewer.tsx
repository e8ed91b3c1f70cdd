import type { JurorAttachment } from "@/lib/contest/jury";
import { WorkFrame, WorkPhoto } from "./after-sheet";

export type WorkViewerLabels = {
  /** "Tệp 1 (PDF, 2,1 MB)" for each file, in order. */
  files: string[];
  open: string;
  pdfFrame: string;
  photo: string;
  audio: string;
  video: string;
  mediaUnsupported: string;
};

/**
 * The work itself, read inside the jury room: each cleaned file in the browser's own viewer.
 * Files come from the juror's attachment route (same origin, checked against the assignment),
 * which answers with `Content-Security-Policy: sandbox`: a PDF opens in Chromium's PDF viewer as
 * a sandboxed document that can run no script of its own. The frame itself takes no `sandbox`
 * attribute, since Chromium then refuses to show a PDF at all. Phones without a built-in PDF
 * viewer get the link under the frame.
 */
export function WorkViewer({ files, labels }: { files: readonly JurorAttachment[]; labels: WorkViewerLabels }) {
  const photos = files.filter((f) => f.contentType.startsWith("image/"));
  return (
    <div className="space-y-6">
      {files.map((file, i) => {
        const label = labels.files[i] ?? "";
        if (file.contentType === "application/pdf") {
          return (
            <figure key={file.id} data-testid="work-pdf" className="space-y-2">
              <WorkFrame src={file.url} title={`${labels.pdfFrame} — ${label}`} className="h-[70vh] min-h-[24rem] w-full rounded-md border border-stone-300 bg-stone-100 lg:h-[80vh]" />
              <figcaption className="flex flex-wrap justify-between gap-2 text-sm text-stone-700">
                <span>{label}</span>
                <a href={file.url} target="_blank" rel="noopener" className="font-semibold text-brand-700 underline">
                  {labels.open}
                </a>
              </figcaption>
            </figure>
          );
        }
        if (file.contentType.startsWith("image/")) {
          const n = photos.indexOf(file) + 1;
          return (
            <figure key={file.id} data-testid="work-photo" className="space-y-2">
              <WorkPhoto src={file.url} alt={`${labels.photo} ${n}`} loading={n > 1 ? "lazy" : "eager"} decoding="async" className="mx-auto max-h-[80vh] w-auto max-w-full rounded-md border border-stone-200 bg-stone-100" />
              <figcaption className="flex flex-wrap justify-between gap-2 text-sm text-stone-700">
                <span>{label}</span>
                <a href={file.url} target="_blank" rel="noopener" className="font-semibold text-brand-700 underline">
                  {labels.open}
                </a>
              </figcaption>
            </figure>
          );
        }
        const video = file.contentType.startsWith("video/");
        return (
          <figure key={file.id} data-testid={video ? "work-video" : "work-audio"} className="space-y-2">
            {video ? (
              <video controls preload="metadata" src={file.url} aria-label={`${labels.video} — ${label}`} className="w-full rounded-md bg-black">
                {labels.mediaUnsupported}
              </video>
            ) : (
              <audio controls preload="metadata" src={file.url} aria-label={`${labels.audio} — ${label}`} className="w-full">
                {labels.mediaUnsupported}
              </audio>
            )}
            <figcaption className="flex flex-wrap justify-between gap-2 text-sm text-stone-700">
              <span>{label}</span>
              <a href={file.url} target="_blank" rel="noopener" className="font-semibold text-brand-700 underline">
                {labels.open}
              </a>
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}

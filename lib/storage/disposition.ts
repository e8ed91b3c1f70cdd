import { typeExtension } from "@/lib/contest/rules";
import { DOWNLOAD_HEADERS } from "@/lib/http/response";
import { cancelledOnAbort } from "./file-stream";

/**
 * `attachment` (or `inline`: a browser's PDF viewer shows the name as the document's title) with an ASCII fallback and the UTF-8 name (RFC 6266). The extension always comes
 * from the detected type, so a file named "x.html" that is really a PDF downloads as a PDF.
 */
export function contentDisposition(fileName: string, contentType: string, kind: "attachment" | "inline" = "attachment"): string {
  const base = fileName.replace(/\.[^.]{1,10}$/, "") || "file";
  const name = `${base}.${typeExtension(contentType)}`;
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._ -]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * A stored file as an HTTP response: its detected type, never sniffed, never run as a page
 * (sandboxed even when opened inline), never cached by shared caches. `frameable`: the site's own
 * pages may show it in a frame (the jury room's PDF viewer); every other site still may not.
 * `signal`: the request's, so the file is closed when the client goes away.
 */
export function storedFileResponse(
  file: { size: number; stream: ReadableStream<Uint8Array> },
  { contentType, disposition, sha256, frameable = false, signal }: { contentType: string; disposition: string; sha256: string; frameable?: boolean; signal: AbortSignal },
): Response {
  return new Response(cancelledOnAbort(file.stream, signal), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": disposition,
      ...DOWNLOAD_HEADERS,
      ...(frameable ? { "Content-Security-Policy": `${DOWNLOAD_HEADERS["Content-Security-Policy"]}; frame-ancestors 'self'`, "X-Frame-Options": "SAMEORIGIN" } : {}),
      "Cache-Control": "private, no-store",
      ETag: `"${sha256}"`,
    },
  });
}

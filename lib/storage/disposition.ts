import { typeExtension } from "@/lib/contest/rules";

/**
 * `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). The extension always comes
 * from the detected type, so a file named "x.html" that is really a PDF downloads as a PDF.
 */
export function contentDisposition(fileName: string, contentType: string): string {
  const base = fileName.replace(/\.[^.]{1,10}$/, "") || "file";
  const name = `${base}.${typeExtension(contentType)}`;
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._ -]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * What a cleaner gives back: the bytes jurors receive and the neutral keys of what was taken out
 * ("pdf.author", "image.exif", …; translated on display under Admin.Files.removed), plus the
 * text still readable in the cleaned file, for the byline check.
 */
export type CleanResult = { bytes: Buffer; removed: string[]; text: string[] };

/** The file is not what its type says (or is damaged, or encrypted): refused at upload with 422. */
export class UnreadableFileError extends Error {
  constructor(readonly detail: string) {
    super(`unreadable file: ${detail}`);
    this.name = "UnreadableFileError";
  }
}

/** Every key a cleaner may report; each has a label under Admin.Files.what in both languages. */
export const REMOVED_KEYS = [
  "pdf.author", "pdf.creator", "pdf.producer", "pdf.title", "pdf.subject", "pdf.keywords", "pdf.custom", "pdf.xmp", "pdf.pieceInfo",
  "image.exif", "image.iptc", "image.xmp", "image.text",
  "audio.id3v2", "audio.id3v1", "audio.ape",
  "video.udta", "video.meta", "video.uuid",
] as const;

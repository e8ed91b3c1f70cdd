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

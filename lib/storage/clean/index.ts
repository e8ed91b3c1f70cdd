import { cleanImage } from "./image";
import { cleanMp3 } from "./mp3";
import { cleanMp4 } from "./mp4";
import { cleanPdf } from "./pdf";
import { UnreadableFileError, type CleanResult } from "./types";

export { findBylines, foldText } from "./byline";
export { REMOVED_KEYS, UnreadableFileError, type CleanResult } from "./types";

/** The copy of a file jurors may see: its metadata removed, by the type detected at upload. */
export async function cleanFile(bytes: Buffer, contentType: string): Promise<CleanResult> {
  switch (contentType) {
    case "application/pdf":
      return cleanPdf(bytes);
    case "image/jpeg":
    case "image/png":
    case "image/webp":
      return cleanImage(bytes, contentType);
    case "audio/mpeg":
      return cleanMp3(bytes);
    case "audio/mp4":
    case "video/mp4":
      return cleanMp4(bytes);
    default:
      // A type the contest accepts must have a cleaner: never pass a file through unchanged.
      throw new UnreadableFileError(`no cleaner for ${contentType}`);
  }
}

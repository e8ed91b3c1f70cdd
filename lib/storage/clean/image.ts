import sharp, { type Metadata } from "sharp";
import { UnreadableFileError, type CleanResult } from "./types";

/**
 * JPEG, PNG, WebP: decoded and encoded again by sharp, which writes no metadata unless asked: EXIF
 * (Artist, Copyright, camera serial, GPS), IPTC, XMP and PNG text chunks are gone. The EXIF
 * orientation is applied to the pixels first so the photo still stands the right way up; the ICC
 * colour profile is kept (colours, not people).
 */
export async function cleanImage(input: Buffer, contentType: string): Promise<CleanResult> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { failOn: "error" }).metadata();
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : "not an image");
  }
  const removed: string[] = [];
  if (meta.exif) removed.push("image.exif");
  if (meta.iptc) removed.push("image.iptc");
  if (meta.xmp) removed.push("image.xmp");
  if (meta.comments?.length) removed.push("image.text");
  const animated = (meta.pages ?? 1) > 1;
  let image = sharp(input, { failOn: "error", animated }).autoOrient().keepIccProfile();
  if (contentType === "image/jpeg") image = image.jpeg({ quality: 95, chromaSubsampling: "4:4:4" });
  else if (contentType === "image/png") image = image.png();
  else if (contentType === "image/webp") image = image.webp({ quality: 95 });
  else throw new UnreadableFileError(`not an image type: ${contentType}`);
  try {
    return { bytes: await image.toBuffer(), removed, text: [] };
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : "image could not be encoded");
  }
}

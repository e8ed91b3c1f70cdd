import { UnreadableFileError, type CleanResult } from "./types";

const syncsafe = (b: Buffer, at: number) => ((b[at]! & 0x7f) << 21) | ((b[at + 1]! & 0x7f) << 14) | ((b[at + 2]! & 0x7f) << 7) | (b[at + 3]! & 0x7f);
const isFrameSync = (b: Buffer, at: number) => b[at] === 0xff && (b[at + 1]! & 0xe0) === 0xe0;
// Some encoders pad between the tag and the first frame; further than this it is not an MP3.
const MAX_LEAD = 64 * 1024;

/**
 * MP3: cuts the ID3v2 tags at the start (titles, artist, comments, pictures), and the APEv2 and
 * ID3v1/ID3v1.1 ("TAG", with the extended "TAG+") tags at the end. The audio frames are kept as
 * they are, byte for byte.
 */
export function cleanMp3(input: Buffer): CleanResult {
  const removed = new Set<string>();
  let start = 0;
  // Several ID3v2 tags may follow one another.
  while (input.length - start >= 10 && input.toString("latin1", start, start + 3) === "ID3") {
    const flags = input[start + 5]!;
    const size = 10 + syncsafe(input, start + 6) + (flags & 0x10 ? 10 : 0);
    if (start + size > input.length) throw new UnreadableFileError("ID3v2 tag runs past the end");
    start += size;
    removed.add("audio.id3v2");
  }
  let end = input.length;
  for (let changed = true; changed; ) {
    changed = false;
    if (end - start >= 128 && input.toString("latin1", end - 128, end - 125) === "TAG") {
      end -= 128;
      removed.add("audio.id3v1");
      changed = true;
      if (end - start >= 227 && input.toString("latin1", end - 227, end - 223) === "TAG+") end -= 227;
    }
    if (end - start >= 32 && input.toString("latin1", end - 32, end - 24) === "APETAGEX") {
      const size = input.readUInt32LE(end - 20);
      const hasHeader = (input.readUInt32LE(end - 12) & 0x80000000) !== 0;
      const total = size + (hasHeader ? 32 : 0);
      if (total > end - start) throw new UnreadableFileError("APE tag runs past the start");
      end -= total;
      removed.add("audio.ape");
      changed = true;
    }
  }
  let lead = start;
  while (lead < Math.min(end - 1, start + MAX_LEAD) && !isFrameSync(input, lead)) lead++;
  if (!isFrameSync(input, lead)) throw new UnreadableFileError("no MPEG audio frame");
  return { bytes: Buffer.from(input.subarray(start, end)), removed: [...removed], text: [] };
}

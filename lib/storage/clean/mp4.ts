import { UnreadableFileError, type CleanResult } from "./types";

// Boxes holding other boxes where user data can sit (ISO/IEC 14496-12).
const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "moof", "traf", "edts"]);
// udta: ©ART, ©nam, ©too, ©cmt, …; meta: iTunes ilst and XMP; uuid at the top: XMP (Adobe).
const METADATA: Record<string, string> = { udta: "video.udta", meta: "video.meta", uuid: "video.uuid" };
const FREE = Buffer.from("free", "latin1");

type Box = { type: string; start: number; header: number; end: number };

function boxes(buf: Buffer, from: number, to: number): Box[] {
  const found: Box[] = [];
  let at = from;
  while (at < to) {
    if (to - at < 8) throw new UnreadableFileError("truncated box header");
    let size = buf.readUInt32BE(at);
    let header = 8;
    const type = buf.toString("latin1", at + 4, at + 8);
    if (size === 1) {
      if (to - at < 16) throw new UnreadableFileError("truncated large box header");
      const large = buf.readBigUInt64BE(at + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new UnreadableFileError("box too large");
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = to - at; // runs to the end of its parent
    }
    if (size < header || at + size > to) throw new UnreadableFileError(`box ${JSON.stringify(type)} does not fit`);
    found.push({ type, start: at, header, end: at + size });
    at += size;
  }
  return found;
}

/**
 * MP4/M4A: every udta and meta box (and top-level uuid boxes, where XMP lives) becomes a `free`
 * box of the same size with its content zeroed. Nothing moves, so the moov sizes and the chunk
 * offsets into mdat (stco/co64) stay right without rewriting them.
 */
export function cleanMp4(input: Buffer): CleanResult {
  const out = Buffer.from(input);
  const removed = new Set<string>();
  const top = boxes(out, 0, out.length);
  if (top[0]?.type !== "ftyp" || !top.some((b) => b.type === "moov")) throw new UnreadableFileError("no ftyp or moov box");
  const walk = (list: Box[], depth: number) => {
    for (const box of list) {
      const key = METADATA[box.type];
      if (key && (box.type !== "uuid" || depth === 0)) {
        // A 16-byte large-size header keeps its size field; only the type and payload change.
        FREE.copy(out, box.start + 4);
        out.fill(0, box.start + box.header, box.end);
        removed.add(key);
      } else if (CONTAINERS.has(box.type)) {
        walk(boxes(out, box.start + box.header, box.end), depth + 1);
      }
    }
  };
  walk(top, 0);
  return { bytes: out, removed: [...removed], text: [] };
}

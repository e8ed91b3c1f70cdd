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

/** Turns the metadata boxes among `list` (and inside their containers) into zeroed `free` boxes, in place. */
function blank(out: Buffer, list: Box[], depth: number, removed: Set<string>): void {
  for (const box of list) {
    const key = METADATA[box.type];
    if (key && (box.type !== "uuid" || depth === 0)) {
      // A 16-byte large-size header keeps its size field; only the type and payload change.
      FREE.copy(out, box.start + 4);
      out.fill(0, box.start + box.header, box.end);
      removed.add(key);
    } else if (CONTAINERS.has(box.type)) {
      blank(out, boxes(out, box.start + box.header, box.end), depth + 1, removed);
    }
  }
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
  blank(out, top, 0, removed);
  return { bytes: out, removed: [...removed], text: [] };
}

// Top-level boxes passed through as they stream (media data, padding): never held in memory.
const STREAMED = new Set(["mdat", "free", "skip", "wide"]);
// Any other top-level box (moov above all) is read whole to be cleaned; a moov this big is no MP4 we take.
const MAX_HELD = 256 * 1024 * 1024;

/**
 * The same cleaning as cleanMp4 over a stream, for videos of up to a gigabyte: only the boxes
 * around the media data are held in memory; `removed` is filled as they pass.
 */
export async function* cleanMp4Stream(source: AsyncIterable<Buffer>, removed: Set<string>): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let passing = 0; // bytes of a streamed box still to pass through
  let toEnd = false; // a streamed box with size 0 runs to the end of the file
  let index = 0;
  let sawMoov = false;
  const chunks = source[Symbol.asyncIterator]();
  const more = async () => {
    const next = await chunks.next();
    if (next.done) return false;
    pending = pending.length ? Buffer.concat([pending, next.value]) : next.value;
    return true;
  };
  for (;;) {
    if (toEnd || passing > 0) {
      if (!pending.length && !(await more())) {
        if (passing > 0) throw new UnreadableFileError("truncated media data");
        break;
      }
      const n = toEnd ? pending.length : Math.min(passing, pending.length);
      yield pending.subarray(0, n);
      pending = pending.subarray(n);
      passing -= toEnd ? 0 : n;
      continue;
    }
    if (pending.length < 8) {
      if (await more()) continue;
      if (pending.length === 0) break;
      throw new UnreadableFileError("truncated box header");
    }
    if (pending.readUInt32BE(0) === 1 && pending.length < 16) {
      if (await more()) continue;
      throw new UnreadableFileError("truncated large box header");
    }
    let size = pending.readUInt32BE(0);
    const type = pending.toString("latin1", 4, 8);
    let header = 8;
    if (size === 1) {
      const large = pending.readBigUInt64BE(8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new UnreadableFileError("box too large");
      size = Number(large);
      header = 16;
    }
    if (index++ === 0 && type !== "ftyp") throw new UnreadableFileError("no ftyp box");
    if (size !== 0 && size < header) throw new UnreadableFileError(`box ${JSON.stringify(type)} too small`);
    if (STREAMED.has(type)) {
      if (size === 0) toEnd = true;
      else passing = size;
      continue;
    }
    if (size === 0 || size > MAX_HELD) throw new UnreadableFileError(`box ${JSON.stringify(type)} too large to clean`);
    while (pending.length < size) if (!(await more())) throw new UnreadableFileError(`box ${JSON.stringify(type)} does not fit`);
    const box = Buffer.from(pending.subarray(0, size));
    pending = pending.subarray(size);
    if (type === "moov") sawMoov = true;
    blank(box, [{ type, start: 0, header, end: size }], 0, removed);
    yield box;
  }
  if (!sawMoov) throw new UnreadableFileError("no moov box");
}

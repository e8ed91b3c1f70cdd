import type { EventEmitter } from "node:events";
import type { Writable } from "node:stream";

/**
 * Resolves once `target` emits "drain" (at once when `ready`), and rejects if `out`, the download,
 * is closed first: the client went away and nothing will drain any more.
 */
export function drainOf(target: EventEmitter, ready: boolean, out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error("export stream closed"));
  if (ready) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      target.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("export stream closed"));
    target.on("drain", onDrain);
    out.on("close", onClose);
    out.on("error", done);
  });
}

/** Resolves once `out` wants more data; rejects if it is closed first. */
export function drained(out: Writable): Promise<void> {
  return drainOf(out, !out.writableNeedDrain, out);
}

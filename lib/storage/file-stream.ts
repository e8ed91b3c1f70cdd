import type { FileHandle } from "node:fs/promises";

const CHUNK = 64 * 1024;

/**
 * An open file as a web stream that reads only when the reader asks (pull), and closes the file
 * when the reader cancels. `Readable.toWeb(createReadStream(…))` keeps pushing after a cancel
 * (a PDF viewer that stops its request halfway), and Node then throws "Controller is already
 * closed" from the file's data events.
 */
export function fileWebStream(handle: FileHandle, chunkSize = CHUNK): ReadableStream<Uint8Array> {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = new Uint8Array(chunkSize);
        const { bytesRead } = await handle.read(buffer, 0, chunkSize, null);
        if (bytesRead === 0) {
          await close();
          controller.close();
          return;
        }
        controller.enqueue(buffer.subarray(0, bytesRead));
      } catch (error) {
        await close().catch(() => undefined);
        controller.error(error);
      }
    },
    cancel: close,
  });
}

/**
 * `stream`, cancelled when `signal` aborts. A client that goes away mid-download (a juror's PDF
 * viewer, a closed tab) aborts the request, but the response body it was reading is not
 * cancelled for it: without this the stored file stays open until garbage collection.
 */
export function cancelledOnAbort(stream: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  const stop = () => void reader.cancel(signal.reason).catch(() => undefined);
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          signal.removeEventListener("abort", stop);
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        signal.removeEventListener("abort", stop);
        controller.error(error);
      }
    },
    cancel(reason) {
      signal.removeEventListener("abort", stop);
      return reader.cancel(reason);
    },
  });
}

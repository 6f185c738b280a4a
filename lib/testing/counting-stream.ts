/**
 * A request body that streams `total` bytes (default: endless) in chunks of
 * `chunkSize`, produced only when the reader pulls, and counts what was
 * pulled — so a test can prove a reader stopped early, as with a chunked
 * upload that sends no Content-Length.
 */
export function countingStream(opts: { chunkSize: number; total?: number; byte?: number }) {
  const counter = { pulled: 0, canceled: false };
  const total = opts.total ?? Number.POSITIVE_INFINITY;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(opts.chunkSize, total - counter.pulled);
        if (size <= 0) {
          controller.close();
          return;
        }
        counter.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(opts.byte ?? 0x20));
      },
      cancel() {
        counter.canceled = true;
      },
    },
    // Produce nothing ahead of the reader.
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

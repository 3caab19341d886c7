import type { Writable } from 'node:stream';

/** The client went away before the report was written. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before the report was written');
  }
}

/**
 * Lets the output catch up: waits for 'drain' when the response's buffer is full, otherwise
 * yields one turn of the event loop so the zip or PDF stream can move what was written into it.
 * Rejects when the client has gone, so a writer stops instead of filling a buffer nobody reads.
 */
export function untilDrained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ClientGoneError());
  if (!out.writableNeedDrain) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve, reject) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', gone);
      resolve();
    };
    const gone = () => {
      out.off('drain', done);
      out.off('close', gone);
      reject(new ClientGoneError());
    };
    out.on('drain', done);
    out.on('close', gone);
  });
}

/** Rejects when `out` closes before it finished (the client hung up); never settles otherwise. */
export function whenClosedEarly(out: Writable): Promise<never> {
  return new Promise((_, reject) => {
    out.once('close', () => {
      if (!out.writableFinished) reject(new ClientGoneError());
    });
  });
}

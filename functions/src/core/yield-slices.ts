// Long CPU work in slices of a few milliseconds. The local stack answers the API on the same
// event loop as its workflows' tasks; between slices the loop polls for I/O, so a request (or
// another task's database round trip) waits one slice per hop instead of the whole job. Several
// tasks slicing at once share each turn of the loop, so a slice is kept short.
import { performance } from 'node:perf_hooks';

/** How long a slice runs before it gives the event loop a turn. */
export const SLICE_MS = 2;

/** Answers a function to call between units of work: it yields once `sliceMs` have passed since the last yield. */
export function sliceYielder(sliceMs = SLICE_MS, now: () => number = () => performance.now()): () => Promise<void> | undefined {
  let since = now();
  return () => {
    if (now() - since < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = now();
        resolve();
      }),
    );
  };
}

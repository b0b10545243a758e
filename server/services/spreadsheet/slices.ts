// Reading a large upload takes seconds of CPU; done in one go it stalls every
// other request on the same thread (issue 14 §5: /healthz waited 5 s behind a
// 10 MB CSV). Readers work in slices instead and, once a slice has run this
// long, give the event loop a turn before going on.

const SLICE_MS = 8;

// setImmediate runs after pending I/O without the 1 ms floor of a timer
// (Node, and Workers with nodejs_compat); a zero timeout elsewhere.
const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise((resolve) => setImmediate(resolve)) : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A pause to await between pieces of work: null while the current slice is
 * still short (go on at once), a turn of the event loop once it has run
 * SLICE_MS. (Where timers do not advance during CPU work, as on Workers, it
 * never pauses; nothing else runs there meanwhile anyway.)
 */
export function timeSlices(sliceMs = SLICE_MS): () => Promise<void> | null {
  let started = performance.now();
  return () => {
    if (performance.now() - started < sliceMs) return null;
    return nextTurn().then(() => {
      started = performance.now();
    });
  };
}

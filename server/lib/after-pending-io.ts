/**
 * Resumes after the I/O already pending (the requests whose bytes have arrived) has been handled: where work
 * that came in together waits to be written together. setImmediate runs right after the pending I/O on Node,
 * where even setTimeout(0) waits a millisecond or more under load; Workers have no setImmediate.
 */
export const afterPendingIo: (resume: () => void) => void =
  typeof setImmediate === "function" ? (resume) => setImmediate(resume) : (resume) => setTimeout(resume, 0);

import { parentPort, workerData } from "node:worker_threads";
import { type ChunkOptions, responseChunks } from "./response-chunks.js";

// The worker thread of responseChunksAhead: one chunk for each "next", null after the last.

const chunks = responseChunks(workerData as ChunkOptions);
parentPort?.on("message", () => {
  const { value, done } = chunks.next();
  parentPort?.postMessage(done ? null : value);
});

/** Worker thread: runs tree-enumeration chunks on request (see pool.ts). */
import { parentPort } from "node:worker_threads";
import { runChunk } from "../../src/core/ctm/chunks";
import { emptyTreeCounts } from "../../src/core/ctm/tree";

export interface ChunkJob {
  states: number;
  maxSteps: number;
  depth: number;
  index: number;
}

const scratch = emptyTreeCounts();
parentPort!.on("message", (job: ChunkJob) => {
  const t0 = process.hrtime.bigint();
  const counts = runChunk(job.states, job.maxSteps, job.depth, job.index, scratch);
  parentPort!.postMessage({ index: job.index, counts, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
});

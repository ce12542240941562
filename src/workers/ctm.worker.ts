/**
 * CTM enumeration worker: runs tree-enumeration chunks (src/core/ctm/chunks.ts) on request and posts the
 * sparse counts back. Protocol (plain postMessage, one chunk in flight per worker):
 *   in:  { states, maxSteps, depth, index }
 *   out: { index, counts: SparseCounts, ms } or { index, error }
 */
import { runChunk } from "../core/ctm/chunks";
import { emptyTreeCounts } from "../core/ctm/tree";

const scratch = emptyTreeCounts();

self.addEventListener("message", (event: MessageEvent<{ states: number; maxSteps: number; depth: number; index: number }>) => {
  const { states, maxSteps, depth, index } = event.data;
  const t0 = performance.now();
  try {
    const counts = runChunk(states, maxSteps, depth, index, scratch);
    self.postMessage({ index, counts, ms: performance.now() - t0 });
  } catch (error) {
    self.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});

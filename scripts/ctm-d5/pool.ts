/**
 * A node:worker_threads pool for tree-enumeration chunks: each worker asks for the next chunk index as
 * soon as it is free (chunk sizes vary by orders of magnitude). Results arrive in completion order.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SparseCounts } from "../../src/core/ctm/chunks";

export interface PoolOptions {
  states: number;
  maxSteps: number;
  depth: number;
  workers: number;
  /** Chunk indices to run. */
  indices: number[];
  /** Called (in the main thread) for every finished chunk. */
  onChunk: (index: number, counts: SparseCounts, seconds: number) => void;
  /** Checked before handing out a chunk; true = stop handing out (running chunks finish). */
  shouldCancel?: () => boolean;
}

/** Run the chunks; resolves when all handed-out chunks are done. */
export function runPool(options: PoolOptions): Promise<void> {
  const queue = [...options.indices];
  // Workers load the TypeScript worker through tsx's loader API (Node 20 does not pass --import hooks on).
  const api = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const worker = new URL("./worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`;
  return new Promise((resolve, reject) => {
    let live = 0;
    const count = Math.max(1, Math.min(options.workers, queue.length));
    if (queue.length === 0) return resolve();
    for (let w = 0; w < count; w++) {
      const thread = new Worker(boot, { eval: true });
      live++;
      const feed = () => {
        const index = options.shouldCancel?.() ? undefined : queue.shift();
        if (index === undefined) {
          void thread.terminate();
          if (--live === 0) resolve();
          return;
        }
        thread.postMessage({ states: options.states, maxSteps: options.maxSteps, depth: options.depth, index });
      };
      thread.on("message", (m: { index: number; counts: SparseCounts; seconds: number }) => {
        options.onChunk(m.index, m.counts, m.seconds);
        feed();
      });
      thread.on("error", reject);
      feed();
    }
  });
}

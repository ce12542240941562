/**
 * Browser worker pool for the exact D(n) enumeration: `workers` Web Workers (default 2, fewer if the
 * device reports fewer cores) each take the next chunk index as soon as they are free; the main thread
 * adds the sparse chunk counts and reports progress. Cancel terminates the workers at once. If no worker
 * can start, the same chunks run on the main thread between animation frames.
 */
import { addSparse, chunkCount, defaultChunkDepth, runChunk, type SparseCounts } from "../../core/ctm/chunks";
import { completeDistribution, type Distribution } from "../../core/ctm/complete";
import { emptyTreeCounts } from "../../core/ctm/tree";

import { CUTOFFS } from "./cutoffs";

export { CUTOFFS };

export interface EnumerationProgress {
  done: number;
  total: number;
  /** Machines-equivalent throughput is not known until the end; leaves (finished branches) so far. */
  leaves: number;
  seconds: number;
}

export interface EnumerationResult {
  distribution: Distribution;
  seconds: number;
  workers: number;
  leaves: number;
  /** True if at least one chunk ran on the main thread because workers failed. */
  fallback: boolean;
}

/** 2 by default; 1 on a single-core device; never more than the reported core count or 8. */
export function defaultWorkerCount(hardwareConcurrency: number | undefined = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency): number {
  const hc = Number.isInteger(hardwareConcurrency) && hardwareConcurrency! > 0 ? hardwareConcurrency! : 2;
  return Math.max(1, Math.min(2, hc));
}

/** Largest sensible pool for this device. */
export function maxWorkerCount(hardwareConcurrency: number | undefined = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency): number {
  const hc = Number.isInteger(hardwareConcurrency) && hardwareConcurrency! > 0 ? hardwareConcurrency! : 2;
  return Math.max(1, Math.min(8, hc));
}

type Reply = { index: number; counts: SparseCounts; ms: number } | { index: number; error: string };

export class CtmPool {
  #workers: Worker[] = [];
  #cancel: (() => void) | undefined;

  /** Run D(states) for states in 1..4; resolves to null if cancelled. */
  run(states: number, workers: number, onProgress: (p: EnumerationProgress) => void): Promise<EnumerationResult | null> {
    this.cancel();
    if (!Number.isInteger(states) || states < 1 || states > 4) return Promise.reject(new RangeError(`states must be 1–4, got ${states}`));
    const maxSteps = CUTOFFS[states]!;
    const depth = defaultChunkDepth(states);
    const total = chunkCount(states, depth);
    const queue = [...Array(total).keys()];
    const acc = emptyTreeCounts();
    const t0 = performance.now();
    let done = 0, fallback = false, cancelled = false;
    const count = Math.max(1, Math.min(workers, total));
    return new Promise((resolve, reject) => {
      const finishOne = (c: SparseCounts) => {
        addSparse(acc, c);
        done++;
        onProgress({ done, total, leaves: acc.leaves, seconds: (performance.now() - t0) / 1000 });
        if (done === total) {
          this.#terminate();
          const seconds = (performance.now() - t0) / 1000;
          resolve({ distribution: completeDistribution(states, maxSteps, acc), seconds, workers: fallback ? 0 : count, leaves: acc.leaves, fallback });
        }
      };
      this.#cancel = () => {
        cancelled = true;
        this.#terminate();
        resolve(null);
      };
      // Main-thread fallback: one chunk per macrotask.
      const scratch = emptyTreeCounts();
      const runLocal = () => {
        fallback = true;
        const step = () => {
          if (cancelled) return;
          const index = queue.shift();
          if (index === undefined) return;
          try {
            finishOne(runChunk(states, maxSteps, depth, index, scratch));
          } catch (error) {
            reject(error);
            return;
          }
          setTimeout(step, 0);
        };
        step();
      };
      let started = 0;
      for (let w = 0; w < count; w++) {
        let worker: Worker;
        try {
          worker = new Worker(new URL("../../workers/ctm.worker.ts", import.meta.url), { type: "module", name: `ctm-${w + 1}` });
        } catch {
          continue;
        }
        started++;
        this.#workers.push(worker);
        let current: number | undefined;
        const feed = () => {
          current = cancelled ? undefined : queue.shift();
          if (current !== undefined) worker.postMessage({ states, maxSteps, depth, index: current });
        };
        worker.addEventListener("message", (event: MessageEvent<Reply>) => {
          const m = event.data;
          if ("error" in m) {
            this.#terminate();
            reject(new Error(m.error));
            return;
          }
          finishOne(m.counts);
          feed();
        });
        worker.addEventListener("error", (event) => {
          event.preventDefault();
          // Give the chunk back and let the others (or the main thread) finish the work.
          if (current !== undefined) queue.unshift(current);
          current = undefined;
          worker.terminate();
          this.#workers = this.#workers.filter((x) => x !== worker);
          if (this.#workers.length === 0 && !cancelled) runLocal();
        });
        feed();
      }
      if (started === 0) runLocal();
    });
  }

  #terminate(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }

  /** Stop the current run (its promise resolves to null). */
  cancel(): void {
    const c = this.#cancel;
    this.#cancel = undefined;
    c?.();
  }
}

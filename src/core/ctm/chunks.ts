/**
 * Independent chunks of the tree enumeration (see tree.ts): chunk i of depth k fixes the choice digits of
 * the first k decisions. The first decision is the root (digit 6 or 7: write 0/1, move Right, new state),
 * so there are 2·(4n+2)^(k−1) chunks; most deep ones are empty and finish at once. The sum over all chunks
 * equals the whole tree, whatever the order, so chunks can be farmed out to workers and checkpointed.
 */
import { choicesPerEntry } from "./machine";
import { emptyTreeCounts, enumerateTree, type TreeCounts } from "./tree";
import { intPow } from "../math";

/** Number of chunks at prefix depth k ≥ 1. */
export function chunkCount(states: number, depth: number): number {
  if (!Number.isInteger(depth) || depth < 1 || depth > 6) throw new RangeError(`chunk depth must be in [1, 6], got ${depth}`);
  return 2 * intPow(choicesPerEntry(states), depth - 1);
}

/** Prefix digits of chunk `index` (0 ≤ index < chunkCount). */
export function chunkPrefix(states: number, depth: number, index: number): number[] {
  const K = choicesPerEntry(states);
  const total = chunkCount(states, depth);
  if (!Number.isInteger(index) || index < 0 || index >= total) throw new RangeError(`chunk index must be in [0, ${total}), got ${index}`);
  const digits: number[] = [];
  let rest = index;
  for (let i = 1; i < depth; i++) {
    digits.unshift(rest % K);
    rest = Math.floor(rest / K);
  }
  digits.unshift(6 + rest);
  return digits;
}

/** Counts of one chunk in sparse, transferable form. */
export interface SparseCounts {
  /** (1 << length) | bits keys of short outputs (see tree.ts) and their weights. */
  keys: number[];
  values: number[];
  /** Long outputs. */
  large: [string, number][];
  halting: number;
  leaves: number;
  steps: number;
}

/** Run one chunk (a fresh accumulator per call keeps the result sparse). */
export function runChunk(states: number, maxSteps: number, depth: number, index: number, scratch?: TreeCounts): SparseCounts {
  const acc = scratch ?? emptyTreeCounts();
  enumerateTree({ states, maxSteps, prefix: chunkPrefix(states, depth, index) }, acc);
  const keys: number[] = [], values: number[] = [];
  for (const k of acc.touched) {
    keys.push(k);
    values.push(acc.small[k]!);
    acc.small[k] = 0;
  }
  acc.touched.length = 0;
  const out: SparseCounts = { keys, values, large: [...acc.large], halting: acc.halting, leaves: acc.leaves, steps: acc.steps };
  acc.large.clear();
  acc.halting = acc.leaves = acc.steps = 0;
  return out;
}

/** Add sparse chunk counts into an accumulator. */
export function addSparse(acc: TreeCounts, s: SparseCounts): void {
  for (let i = 0; i < s.keys.length; i++) {
    const k = s.keys[i]!;
    if (acc.small[k] === 0) acc.touched.push(k);
    acc.small[k]! += s.values[i]!;
  }
  for (const [k, v] of s.large) acc.large.set(k, (acc.large.get(k) ?? 0) + v);
  acc.halting += s.halting;
  acc.leaves += s.leaves;
  acc.steps += s.steps;
}

export interface ChunkRunOptions {
  states: number;
  maxSteps: number;
  depth: number;
  /** Called after each chunk with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each chunk; returning true stops early (the result then covers only finished chunks). */
  shouldCancel?: () => boolean;
}

/** Run every chunk in this thread; returns the counts and whether all chunks finished. */
export function runAllChunks(options: ChunkRunOptions): { counts: TreeCounts; complete: boolean } {
  const total = chunkCount(options.states, options.depth);
  const counts = emptyTreeCounts();
  const scratch = emptyTreeCounts();
  for (let i = 0; i < total; i++) {
    if (options.shouldCancel?.()) return { counts, complete: false };
    addSparse(counts, runChunk(options.states, options.maxSteps, options.depth, i, scratch));
    options.onProgress?.(i + 1, total);
  }
  return { counts, complete: true };
}

/** Default chunk depth: enough chunks to balance two workers, few enough to plan cheaply. */
export function defaultChunkDepth(states: number): number {
  return states <= 2 ? 2 : states === 3 ? 3 : 4;
}

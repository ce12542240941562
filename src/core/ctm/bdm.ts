/**
 * Block Decomposition Method for 1-D binary strings, with pybdm's conventions (Zenil et al. 2018, Entropy
 * 20:605; pybdm v0.1): windows of `block` cells starting at 0, offset, 2·offset, …
 * - `ignore` (default; offset defaults to block): full windows only, the leftover is dropped;
 * - `correlated` (pybdm PartitionCorrelated; offset defaults to 1): sliding window, full windows only;
 * - `recursive` (offset must equal block): a leftover of length r ≥ minLength (default 2) is one more block
 *   of length r (pybdm PartitionRecursive in 1-D).
 * BDM = Σ over distinct raw blocks [CTM + log2 multiplicity], always in bits.
 */
import { bdmOfCounts, entropyOfCounts, normalisedBdm, normalisedEntropy, shapeCounts, type BlockCounts } from "./blocks";
import type { CtmTable } from "./table";

export type Boundary = "ignore" | "correlated" | "recursive";

export interface Bdm1Options {
  /** Block length 1…12 (default 12; must exist in the table). */
  block?: number;
  /** Step between window starts (default: block, or 1 for `correlated`). */
  offset?: number;
  /** Boundary handling (default `ignore`). */
  boundary?: Boundary;
  /** Smallest leftover kept by `recursive` (default 2). */
  minLength?: number;
}

interface Resolved {
  block: number;
  offset: number;
  boundary: Boundary;
  minLength: number;
}

export function resolveBdm1(o: Bdm1Options = {}): Resolved {
  const block = o.block ?? 12;
  const boundary = o.boundary ?? "ignore";
  const offset = o.offset ?? (boundary === "correlated" ? 1 : block);
  const minLength = o.minLength ?? 2;
  if (!Number.isInteger(block) || block < 1 || block > 12) throw new RangeError(`block must be an integer in [1, 12], got ${block}`);
  if (!Number.isInteger(offset) || offset < 1 || offset > block) throw new RangeError(`offset must be an integer in [1, block = ${block}], got ${offset}`);
  if (boundary === "recursive" && offset !== block) throw new RangeError("the recursive boundary needs offset = block");
  if (!["ignore", "correlated", "recursive"].includes(boundary)) throw new RangeError(`boundary must be ignore, correlated or recursive, got ${String(boundary)}`);
  return { block, offset, boundary, minLength };
}

/** Count the blocks of a bit array (values 0/1). */
export function decompose1(bits: Uint8Array, options: Bdm1Options = {}): BlockCounts {
  const { block, offset, boundary, minLength } = resolveBdm1(options);
  const all: BlockCounts = new Map();
  const main = shapeCounts(all, String(block), block);
  const N = bits.length;
  let start = 0;
  for (; start + block <= N; start += offset) {
    let code = 0;
    for (let i = start; i < start + block; i++) code = (code << 1) | bits[i]!;
    main.counts[code]!++;
  }
  if (boundary === "recursive") {
    const r = N - start;
    if (r >= minLength && r > 0) {
      let code = 0;
      for (let i = start; i < N; i++) code = (code << 1) | bits[i]!;
      shapeCounts(all, String(r), r).counts[code]!++;
    }
  }
  return all;
}

/** BDM in bits. */
export function bdm1(bits: Uint8Array, table: CtmTable, options?: Bdm1Options): number {
  return bdmOfCounts(decompose1(bits, options), table);
}

/** Block entropy (bits) of the same decomposition. */
export function blockEntropy1(bits: Uint8Array, options?: Bdm1Options): number {
  return entropyOfCounts(decompose1(bits, options));
}

/** Normalised BDM in [0, 1] (undefined for `correlated`, as in pybdm: throws). */
export function nbdm1(bits: Uint8Array, table: CtmTable, options?: Bdm1Options): number {
  if (resolveBdm1(options).boundary === "correlated") throw new RangeError("normalised BDM is not defined for the correlated boundary");
  return normalisedBdm(decompose1(bits, options), table);
}

/** Normalised block entropy in [0, 1] (pybdm `nent`). */
export function nent1(bits: Uint8Array, options?: Bdm1Options): number {
  return normalisedEntropy(decompose1(bits, options));
}

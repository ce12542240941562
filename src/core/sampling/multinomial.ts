/**
 * Multinomial variates by conditional binomials: x_i ~ Bin(n − Σ_{j<i} x_j, w_i / Σ_{j≥i} w_j).
 * Exact, O(K) binomial calls per draw (each O(1) expected), never O(n); it stops early once all n
 * trials are placed. No allocation: the caller owns `out` and the scratch `tail`.
 */
import type { Rng } from "../rng";
import { binomial } from "./binomial";

/** A writable numeric array (Float64Array or Int32Array). */
export type Counts = { length: number; [index: number]: number };

/**
 * Draws counts ~ Mult(n, w / Σw) into out[0..K−1]. Weights need not be normalised but must be finite
 * and ≥ 0 with a positive sum when n > 0. `tail` (length ≥ K) is scratch for suffix sums, which keep
 * each conditional probability exact even when Σw drifts from 1 by rounding.
 */
export function multinomial(
  rng: Rng,
  n: number,
  w: ArrayLike<number>,
  out: Counts,
  tail: Float64Array,
  K: number = w.length,
): void {
  let acc = 0;
  for (let i = K - 1; i >= 0; i--) {
    acc += w[i]!;
    tail[i] = acc;
  }
  let left = n;
  for (let i = 0; i < K; i++) {
    if (left === 0) {
      out[i] = 0;
      continue;
    }
    const rest = tail[i]!;
    const wi = w[i]!;
    // The last category with mass takes what is left (its conditional probability is 1).
    const x = wi >= rest ? left : wi > 0 ? binomial(rng, left, wi / rest) : 0;
    out[i] = x;
    left -= x;
  }
}

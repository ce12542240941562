/**
 * Diversity of a discrete distribution p over K categories. Inputs are probabilities (summing to 1);
 * loops run over typed arrays without allocation because they sit in the simulation's hot path.
 */
import { ln } from "../math";

const LOG2E = 1 / Math.LN2;

/** Shannon entropy H(p) = −Σ p_i log2 p_i in bits (0 log 0 = 0). */
export function entropyBits(p: ArrayLike<number>, K: number = p.length): number {
  let h = 0;
  for (let i = 0; i < K; i++) {
    const v = p[i]!;
    if (v > 0) h -= v * ln(v);
  }
  return h * LOG2E;
}

/** Σ p_i², the probability that two independent draws coincide (collision probability). */
export function sumSquares(p: ArrayLike<number>, K: number = p.length): number {
  let s = 0;
  for (let i = 0; i < K; i++) s += p[i]! * p[i]!;
  return s;
}

/** Gini–Simpson index G(p) = 1 − Σ p_i². */
export function giniSimpson(p: ArrayLike<number>, K: number = p.length): number {
  return 1 - sumSquares(p, K);
}

/** Number of categories with positive probability. */
export function supportSize(p: ArrayLike<number>, K: number = p.length): number {
  let s = 0;
  for (let i = 0; i < K; i++) if (p[i]! > 0) s++;
  return s;
}

/** Σ_i p_i over categories with counts[i] = 0: the mass of p that a sample missed. */
export function missedMass(p: ArrayLike<number>, counts: ArrayLike<number>, K: number = p.length): number {
  let m = 0;
  for (let i = 0; i < K; i++) if (counts[i] === 0) m += p[i]!;
  return m;
}

/**
 * Diffusion and branching-process approximations from population genetics (paper-math §2.2,
 * "Timescales"). Approximations, not exact: compare with markov-chain.ts for the exact values.
 */
import { exp, ln, pow } from "../math";

/** Kimura & Ohta (1969): mean absorption time of two types from frequency p, ≈ −2n[p ln p + (1−p) ln(1−p)]. */
export function kimuraOhtaTime(n: number, p: number): number {
  const f = (x: number) => (x > 0 ? x * ln(x) : 0);
  return -2 * n * (f(p) + f(1 - p));
}

/** Littler (1975): mean time until one of K types remains, ≈ −2n Σ (1−p_i) ln(1−p_i). */
export function littlerTime(n: number, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const r = 1 - p[i]!;
    if (r > 0) s += r * ln(r);
  }
  return -2 * n * s;
}

/**
 * Probability that a rare category starting with k copies is lost by generation t, in the critical
 * Poisson branching approximation: q_t^k with q_t = e^{q_{t−1} − 1}, q_0 = 0 (≈ e^{−2k/t}).
 */
export function rareLossProbability(k: number, generations: number): number[] {
  const out: number[] = [];
  let q = 0;
  for (let t = 0; t <= generations; t++) {
    out.push(pow(q, k));
    q = exp(q - 1);
  }
  return out;
}

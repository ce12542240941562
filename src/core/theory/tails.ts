/**
 * Zipf tails and missing mass (paper-math §3 item 4, simulation S9, test T25; Dohmatob et al. 2024,
 * "A Tale of Tails"). Exact finite-K formulas; the exponents are asymptotic (K → ∞).
 */
import { exp, ln, log1p, pow } from "../math";

/** Zipf(β) on ranks 1..K: p_i ∝ i^−β, normalised. */
export function zipfWeights(beta: number, K: number): Float64Array {
  const p = new Float64Array(K);
  let s = 0;
  for (let i = 0; i < K; i++) {
    p[i] = pow(i + 1, -beta);
    s += p[i]!;
  }
  for (let i = 0; i < K; i++) p[i] = p[i]! / s;
  return p;
}

/** Exact expected missing mass after T iid draws: Σ p_i (1 − p_i)^T. */
export function missingMassAfter(p: ArrayLike<number>, T: number): number {
  let m = 0;
  for (let i = 0; i < p.length; i++) m += p[i]! * exp(T * log1p(-p[i]!));
  return m;
}

/** Tail mass beyond rank k, Σ_{i>k} p_i: the plateau added by tail-cutting at k (top-k sampling). */
export function tailMass(p: ArrayLike<number>, k: number): number {
  let m = 0;
  for (let i = k; i < p.length; i++) m += p[i]!;
  return m;
}

/** Asymptotic log–log slope of the missing mass in T for Zipf(β > 1): −(1 − 1/β). */
export function zipfMissingMassExponent(beta: number): number {
  return -(1 - 1 / beta);
}

/** Asymptotic log–log slope of the tail mass in k for Zipf(β > 1): −(β − 1). */
export function zipfTailExponent(beta: number): number {
  return -(beta - 1);
}

/** Least-squares slope of log y against log x. */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(ln), ly = ys.map(ln);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0, den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) * (lx[i]! - mx);
  }
  return num / den;
}

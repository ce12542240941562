/**
 * Minimum description length of a fitted expression: L(model) + L(data | model), in bits.
 *
 * - Structure: the prefix code of grammar.ts.
 * - Each constant: 1 flag bit (simple rational or real), then either a rational p/q written as sign +
 *   Elias-gamma(|p|+1) (+ sign + Elias-gamma(q) unless p = 0), or a real stated to its optimal precision
 *   δ_j = σ √(12 / Σ_i (∂f/∂c_j)²) (Wallace–Freeman / Rissanen: rounding c_j to a grid of step δ costs
 *   about as much in residual bits as the grid costs to index) as sign + Elias-gamma(round(|c|/δ)+1).
 *   For noisy data Σ(∂f/∂c)² grows like n, so this is ½ log₂ n + O(1) bits, Rissanen's familiar term;
 *   for exact data σ is the resolution floor, a real constant costs ~40 bits, and snapping to 3/2 wins.
 * - Residuals: Gaussian code of the data quantised at resolution Δ, Σ −log₂(φ_σ(r_i) Δ)
 *   = n log₂(σ/Δ) + (n/2) log₂(2π) + RSS / (2σ² ln 2), with σ given, or estimated as √(RSS/n) floored at Δ.
 *   (The ½ log₂ n bits for an estimated σ are the same for every candidate and are left out.)
 */
import { log2 } from "../math";

/** Elias gamma code length of a positive integer m: 2⌊log₂ m⌋ + 1. */
export function eliasGammaBits(m: number): number {
  if (!(m >= 1)) return Infinity;
  return 2 * Math.floor(log2(m)) + 1;
}

/** Bits for the rational p/q (q ≥ 1): γ(|p| + 1), then, unless p = 0, sign + γ(q). */
export function rationalBits(p: number, q: number): number {
  return p === 0 ? 1 : eliasGammaBits(Math.abs(p) + 1) + 1 + eliasGammaBits(q);
}

/** Bits for a real constant c whose derivative column is g, at noise level σ. Infinity if c has no effect. */
export function realConstantBits(c: number, g: Float64Array, sigma: number): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
  if (!(s > 0) || !Number.isFinite(s)) return Infinity;
  const delta = sigma * Math.sqrt(12 / s);
  const m = Math.round(Math.abs(c) / delta);
  return 1 + eliasGammaBits(Math.min(m, 4503599627370496 /* 2^52 */) + 1);
}

export interface NoiseModel {
  /** Given noise standard deviation, or undefined to estimate it from the residuals. */
  sigma?: number;
  /** Data resolution Δ (also the floor of an estimated σ). */
  resolution: number;
}

/** The σ used to code residuals with this RSS. */
export function noiseSigma(rss: number, n: number, noise: NoiseModel): number {
  return noise.sigma ?? Math.max(Math.sqrt(rss / n), noise.resolution);
}

/** Residual bits Σ −log₂(φ_σ(r_i) Δ). */
export function residualBits(rss: number, n: number, noise: NoiseModel): number {
  const sigma = noiseSigma(rss, n, noise);
  const delta = Math.min(noise.resolution, sigma);
  return n * log2(sigma / delta) + (n / 2) * log2(2 * Math.PI) + rss / (2 * sigma * sigma * Math.LN2);
}

/** Default resolution: 10⁻⁶ of the root mean square of y (and at least 10⁻¹²). */
export function defaultResolution(y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i]! * y[i]!;
  return Math.max(1e-6 * Math.sqrt(s / Math.max(1, y.length)), 1e-12);
}

/** Continued-fraction convergents p/q of v with q ≤ maxDen and |p| ≤ maxNum (simplest first). */
export function convergents(v: number, maxDen = 12, maxNum = 1000): [number, number][] {
  const out: [number, number][] = [];
  if (!Number.isFinite(v)) return out;
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let x = v;
  for (let it = 0; it < 20; it++) {
    const a = Math.floor(x);
    const h = a * h1 + h0;
    const k = a * k1 + k0;
    if (k > maxDen || Math.abs(h) > maxNum) break;
    out.push([h, k]);
    [h0, h1, k0, k1] = [h1, h, k1, k];
    const frac = x - a;
    if (frac < 1e-12) break;
    x = 1 / frac;
  }
  // Also the nearest integer from above (floor-based convergents miss e.g. −1 for −0.9999999).
  const r = Math.round(v);
  if (Math.abs(r) <= maxNum && !out.some(([p, q]) => q === 1 && p === r)) out.unshift([r, 1]);
  return out;
}

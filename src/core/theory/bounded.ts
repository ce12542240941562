/**
 * Exact moments of the bounded-values loop (paper-math §2.3, Theorem B): atoms x_i with model
 * weights p_t, m_t = Σ p_{t,i} x_i ("the model's estimate of truth"), s_t² = Var_{p_t}(X).
 *
 * With π* = p0, E p_t = π* for every schedule, so E m_t = m* and the conservation law
 * E s_t² + Var m_t = s*² holds for any α_t. V_t = Var m_t obeys, exactly:
 *   iid mixture:  V_{t+1} = (1 − α_t)² (1 − 1/n) V_t + s*²/n
 *   stratified (a = round(α_t n)/n):  V_{t+1} = (1 − a)(1 − a − 1/n) V_t + s*²/n
 * (law of total variance; E Var_q(X) = s*² − (1 − α)² V_t). With α ≡ 0 both give
 * V_t = s*² (1 − (1 − 1/n)^t) and E s_t² = s*² (1 − 1/n)^t (test T12).
 */
import type { Sampling } from "../models/categorical-sim";

export interface BoundedMoments {
  /** E m_t. */
  mean: number[];
  /** E s_t². */
  variance: number[];
  /** Var m_t (between-run spread of the "truth" estimate). */
  varianceOfMean: number[];
}

/** Mean and variance of X under weights p (normalised inside). */
export function atomMoments(values: ArrayLike<number>, weights: ArrayLike<number>): { mean: number; variance: number } {
  let w = 0, m = 0;
  for (let i = 0; i < values.length; i++) {
    w += weights[i]!;
    m += weights[i]! * values[i]!;
  }
  m /= w;
  let v = 0;
  for (let i = 0; i < values.length; i++) {
    const e = values[i]! - m;
    v += weights[i]! * e * e;
  }
  return { mean: m, variance: v / w };
}

/** Exact E m_t, E s_t², Var m_t for t = 0..alphas.length − 1. */
export function boundedMoments(values: ArrayLike<number>, weights: ArrayLike<number>, n: number, alphas: ArrayLike<number>, sampling: Sampling): BoundedMoments {
  const { mean: m0, variance: s2 } = atomMoments(values, weights);
  const out: BoundedMoments = { mean: [], variance: [], varianceOfMean: [] };
  let V = 0;
  for (let t = 0; t < alphas.length; t++) {
    out.mean.push(m0);
    out.variance.push(s2 - V);
    out.varianceOfMean.push(V);
    const alpha = alphas[t]!;
    if (sampling === "iid") V = (1 - alpha) * (1 - alpha) * (1 - 1 / n) * V + s2 / n;
    else {
      const a = Math.round(alpha * n) / n;
      V = (1 - a) * (1 - a - 1 / n) * V + s2 / n;
    }
  }
  return out;
}

/** The support-diameter bound of Theorem B: Var m_t ≤ s*² ≤ (b − a)²/4 and |m_t − m_0| ≤ b − a. */
export function supportBounds(values: ArrayLike<number>): { min: number; max: number; maxVariance: number } {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  return { min, max, maxVariance: ((max - min) * (max - min)) / 4 };
}

/**
 * Exact expected variance of the KDE refit loop (derived here; a reconstruction in the spirit of Kazdan et
 * al. 2024, who study KDE collapse, not their formula).
 *
 * State: centres x_1..x_n with mean x̄_t and scatter S_t = Σ(x_i − x̄_t)², bandwidth h_t. The KDE's variance
 * is V_t = S_t/n + h_t². A generation draws m = round(αn) real samples (mean μ*, variance σ*²) and k = n − m
 * from the KDE (x_I + h_t Z: mean x̄_t, variance V_t); they become the new centres. As for any two groups,
 *   E[S_{t+1} | state] = σ*²(m − 1 + k/n) + V_t(k − 1 + m/n) + (mk/n)(x̄_t − μ*)²,
 *   D_{t+1} = E(x̄_{t+1} − μ*)² = (mσ*² + k E V_t + k² D_t)/n².
 * Fixed h: V_{t+1} = S_{t+1}/n + h². Silverman's rule h = 1.06 ŝ n^(−1/5), ŝ² = S/(n − 1):
 * V_{t+1} = β S_{t+1} with β = 1/n + 1.06² n^(−2/5)/(n − 1). Both are linear in (E V_t, D_t), hence exact.
 * Generation 0 is the KDE of n real samples (the step above with m = n).
 *
 * Closed loop (m = 0): E V_{t+1} = (1 − 1/n) E V_t + h² (fixed h), so E V_t → n h²: each generation adds
 * h² and sampling removes the fraction 1/n; the spread inflates whenever n h² exceeds the starting variance
 * and never collapses to a point.
 * Silverman: E V_{t+1} = (1 − 1/n)(1 + b) E V_t, b = 1.06² n^(−2/5) n/(n − 1) > 1/(n − 1), so it grows
 * geometrically.
 */
import { realCount } from "./gaussian";
import { ln, pow } from "../math";

export type Bandwidth = "silverman" | "fixed";

/** Silverman's normal-reference constant (Silverman 1986, eq. 3.28). */
export const SILVERMAN = 1.06;

export interface KdeVarianceInput {
  n: number;
  generations: number;
  alpha: number;
  bandwidth: Bandwidth;
  /** Fixed bandwidth (bandwidth = "fixed"). */
  h: number;
  /** Truth mean and variance. */
  muStar: number;
  sigmaStar2: number;
}

/** h² for a batch of n samples with scatter S. */
export function bandwidthSquared(bandwidth: Bandwidth, h: number, n: number, scatter: number): number {
  return bandwidth === "fixed" ? h * h : SILVERMAN * SILVERMAN * pow(n, -0.4) * (scatter / (n - 1));
}

/** E V_t and E x̄_t for t = 0..generations. */
export function kdeVarianceRecursion(p: KdeVarianceInput): { variance: number[]; mean: number[] } {
  const { n, muStar, sigmaStar2: s2 } = p;
  const m = realCount(p), k = n - m;
  const beta = p.bandwidth === "fixed" ? 1 / n : 1 / n + (SILVERMAN * SILVERMAN * pow(n, -0.4)) / (n - 1);
  const add = p.bandwidth === "fixed" ? p.h * p.h : 0;
  // Generation 0: n real samples.
  let V = beta * (n - 1) * s2 + add;
  let D = s2 / n;
  let a = muStar;
  const variance = [V], mean = [a];
  for (let t = 1; t <= p.generations; t++) {
    const ES = s2 * (m - 1 + k / n) + V * (k - 1 + m / n) + ((m * k) / n) * D;
    const D2 = (m * s2 + k * V + k * k * D) / (n * n);
    V = beta * ES + add;
    D = D2;
    a = (m * muStar + k * a) / n;
    variance.push(V);
    mean.push(a);
  }
  return { variance, mean };
}

/** log of the closed-loop expected growth factor of V per generation under Silverman's rule. */
export function silvermanLogGrowth(n: number): number {
  return ln((1 - 1 / n) * (1 + (SILVERMAN * SILVERMAN * pow(n, -0.4) * n) / (n - 1)));
}

/**
 * Exact theory for the Gaussian refit loop (paper-math.md §2.3, §2.4 ii and v; reconstructions, not the
 * paper's text). Everything here is exact, not asymptotic:
 *
 * - First and second moments (E μ_t, E(μ_t − μ*)², E σ_t²) follow a linear recursion for every setting
 *   (estimator, real count m = round(αn), temperature λ, replace or accumulate), because each step only
 *   adds Gaussian means and χ² scatters whose moments are linear in the previous moments.
 * - In the closed loop (m = 0) with replace, log σ² is a random walk with i.i.d. steps
 *   2 log λ + log(χ²_{n−1}/c), giving E log σ², Var log σ², E σ_t (via c4) and E W₂².
 */
import digamma from "@stdlib/math-base-special-digamma";
import trigamma from "@stdlib/math-base-special-trigamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import type { GaussianParams } from "../models/gaussian";
import { exp, ln, pow } from "../math";

/**
 * Real samples per generation: round(αn), halves rounded up. The 1e-9 makes decimal halves behave as
 * typed: 0.7 · 5 is 3.4999999999999996 in binary but means 3.5, hence 4.
 */
export function realCount(p: Pick<GaussianParams, "n" | "alpha">): number {
  return Math.floor(p.alpha * p.n + 0.5 + 1e-9);
}

/** The estimator's divisor for N pooled samples: N (MLE) or N − 1 (unbiased). */
export function divisor(estimator: GaussianParams["estimator"], count: number): number {
  return estimator === "mle" ? count : count - 1;
}

/** c4(n) = √(2/(n−1)) Γ(n/2)/Γ((n−1)/2) = E s/σ for the unbiased s² of n normal samples. */
export function c4(n: number): number {
  return exp(0.5 * ln(2 / (n - 1)) + gammaln(n / 2) - gammaln((n - 1) / 2));
}

export interface GaussianMoments {
  /** E μ_t */
  mean: number[];
  /** Var μ_t */
  meanVar: number[];
  /** D_t = E (μ_t − μ*)² */
  meanSqErr: number[];
  /** V_t = E σ_t² */
  sigma2: number[];
}

/**
 * Exact moment recursion. One generation draws m real samples (group mean r̄, scatter S_r) and k = n − m
 * synthetic ones at scale λσ_t (ȳ, S_y); the batch scatter is S_b = S_r + S_y + (mk/n)(r̄ − ȳ)², so
 *   E S_b = σ*²(m − 1 + k/n) + λ²V(k − 1 + m/n) + (mk/n) D,
 * which holds for m = 0 and k = 0 too. Accumulate pools the batch into N = tn earlier samples.
 */
export function gaussianMoments(p: GaussianParams): GaussianMoments {
  const { n, muStar, sigmaStar } = p;
  const m = realCount(p);
  const k = n - m;
  const l2 = p.temperature * p.temperature;
  const s2 = sigmaStar * sigmaStar;
  let a = p.mu0;
  let D = (p.mu0 - muStar) * (p.mu0 - muStar);
  let V = p.sigma0 * p.sigma0;
  let P = 0; // E pooled scatter (accumulate); the pool starts empty
  const out: GaussianMoments = { mean: [a], meanVar: [D - (a - muStar) * (a - muStar)], meanSqErr: [D], sigma2: [V] };
  for (let t = 0; t < p.generations; t++) {
    const ESb = s2 * (m - 1 + k / n) + l2 * V * (k - 1 + m / n) + ((m * k) / n) * D;
    let a2: number, D2: number, V2: number;
    if (p.workflow === "replace") {
      a2 = (m * muStar + k * a) / n;
      D2 = (m * s2 + k * l2 * V + k * k * D) / (n * n);
      V2 = ESb / divisor(p.estimator, n);
    } else {
      const N = t * n;
      const N2 = N + n;
      const Ebdev = (m * s2 + m * m * D + k * l2 * V) / (n * n); // E (b̄ − μ_t)²
      P = P + ESb + ((N * n) / N2) * Ebdev;
      a2 = ((N + k) * a + m * muStar) / N2;
      D2 = ((N + k) * (N + k) * D + m * s2 + k * l2 * V) / (N2 * N2);
      V2 = P / divisor(p.estimator, N2);
    }
    a = a2;
    D = D2;
    V = V2;
    out.mean.push(a);
    out.meanSqErr.push(D);
    out.meanVar.push(Math.max(0, D - (a - muStar) * (a - muStar)));
    out.sigma2.push(V);
  }
  return out;
}

export interface ClosedLoopLaws {
  /** E log σ_t² */
  logSigma2: number[];
  /** Var log σ_t² */
  logSigma2Var: number[];
  /** E σ_t */
  sigma: number[];
}

/** §2.3 table (with temperature λ): exact only for the closed loop (no real samples) with replace. */
export function gaussianClosedLoop(p: GaussianParams): ClosedLoopLaws | null {
  if (realCount(p) !== 0 || p.workflow !== "replace") return null;
  const k = p.n - 1;
  const c = divisor(p.estimator, p.n);
  // log σ²_{t+1} = log σ_t² + 2 log λ + log χ²_k − log c, and E log χ²_k = ψ(k/2) + ln 2.
  const drift = 2 * ln(p.temperature) + digamma(k / 2) + Math.LN2 - ln(c);
  const step = trigamma(k / 2);
  // E √(χ²_k / c) = √(2/c) Γ(n/2)/Γ(k/2): c4 for the unbiased estimator, c4 √((n−1)/n) for the MLE.
  const sdFactor = p.temperature * exp(0.5 * ln(2 / c) + gammaln(p.n / 2) - gammaln(k / 2));
  const out: ClosedLoopLaws = { logSigma2: [], logSigma2Var: [], sigma: [] };
  for (let t = 0; t <= p.generations; t++) {
    out.logSigma2.push(2 * ln(p.sigma0) + t * drift);
    out.logSigma2Var.push(t * step);
    out.sigma.push(p.sigma0 * pow(sdFactor, t));
  }
  return out;
}

/**
 * Stationary (V_∞, D_∞) of the replace loop with m ≥ 1 real samples: the fixed point of the 2×2 linear
 * recursion of gaussianMoments. Null when there is no real sample (the closed loop has no stationary law)
 * or for accumulate (its sample grows without bound).
 */
export function gaussianStationary(p: Pick<GaussianParams, "n" | "alpha" | "estimator" | "temperature" | "sigmaStar" | "workflow">): { V: number; D: number } | null {
  const { n } = p;
  const m = realCount(p);
  if (m === 0 || p.workflow !== "replace") return null;
  const k = n - m;
  const l2 = p.temperature * p.temperature;
  const s2 = p.sigmaStar * p.sigmaStar;
  const c = divisor(p.estimator, n);
  // V = (s2(m−1+k/n) + l2(k−1+m/n)V + (mk/n)D)/c ;  D = (m s2 + k l2 V + k² D)/n²
  const a11 = 1 - (l2 * (k - 1 + m / n)) / c, a12 = -(m * k) / n / c, b1 = (s2 * (m - 1 + k / n)) / c;
  const a21 = -(k * l2) / (n * n), a22 = 1 - (k * k) / (n * n), b2 = (m * s2) / (n * n);
  const det = a11 * a22 - a12 * a21;
  return { V: (b1 * a22 - a12 * b2) / det, D: (a11 * b2 - a21 * b1) / det };
}

/** All theory series of the Gaussian model, keyed by metric ("<metric>:var" = variance across runs). */
export function gaussianTheory(p: GaussianParams): Record<string, number[]> {
  const mom = gaussianMoments(p);
  const out: Record<string, number[]> = { mu: mom.mean, "mu:var": mom.meanVar, sigma2: mom.sigma2 };
  const closed = gaussianClosedLoop(p);
  if (closed) {
    out.logSigma2 = closed.logSigma2;
    out["logSigma2:var"] = closed.logSigma2Var;
    out.sigma = closed.sigma;
    // E W₂² = E(μ_t − μ*)² + E σ_t² − 2σ* E σ_t + σ*²
    const s = p.sigmaStar;
    out.w2 = mom.meanSqErr.map((D, t) => D + mom.sigma2[t]! - 2 * s * closed.sigma[t]! + s * s);
  }
  return out;
}

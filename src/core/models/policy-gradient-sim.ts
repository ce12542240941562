/**
 * Hot loop of the "policyGradient" model: a softmax policy π = softmax(z) over A actions trained by
 * REINFORCE with a leave-one-out baseline on a noisy verifier reward (paper-math §2.6).
 *
 * Each step draws B actions from π (as counts n_b ~ Mult(B, π)) and a verifier reward r̂ ∈ {0, 1} for each
 * (accepted counts S_b ~ Bin(n_b, μ_b), μ_b = the verifier's acceptance of action b). With the leave-one-out
 * baseline b_i = (S − r̂_i)/(B − 1) the REINFORCE estimate of ∂E r̂/∂z_b is
 * g_b = (1/B) Σ_i (r̂_i − b_i)(1[a_i = b] − π_b) = (B S_b − n_b S) / (B (B − 1)), unbiased for π_b(μ_b − μ̄)
 * (B = 1: no baseline, g_b = S_b − S π_b). The entropy bonus λ_H and the KL penalty β toward π_0 add their
 * exact gradients, −π_b(log π_b + H) and −π_b(log(π_b/π_0b) − KL). Step: z ← z + η Δ.
 * With `expected` the sampled term is replaced by its expectation π_b(μ_b − μ̄) (deterministic mean field).
 */
import type { Rng } from "../rng";
import { binomial } from "../sampling/binomial";
import { multinomial } from "../sampling/multinomial";
import { predictedEntropyChange } from "../theory/entropy-covariance";
import { exp, ln, pow } from "../math";

export interface PolicyGradientConfig {
  /** True reward per action (1 correct, 0 otherwise). */
  reward: Float64Array;
  /** Verifier acceptance (mean proxy reward) per action. */
  accept: Float64Array;
  /** Initial logits z_0. */
  z0: Float64Array;
  eta: number;
  batch: number;
  entropyBonus: number;
  klPenalty: number;
  gradient: "sampled" | "expected";
  k: number;
  generations: number;
}

const LOG2E = 1 / Math.LN2;

/** log-softmax of z into logp; returns nothing (π = exp(logp)). */
function logSoftmax(z: Float64Array, logp: Float64Array, pi: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i]! > max) max = z[i]!;
  let s = 0;
  for (let i = 0; i < z.length; i++) s += exp(z[i]! - max);
  const lse = max + ln(s);
  for (let i = 0; i < z.length; i++) {
    logp[i] = z[i]! - lse;
    pi[i] = exp(logp[i]!);
  }
}

/**
 * One REINFORCE estimate of ∂E r̂/∂z into g (leave-one-out baseline): B actions as counts ~ Mult(B, π),
 * accepted counts ~ Bin(n_b, μ_b), g_b = (B S_b − n_b S)/(B(B − 1)) (B = 1: S_b − S π_b). E g_b = π_b(μ_b − μ̄).
 * counts, tail and accepted are scratch arrays of length ≥ A.
 */
export function reinforceGradient(
  rng: Rng,
  pi: Float64Array,
  accept: Float64Array,
  B: number,
  g: Float64Array,
  counts: Float64Array = new Float64Array(pi.length),
  tail: Float64Array = new Float64Array(pi.length),
  accepted: Float64Array = new Float64Array(pi.length),
): void {
  const A = pi.length;
  multinomial(rng, B, pi, counts, tail, A);
  let S = 0;
  for (let i = 0; i < A; i++) {
    const n = counts[i]!;
    accepted[i] = n > 0 ? binomial(rng, n, accept[i]!) : 0;
    S += accepted[i]!;
  }
  for (let i = 0; i < A; i++) g[i] = B > 1 ? (B * accepted[i]! - counts[i]! * S) / (B * (B - 1)) : accepted[i]! - S * pi[i]!;
}

/** Runs one replicate (rng unused for `expected`). */
export function runPolicyGradient(cfg: PolicyGradientConfig, rng: Rng): Record<string, Float64Array> {
  const A = cfg.z0.length, T = cfg.generations, B = cfg.batch;
  const z = Float64Array.from(cfg.z0);
  const pi = new Float64Array(A), logp = new Float64Array(A), pi0 = new Float64Array(A), logp0 = new Float64Array(A);
  const dz = new Float64Array(A), counts = new Float64Array(A), tail = new Float64Array(A), accepted = new Float64Array(A);
  const entropy = new Float64Array(T + 1), trueReward = new Float64Array(T + 1), proxyReward = new Float64Array(T + 1);
  const passAtK = new Float64Array(T + 1), predicted = new Float64Array(T + 1), realised = new Float64Array(T + 1);
  logSoftmax(z, logp0, pi0);

  const record = (t: number): number => {
    logSoftmax(z, logp, pi);
    let h = 0, r = 0, q = 0;
    for (let i = 0; i < A; i++) {
      h -= pi[i]! * logp[i]!;
      r += pi[i]! * cfg.reward[i]!;
      q += pi[i]! * cfg.accept[i]!;
    }
    entropy[t] = h * LOG2E;
    trueReward[t] = r;
    proxyReward[t] = q;
    passAtK[t] = 1 - pow(1 - Math.min(1, r), cfg.k);
    return h;
  };

  let H = record(0);
  for (let t = 0; t < T; t++) {
    let mean = 0;
    for (let i = 0; i < A; i++) mean += pi[i]! * cfg.accept[i]!;
    if (cfg.gradient === "expected") {
      for (let i = 0; i < A; i++) dz[i] = pi[i]! * (cfg.accept[i]! - mean);
    } else {
      reinforceGradient(rng, pi, cfg.accept, B, dz, counts, tail, accepted);
    }
    if (cfg.entropyBonus > 0) for (let i = 0; i < A; i++) dz[i] = dz[i]! - cfg.entropyBonus * pi[i]! * (logp[i]! + H);
    if (cfg.klPenalty > 0) {
      let kl = 0;
      for (let i = 0; i < A; i++) kl += pi[i]! * (logp[i]! - logp0[i]!);
      for (let i = 0; i < A; i++) dz[i] = dz[i]! - cfg.klPenalty * pi[i]! * (logp[i]! - logp0[i]! - kl);
    }
    for (let i = 0; i < A; i++) dz[i] = cfg.eta * dz[i]!;
    predicted[t + 1] = predictedEntropyChange(pi, dz) * LOG2E;
    for (let i = 0; i < A; i++) z[i] = z[i]! + dz[i]!;
    const next = record(t + 1);
    realised[t + 1] = (next - H) * LOG2E;
    H = next;
  }
  return { entropy, trueReward, proxyReward, passAtK, predictedEntropyChange: predicted, realisedEntropyChange: realised };
}

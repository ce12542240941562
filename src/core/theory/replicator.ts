/**
 * Population (infinite-sample) limit of rejection-sampling fine-tuning (paper-math §2.6, reconstruction):
 * keeping the accepted answers of an infinite batch and refitting multiplies each class by its
 * acceptance probability, π_{t+1}(c) ∝ π_t(c) a_c (discrete replicator dynamics), so
 * π_t(c) = π_0(c) a_c^t / Σ_c' π_0(c') a_c'^t.
 *
 * With a per-round acceptance vector a_s(c) and the geometric KL regulariser
 * π_{t+1} ∝ (π_t a_t)^{1−β} π_0^β, log π_t = log π_0 + Σ_{s<t} (1−β)^{t−s} log a_s + const, which this
 * module evaluates in log space (shift by the maximum), so shares are exact to rounding even when a_c^t
 * underflows. Rounds where the policy has no accepted mass (Σ π a = 0) leave it unchanged.
 */
import { exp, ln, pow } from "../math";

/** Shares π_t = π_0 a^t / Z for one acceptance vector (β = 0), computed in log space. */
export function replicatorShares(pi0: readonly number[], accept: readonly number[], t: number): number[] {
  const logs = pi0.map((p, c) => (p > 0 ? ln(p) + (t === 0 ? 0 : t * ln(accept[c]!)) : -Infinity));
  return normaliseLogs(logs);
}

/** exp(logs − max) / Σ, with −∞ ↦ 0. All −∞ is not allowed (caller guarantees some mass). */
export function normaliseLogs(logs: readonly number[]): number[] {
  let max = -Infinity;
  for (const l of logs) if (l > max) max = l;
  const w = logs.map((l) => (l === -Infinity ? 0 : exp(l - max)));
  const z = w.reduce((s, v) => s + v, 0);
  return w.map((v) => v / z);
}

/**
 * Exponent e_t = Σ_{k=1}^t (1−β)^k of a constant acceptance vector under the geometric KL regulariser:
 * π_t ∝ π_0 a^{e_t}. e_t = t for β = 0 and → (1−β)/β as t → ∞ (the regularised fixed point).
 */
export function klExponent(beta: number, t: number): number {
  if (beta === 0) return t;
  const q = 1 - beta;
  return (q * (1 - pow(q, t))) / beta;
}

/**
 * Closed-form path of the shares for t = 0..T under per-round acceptance vectors `acceptAt(s)` (s = 0..T−1)
 * and the geometric regulariser β ∈ [0, 1]. Returns T + 1 share vectors.
 *
 * A round where the current policy has no accepted mass leaves the policy unchanged; in log space that is
 * detected by every class with positive share having a_s(c) = 0.
 */
export function replicatorPath(pi0: readonly number[], acceptAt: (s: number) => readonly number[], T: number, beta = 0): number[][] {
  const C = pi0.length;
  const log0 = pi0.map((p) => (p > 0 ? ln(p) : -Infinity));
  // ℓ_t(c) = log π_t(c) − log π_0(c) up to a constant: ℓ_{t+1} = (1−β)(ℓ_t + log a_t) (or unchanged).
  let ell = new Array<number>(C).fill(0);
  const out: number[][] = [normaliseLogs(log0)];
  for (let s = 0; s < T; s++) {
    const a = acceptAt(s);
    const next = ell.map((l, c) => (1 - beta) * (l + ln(a[c]!)));
    const alive = next.some((l, c) => log0[c]! > -Infinity && ell[c]! > -Infinity && l > -Infinity);
    if (alive) ell = next;
    out.push(normaliseLogs(ell.map((l, c) => log0[c]! + l)));
  }
  return out;
}

/** Precision of the accepted set with one correct class and homogeneous wrong answers: a⋆π / (a⋆π + a_w(1 − π)). */
export function acceptedPrecision(piCorrect: number, aCorrect: number, aWrong: number): number {
  const num = aCorrect * piCorrect;
  const den = num + aWrong * (1 - piCorrect);
  return den > 0 ? num / den : 0;
}

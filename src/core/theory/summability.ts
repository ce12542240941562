/**
 * Borel–Cantelli / summability quantities for a schedule α_t (paper-math §2.4 iv, test T11): under iid
 * mixture sampling generation s has Bin(n, α_s) real draws, independently across generations.
 */
import trigamma from "@stdlib/math-base-special-trigamma";
import { alphaAt, type ScheduleParams } from "../schedule";
import { expm1, log1p, pow } from "../math";

/** Exact Pr(at least one real draw in generations t0..t1) = 1 − ∏_{s=t0}^{t1} (1 − α_s)^n. */
export function anyRealDrawProbability(s: ScheduleParams, n: number, t0: number, t1: number): number {
  let logNone = 0;
  for (let t = t0; t <= t1; t++) logNone += n * log1p(-Math.min(alphaAt(s, t), 1));
  return -expm1(logNone);
}

/** Union (first Borel–Cantelli) bound on the same probability: n Σ_{s=t0}^{t1} α_s. */
export function expectedRealDraws(s: ScheduleParams, n: number, t0: number, t1: number): number {
  let sum = 0;
  for (let t = t0; t <= t1; t++) sum += alphaAt(s, t);
  return n * sum;
}

/**
 * n Σ_{s≥t0} α_s, the bound on Pr(any real draw after t0); Infinity for non-summable schedules
 * (constant α > 0, inverse). Closed forms: Σ_{s≥t0} s^−2 = ψ′(t0); Σ r^s = r^t0/(1 − r).
 */
export function tailRealDraws(s: ScheduleParams, n: number, t0: number): number {
  switch (s.schedule) {
    case "constant":
      return s.alpha > 0 ? Infinity : 0;
    case "inverse":
      return Infinity;
    case "inverse-square":
      return t0 === 0 ? n * (1 + trigamma(1)) : n * trigamma(t0);
    case "geometric":
      return s.ratio >= 1 ? Infinity : (n * pow(s.ratio, t0)) / (1 - s.ratio);
    case "custom": {
      const list = s.alphaList;
      const last = list[list.length - 1]!;
      if (last > 0) return Infinity;
      let sum = 0;
      for (let t = t0; t < list.length; t++) sum += list[t]!;
      return n * sum;
    }
  }
}

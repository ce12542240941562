/**
 * ε_n, the probability that one MDL identification step picks a program other than the truth h*, bounded
 * by the union bound over the library: ε_n ≤ Σ_{h ≠ h*} P(MDL(h) ≤ MDL(h*)). For each competitor at
 * Hamming distance d from h* (over the N coded bits), with j flips among the d differing positions and r
 * among the other N − d (independent binomials at noise ε), h* has j + r exceptions and h has d − j + r;
 * the probability is an exact double sum (ties count as errors). Then P(h* kept for T identifications)
 * ≥ 1 − T ε_n (paper-math §2.7, reconstruction).
 */
import { exceptionBits, log2Binomial } from "./bits";
import { log2, pow } from "../math";

function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  if (p <= 0) {
    out[0] = 1;
    return out;
  }
  for (let k = 0; k <= n; k++) out[k] = pow(2, log2Binomial(n, k) + k * log2(p) + (n - k) * log2(1 - p));
  return out;
}

const CUT = 1e-18;

export interface Competitor {
  /** L(h) − L(h*), bits. */
  extraBits: number;
  /** Hamming distance to h* over the N coded bits. */
  distance: number;
}

/** Union bound on the per-step misidentification probability for N coded bits at noise ε. */
export function misidentificationBound(competitors: readonly Competitor[], N: number, eps: number): number {
  const cache = new Map<number, Float64Array>();
  const pmf = (m: number): Float64Array => {
    let v = cache.get(m);
    if (!v) cache.set(m, (v = binomialPmf(m, eps)));
    return v;
  };
  let total = 0;
  for (const { extraBits, distance: d } of competitors) {
    if (d === 0) continue;
    const pj = pmf(d);
    const pr = pmf(N - d);
    // Terms below 1e-18 are skipped; their total mass is added back, so the result stays an upper bound.
    let p = CUT * (d + 1 + N - d + 1);
    for (let j = 0; j <= d; j++) {
      if (pj[j]! < CUT) continue;
      for (let r = 0; r <= N - d; r++) {
        if (pr[r]! < CUT) continue;
        const truth = exceptionBits(N, j + r);
        const other = extraBits + exceptionBits(N, d - j + r);
        if (other <= truth) p += pj[j]! * pr[r]!;
      }
    }
    total += p;
  }
  return Math.min(1, total);
}

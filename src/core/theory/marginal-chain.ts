/**
 * Exact expected metrics of the categorical model via the marginal chain of each category.
 *
 * Under "replace" with temperature 1 and no top-k, the count of one category evolves as a Markov chain
 * on {0..n} by itself: c' | c = j ~ Bin(n, α_t π_i + (1 − α_t) j/n) (iid mixture) or
 * Bin(round(α_t n), π_i) + Bin(n − round(α_t n), j/n) (stratified). Every reported metric is a sum over
 * categories of a function of one count (entropy, Σp², support, missed mass) or of disjoint events
 * (fixed ⇔ some c_i = n), so its expectation is exact from the marginals (test T3 and the overlays).
 * Cost: O(groups · T · n²), with categories sharing (p0_i, π_i) computed once.
 */
import { binomialPmf } from "./binomial-pmf";
import { propagate } from "./markov-chain";
import type { Sampling } from "../models/categorical-sim";
import { log2, pow } from "../math";

export interface MarginalInput {
  p0: Float64Array;
  truth: Float64Array;
  n: number;
  generations: number;
  /** α_0..α_generations. */
  alphas: Float64Array;
  sampling: Sampling;
}

export interface ExpectedCategoricalMetrics {
  entropy: number[];
  giniSimpson: number[];
  support: number[];
  missingMass: number[];
  fixed: number[];
}

/** Default work budget (multiply-adds) above which callers should skip the exact chains. */
export const MARGINAL_BUDGET = 4e7;

function groups(p0: Float64Array, truth: Float64Array): { x: number; pi: number; count: number }[] {
  const map = new Map<string, { x: number; pi: number; count: number }>();
  for (let i = 0; i < p0.length; i++) {
    const key = `${p0[i]}|${truth[i]}`;
    const g = map.get(key);
    if (g) g.count++;
    else map.set(key, { x: p0[i]!, pi: truth[i]!, count: 1 });
  }
  return [...map.values()];
}

/** Approximate multiply-adds needed by expectedCategoricalMetrics (to decide whether to run it). */
export function marginalCost(input: MarginalInput): number {
  const { n, generations: T, alphas, sampling } = input;
  const m = n + 1;
  let builds = 1;
  let maxAlpha = alphas[0] ?? 0;
  for (let t = 1; t < T; t++) {
    if (alphas[t] !== alphas[t - 1]) builds++;
    if (alphas[t]! > maxAlpha) maxAlpha = alphas[t]!;
  }
  const build = sampling === "iid" ? m * m : m * m * (Math.min(n, Math.round(maxAlpha * n)) + 1);
  return groups(input.p0, input.truth).length * (T * m * m + builds * build);
}

/** Distribution of the next count given proportion x (writes n+1 values at out[offset..]). */
function stepPmf(n: number, alpha: number, pi: number, x: number, sampling: Sampling, out: Float64Array, offset: number, a: Float64Array, b: Float64Array): void {
  if (sampling === "iid") {
    binomialPmf(n, alpha * pi + (1 - alpha) * x, out, offset);
    return;
  }
  const real = Math.round(alpha * n);
  binomialPmf(real, pi, a);
  binomialPmf(n - real, x, b);
  out.fill(0, offset, offset + n + 1);
  for (let r = 0; r <= real; r++) {
    const ar = a[r]!;
    if (ar === 0) continue;
    for (let s = 0; s <= n - real; s++) out[offset + r + s] = out[offset + r + s]! + ar * b[s]!;
  }
}

/** Probability that a category with proportion x gets no draw in a training set of generation t. */
function zeroProbability(n: number, alpha: number, pi: number, x: number, sampling: Sampling): number {
  if (sampling === "iid") return pow(1 - (alpha * pi + (1 - alpha) * x), n);
  const real = Math.round(alpha * n);
  return pow(1 - pi, real) * pow(1 - x, n - real);
}

/** Exact E[metric_t] for t = 0..generations (entropy in bits). */
export function expectedCategoricalMetrics(input: MarginalInput): ExpectedCategoricalMetrics {
  const { n, generations: T, alphas, sampling } = input;
  const m = n + 1;
  const out: ExpectedCategoricalMetrics = {
    entropy: new Array<number>(T + 1).fill(0),
    giniSimpson: new Array<number>(T + 1).fill(1),
    support: new Array<number>(T + 1).fill(0),
    missingMass: new Array<number>(T + 1).fill(0),
    fixed: new Array<number>(T + 1).fill(0),
  };
  const h = new Float64Array(m);
  for (let j = 1; j <= n; j++) h[j] = -(j / n) * log2(j / n);
  const kernel = new Float64Array(m * m);
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  const dist = new Float64Array(m);
  const next = new Float64Array(m);
  let support0 = 0;
  for (const { x, pi, count } of groups(input.p0, input.truth)) {
    if (x > 0) support0 += count;
    // t = 0: p0 itself.
    if (x > 0) out.entropy[0] += count * -x * log2(x);
    out.giniSimpson[0] -= count * x * x;
    out.support[0] += x > 0 ? count : 0;
    out.missingMass[0] += count * x * zeroProbability(n, alphas[0]!, pi, x, sampling);
    if (T === 0) continue;
    stepPmf(n, alphas[0]!, pi, x, sampling, dist, 0, a, b);
    let kernelAlpha = Number.NaN;
    for (let t = 1; t <= T; t++) {
      const alpha = alphas[t]!;
      let e = 0, s2 = 0, miss = 0;
      for (let j = 0; j <= n; j++) {
        const d = dist[j]!;
        if (d === 0) continue;
        e += d * h[j]!;
        s2 += d * (j / n) * (j / n);
        miss += d * (j / n) * zeroProbability(n, alpha, pi, j / n, sampling);
      }
      out.entropy[t] += count * e;
      out.giniSimpson[t] -= count * s2;
      out.support[t] += count * (1 - dist[0]!);
      out.missingMass[t] += count * miss;
      out.fixed[t] += count * dist[n]!;
      if (t === T) break;
      if (alpha !== kernelAlpha) {
        for (let j = 0; j <= n; j++) stepPmf(n, alpha, pi, j / n, sampling, kernel, j * m, a, b);
        kernelAlpha = alpha;
      }
      propagate(dist, kernel, next, m);
      dist.set(next);
    }
  }
  out.fixed[0] = support0 === 1 ? 1 : 0;
  return out;
}

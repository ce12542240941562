/**
 * The saturated discrete self-training loop (paper-math §2.1): at generation t the training set D_t
 * has n draws from q_t = α_t π* + (1 − α_t) T(p_t), where T applies temperature and top-k to the
 * model, and the refit model is the empirical distribution of the kept data.
 *
 * Hot loop: typed arrays allocated once per replicate, O(K) work per generation (multinomials by
 * conditional binomials), no closures or per-sample allocation.
 */
import type { Rng } from "../rng";
import { multinomial } from "../sampling/multinomial";
import { multivariateHypergeometric } from "../sampling/hypergeometric";
import { exp, ln } from "../math";

export type Sampling = "iid" | "stratified";
export type Workflow = "replace" | "accumulate" | "accumulate-subsample";

/** Fully resolved inputs of one categorical run (what the model builds from its parameters). */
export interface CategoricalConfig {
  /** Initial model p_0 (normalised, length K). */
  p0: Float64Array;
  /** Exogenous truth π* (normalised, length K); the public model uses π* = p0. */
  truth: Float64Array;
  n: number;
  generations: number;
  /** α_0..α_generations. */
  alphas: Float64Array;
  /** "iid": each draw is real with probability α_t; "stratified": exactly round(α_t n) real draws. */
  sampling: Sampling;
  /** "replace": refit on D_t; "accumulate": on D_0 ∪ … ∪ D_t; "accumulate-subsample": on n draws without replacement from that pool. */
  workflow: Workflow;
  /** Sampling temperature τ: the model samples ∝ p^(1/τ). */
  temperature: number;
  /** Keep only the topK most probable categories when sampling (0 = off). */
  topK: number;
}

/** Per-generation paths of one replicate (index t = 0..generations). */
export interface CategoricalPaths {
  entropy: Float64Array;
  giniSimpson: Float64Array;
  support: Float64Array;
  missingMass: Float64Array;
  fixed: Float64Array;
}

/** Writes the sampling distribution T(p) (temperature, then top-k) into w. */
function transform(p: Float64Array, w: Float64Array, K: number, temperature: number, topK: number, scratch: Float64Array): void {
  if (temperature !== 1) {
    let maxLog = -Infinity;
    for (let i = 0; i < K; i++) if (p[i]! > 0) maxLog = Math.max(maxLog, ln(p[i]!));
    const inv = 1 / temperature;
    let sum = 0;
    for (let i = 0; i < K; i++) {
      const v = p[i]! > 0 ? exp((ln(p[i]!) - maxLog) * inv) : 0;
      w[i] = v;
      sum += v;
    }
    for (let i = 0; i < K; i++) w[i] = w[i]! / sum;
  } else {
    w.set(p);
  }
  if (topK > 0 && topK < K) {
    scratch.set(w);
    scratch.sort();
    const threshold = scratch[K - topK]!;
    let above = 0;
    for (let i = 0; i < K; i++) if (w[i]! > threshold) above++;
    let ties = topK - above; // equal-to-threshold entries kept in index order
    let sum = 0;
    for (let i = 0; i < K; i++) {
      const v = w[i]!;
      if (v > threshold || (v === threshold && ties-- > 0)) sum += v;
      else w[i] = 0;
    }
    for (let i = 0; i < K; i++) w[i] = w[i]! / sum;
  }
}

/**
 * Runs one replicate. If `frames` is given (length (generations+1)·K), p_t is stored at offset t·K.
 * missingMass[t] is the mass of p_t in categories that got no draw in D_t (one extra draw is made at
 * the last generation for it).
 */
export function runCategorical(cfg: CategoricalConfig, rng: Rng, frames: Float64Array | null = null): CategoricalPaths {
  const { n, generations: T, alphas, sampling, workflow, temperature, topK, truth } = cfg;
  const K = cfg.p0.length;
  const out: CategoricalPaths = {
    entropy: new Float64Array(T + 1),
    giniSimpson: new Float64Array(T + 1),
    support: new Float64Array(T + 1),
    missingMass: new Float64Array(T + 1),
    fixed: new Float64Array(T + 1),
  };
  const p = Float64Array.from(cfg.p0);
  const transformed = temperature !== 1 || (topK > 0 && topK < K);
  const w = transformed ? new Float64Array(K) : p;
  const scratch = new Float64Array(K);
  const q = new Float64Array(K);
  const tail = new Float64Array(K);
  const counts = new Float64Array(K);
  const extra = sampling === "stratified" ? new Float64Array(K) : counts;
  const pool = workflow === "replace" ? counts : new Float64Array(K);
  const sub = workflow === "accumulate-subsample" ? new Float64Array(K) : counts;
  let poolTotal = 0;
  let lastReal = -1;
  for (let t = 0; t <= T; t++) if (alphas[t]! > 0) lastReal = t;

  for (let t = 0; t <= T; t++) {
    // Metrics of p_t in one pass.
    let h = 0;
    let s2 = 0;
    let support = 0;
    for (let i = 0; i < K; i++) {
      const v = p[i]!;
      if (v > 0) {
        h -= v * ln(v);
        s2 += v * v;
        support++;
      }
    }
    out.entropy[t] = h / Math.LN2;
    out.giniSimpson[t] = 1 - s2;
    out.support[t] = support;
    out.fixed[t] = support === 1 ? 1 : 0;
    if (frames) for (let i = 0, o = t * K; i < K; i++) frames[o + i] = p[i]!;

    // A point mass with no real data to come is absorbing under "replace": fill the rest.
    if (support === 1 && workflow === "replace" && t > lastReal) {
      for (let s = t + 1; s <= T; s++) {
        out.support[s] = 1;
        out.fixed[s] = 1;
        if (frames) for (let i = 0, o = s * K; i < K; i++) frames[o + i] = p[i]!;
      }
      out.missingMass[t] = 0;
      break;
    }

    // Draw D_t from q_t.
    if (transformed) transform(p, w, K, temperature, topK, scratch);
    const alpha = alphas[t]!;
    if (sampling === "iid") {
      if (alpha === 0) multinomial(rng, n, w, counts, tail, K);
      else {
        for (let i = 0; i < K; i++) q[i] = alpha * truth[i]! + (1 - alpha) * w[i]!;
        multinomial(rng, n, q, counts, tail, K);
      }
    } else {
      const real = Math.round(alpha * n);
      multinomial(rng, real, truth, counts, tail, K);
      multinomial(rng, n - real, w, extra, tail, K);
      for (let i = 0; i < K; i++) counts[i] = counts[i]! + extra[i]!;
    }
    let missed = 0;
    for (let i = 0; i < K; i++) if (counts[i] === 0) missed += p[i]!;
    out.missingMass[t] = missed;
    if (t === T) break;

    // Refit.
    if (workflow === "replace") {
      for (let i = 0; i < K; i++) p[i] = counts[i]! / n;
    } else {
      for (let i = 0; i < K; i++) pool[i] = pool[i]! + counts[i]!;
      poolTotal += n;
      if (workflow === "accumulate") {
        for (let i = 0; i < K; i++) p[i] = pool[i]! / poolTotal;
      } else {
        multivariateHypergeometric(rng, n, pool, sub, K);
        for (let i = 0; i < K; i++) p[i] = sub[i]! / n;
      }
    }
  }
  return out;
}

/**
 * Model "bounded": the random walk of "truth" on a bounded support (paper-math §2.3, simulation S3).
 * A model over fixed real atoms x_i is refit each generation; m_t = Σ p_t x is its estimate of the
 * truth and s_t² = Var_{p_t}(X) its internal diversity.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Rng } from "../rng";
import { multinomial } from "../sampling/multinomial";
import { alphaSeries, scheduleSchema, type ScheduleKind } from "../schedule";
import type { Schema } from "../schema";
import { boundedMoments } from "../theory/bounded";
import type { Sampling } from "./categorical-sim";
import { samplingSpec } from "./discrete-options";

export type BoundedParams = {
  values: number[];
  weights: number[];
  n: number;
  generations: number;
  alpha: number;
  schedule: ScheduleKind;
  ratio: number;
  alphaList: number[];
  sampling: Sampling;
};

export const boundedSchema: Schema<BoundedParams> = {
  params: {
    values: { type: "list", label: "Atoms x", help: "The real values the model can put mass on.", minLength: 1, maxLength: 1000, min: -1e9, max: 1e9, default: [0, 1, 2, 3, 10] },
    weights: { type: "list", label: "Weights p₀ = π*", help: "Initial weights of the atoms (normalised); also the truth.", minLength: 1, maxLength: 1000, min: 0, max: 1e9, default: [0.3, 0.2, 0.2, 0.2, 0.1] },
    n: { type: "int", label: "Samples per generation n", help: "Training-set size drawn each generation.", unit: "n", min: 1, max: 1_000_000_000, scale: "log", default: 20 },
    generations: { type: "int", label: "Generations", help: "Number of retraining rounds T.", min: 0, max: 100_000, default: 100 },
    ...scheduleSchema,
    sampling: samplingSpec,
  },
  check: (p) => {
    if (p.weights.length !== p.values.length) {
      throw new ParamError("weights", `exactly one weight per atom (${p.values.length})`, `${p.weights.length} weights`);
    }
    if (!(p.weights.reduce((s, w) => s + w, 0) > 0)) throw new ParamError("weights", "weights with a positive sum", "all zeros");
    if (p.values.length * (p.generations + 1) > 1e7) {
      throw new ParamError("generations", "at most 1e7 / (number of atoms) − 1", String(p.generations));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "mean", label: "Model mean m_t", help: "Σ p_t x: the model's estimate of the truth; a martingale when α = 0." },
  { name: "variance", label: "Model variance s_t²", help: "Var under p_t: the model's internal diversity." },
];

function normalised(weights: readonly number[]): Float64Array {
  const s = weights.reduce((a, b) => a + b, 0);
  return Float64Array.from(weights, (w) => w / s);
}

/** One replicate: m_t and s_t² for t = 0..generations. */
export function runBounded(params: BoundedParams, rng: Rng): { mean: Float64Array; variance: Float64Array } {
  const K = params.values.length;
  const x = Float64Array.from(params.values);
  const truth = normalised(params.weights);
  const p = Float64Array.from(truth);
  const q = new Float64Array(K);
  const counts = new Float64Array(K);
  const extra = new Float64Array(K);
  const tail = new Float64Array(K);
  const alphas = alphaSeries(params, params.generations + 1);
  const { n, generations: T } = params;
  const mean = new Float64Array(T + 1);
  const variance = new Float64Array(T + 1);
  for (let t = 0; t <= T; t++) {
    let m = 0;
    for (let i = 0; i < K; i++) m += p[i]! * x[i]!;
    let v = 0;
    for (let i = 0; i < K; i++) v += p[i]! * (x[i]! - m) * (x[i]! - m);
    mean[t] = m;
    variance[t] = v;
    if (t === T) break;
    const alpha = alphas[t]!;
    if (params.sampling === "iid") {
      for (let i = 0; i < K; i++) q[i] = alpha * truth[i]! + (1 - alpha) * p[i]!;
      multinomial(rng, n, q, counts, tail, K);
    } else {
      const real = Math.round(alpha * n);
      multinomial(rng, real, truth, counts, tail, K);
      multinomial(rng, n - real, p, extra, tail, K);
      for (let i = 0; i < K; i++) counts[i] = counts[i]! + extra[i]!;
    }
    for (let i = 0; i < K; i++) p[i] = counts[i]! / n;
  }
  return { mean, variance };
}

/** Exact E m_t, E s_t² and Var m_t (theory/bounded.ts). */
export function boundedTheory(params: BoundedParams): { mean: number[]; variance: number[]; varianceOfMean: number[] } {
  return boundedMoments(params.values, params.weights, params.n, alphaSeries(params, params.generations + 1), params.sampling);
}

export const bounded: Model<BoundedParams> = {
  id: "bounded",
  label: "Random walk of the truth on bounded atoms",
  description:
    "A model over fixed real values is refit each generation on n draws from α_t π* + (1 − α_t) p_t. " +
    "Its mean m_t wanders as a martingale inside [min x, max x] while its variance decays as (1 − 1/n)^t: " +
    "variance moves from within a model to between runs (E s_t² + Var m_t = s*²). Theory: exact E m_t and E s_t² for any schedule.",
  schema: boundedSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => ({ ...runBounded(p, rng) }),
  theory: (p) => {
    const th = boundedTheory(p);
    // "mean:var" (Var m_t across runs) feeds the within/between stacked chart of chapter 4.
    return { mean: th.mean, variance: th.variance, "mean:var": th.varianceOfMean };
  },
};

/**
 * Model "dpi-sample": the data-processing-inequality meter by simulation (paper-math §2.5, S7). The
 * companion of model "dpi", which computes I(θ; k_t) exactly; this one samples worlds and loops and
 * averages the pointwise information, so the exact curve can be tested against a simulation.
 *
 * One replicate draws a world θ ~ U(0,1), then k_0 ~ Bin(n, θ) and k_{t+1} ~ Bin(n, αθ + (1−α)k_t/n),
 * and reports the information density i_t = log₂ P(k_t | θ) / P(k_t). Its expectation over worlds and
 * runs is exactly I(θ; k_t): E i_t = Σ_k ∫ P(k|θ) log₂(P(k|θ)/P(k)) dθ. P(· | θ) is propagated
 * exactly along the run (it depends on the drawn θ only); the marginal P(k_t) is exact for α = 0
 * (uniform at t = 0, then the closed kernel) and otherwise the same graded Gauss–Legendre rule as the
 * exact curve (theory/dpi.ts), accurate far below the Monte Carlo error.
 */
import type { MetricSpec, Model, ReplicatePaths } from "../model";
import type { Rng } from "../rng";
import { binomial } from "../sampling/binomial";
import type { Schema } from "../schema";
import { binomialPmf } from "../theory/binomial-pmf";
import { mutualInformationCurve } from "../theory/dpi";
import { propagate } from "../theory/markov-chain";
import { compositeUnitRule } from "../theory/quadrature";
import { dpiSchema, type DpiParams } from "./dpi";
import { log2 } from "../math";

/** The same parameters as model "dpi" (one schema, so the two stay interchangeable). */
export type DpiSampleParams = DpiParams;

/**
 * The exact model's schema: the marginal costs as much as the exact curve (same nodes), so the same
 * budget (MAX_DPI_WORK) applies.
 */
export const dpiSampleSchema: Schema<DpiSampleParams> = dpiSchema;

const METRICS: MetricSpec[] = [
  {
    name: "information",
    label: "Information density log₂ P(k_t | φ)/P(k_t)",
    help: "What this run's data say about its world φ; its mean over worlds and runs is I(φ; k_t).",
    unit: "bits",
  },
];

/** P(k_t = k) for t = 0..T, k = 0..n, at offset t(n+1) + k. */
function marginals(p: DpiSampleParams): Float64Array {
  const { n, alpha, generations: T } = p;
  const m = n + 1;
  const out = new Float64Array((T + 1) * m);
  const kernel = new Float64Array(m * m);
  const dist = new Float64Array(m);
  const next = new Float64Array(m);
  const step = (theta: number) => {
    for (let j = 0; j <= n; j++) binomialPmf(n, alpha * theta + (1 - alpha) * (j / n), kernel, j * m);
  };
  if (alpha === 0) {
    step(0);
    dist.fill(1 / m);
    for (let t = 0; t <= T; t++) {
      out.set(dist, t * m);
      if (t === T) break;
      propagate(dist, kernel, next, m);
      dist.set(next);
    }
    return out;
  }
  const { x: nodes, w: weights } = compositeUnitRule(8, 8, 12);
  for (let g = 0; g < nodes.length; g++) {
    step(nodes[g]!);
    binomialPmf(n, nodes[g]!, dist);
    for (let t = 0; t <= T; t++) {
      for (let k = 0; k <= n; k++) out[t * m + k] = out[t * m + k]! + weights[g]! * dist[k]!;
      if (t === T) break;
      propagate(dist, kernel, next, m);
      dist.set(next);
    }
  }
  return out;
}

let cacheKey = "";
let cacheMarginal: Float64Array = new Float64Array(0);
let cacheCurve: number[] = [];

function cached(p: DpiSampleParams): { marginal: Float64Array; curve: number[] } {
  const key = `${p.n}|${p.alpha}|${p.generations}`;
  if (key !== cacheKey) {
    cacheMarginal = marginals(p);
    cacheCurve = mutualInformationCurve(p.n, p.alpha, p.generations);
    cacheKey = key;
  }
  return { marginal: cacheMarginal, curve: cacheCurve };
}

function replicate(p: DpiSampleParams, rng: Rng): ReplicatePaths {
  const { n, alpha, generations: T } = p;
  const m = n + 1;
  const { marginal } = cached(p);
  const theta = rng();
  const kernel = new Float64Array(m * m);
  for (let j = 0; j <= n; j++) binomialPmf(n, alpha * theta + (1 - alpha) * (j / n), kernel, j * m);
  const dist = new Float64Array(m);
  const next = new Float64Array(m);
  binomialPmf(n, theta, dist);
  const information = new Float64Array(T + 1);
  let k = binomial(rng, n, theta);
  for (let t = 0; t <= T; t++) {
    information[t] = log2(dist[k]! / marginal[t * m + k]!);
    if (t === T) break;
    k = binomial(rng, n, alpha * theta + (1 - alpha) * (k / n));
    propagate(dist, kernel, next, m);
    dist.set(next);
  }
  return { information };
}

export const dpiSample: Model<DpiSampleParams> = {
  id: "dpi-sample",
  label: "Data-processing inequality, sampled: information density in the Beta–Bernoulli chain",
  description:
    "Each replicate draws a world φ ~ U(0,1) and runs the loop k_{t+1} ~ Bin(n, αφ + (1 − α)k_t/n) from k_0 ~ Bin(n, φ); the metric is " +
    "log₂ P(k_t | φ)/P(k_t), whose mean over replicates estimates I(φ; k_t) (the world is called θ in model \"dpi\"). Theory: the exact curve of model \"dpi\".",
  schema: dpiSampleSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate,
  theory: (p) => ({ information: cached(p).curve.slice() }),
};

/**
 * Model "grounding-sweep": the categorical loop with a constant real-data fraction α, run for T
 * generations at each point of a log-spaced grid of θ = 2nα (paper-math §2.4 i, simulation S2).
 * The x axis is log₁₀ θ, not the generation: one replicate is one run per grid point, and the metric
 * is the diversity that run keeps relative to the world's, G(p_T)/G(π*). Chapter "Grounding" uses it
 * to show that the stationary diversity depends on n and α essentially only through θ.
 *
 * Theory is exact at every grid point: E Σp_T² from the iid recursion (theory/categorical.ts), which
 * tends to the stationary ratio (1−1/n)(1−(1−α)²)/(1−(1−1/n)(1−α)²) geometrically fast, at rate
 * (1−1/n)(1−α)² per generation. Extra theory keys: `ratio:stationary` (that limit) and `ratio:approx`
 * (θ/(1+θ)), so prose can quote either.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model, ReplicatePaths } from "../model";
import type { Rng } from "../rng";
import type { Schema } from "../schema";
import { stationaryDiversityRatio, sumSquaresRecursion, thetaApproxRatio } from "../theory/categorical";
import { checkInitFits, initialDistribution, parseInit } from "./categorical-init";
import { categoricalSchema } from "./categorical";
import { runCategorical, type CategoricalConfig } from "./categorical-sim";
import { exp, ln, log10 } from "../math";

export type GroundingSweepParams = {
  K: number;
  n: number;
  init: string;
  initSeed: number;
  thetaMin: number;
  thetaMax: number;
  points: number;
  generations: number;
};

/** Largest points·K·(generations+1): the same per-replicate work bound as the categorical model. */
export const MAX_SWEEP_WORK = 1e7;

export const groundingSweepSchema: Schema<GroundingSweepParams> = {
  params: {
    K: { type: "int", label: "Categories K", help: "Number of categories.", unit: "K", min: 2, max: 1000, scale: "log", default: 10 },
    n: { type: "int", label: "Samples per generation n", help: "Training-set size drawn each generation.", unit: "n", min: 2, max: 100_000, scale: "log", default: 50 },
    init: { ...categoricalSchema.params.init, default: "uniform" },
    initSeed: categoricalSchema.params.initSeed,
    thetaMin: { type: "float", label: "Smallest θ", help: "Left end of the θ = 2nα grid (log-spaced).", unit: "θ", min: 0.001, max: 1000, step: 0.001, scale: "log", default: 0.02 },
    thetaMax: { type: "float", label: "Largest θ", help: "Right end of the θ grid; at most 2n (α ≤ 1).", unit: "θ", min: 0.01, max: 10_000, step: 0.01, scale: "log", default: 50 },
    points: { type: "int", label: "Grid points", help: "Number of θ values (log-spaced, both ends included).", min: 2, max: 41, default: 18 },
    generations: { type: "int", label: "Generations per run", help: "Each run starts at p₀ = π* and is read at generation T.", min: 1, max: 20_000, default: 300 },
  },
  check: (p) => {
    checkInitFits(parseInit(p.init), p.K);
    if (p.thetaMin >= p.thetaMax) throw new ParamError("thetaMax", `a value above the smallest θ (${p.thetaMin})`, String(p.thetaMax));
    if (p.thetaMax > 2 * p.n) throw new ParamError("thetaMax", `at most 2n = ${2 * p.n} (α = θ/(2n) ≤ 1)`, String(p.thetaMax));
    if (p.points * p.K * (p.generations + 1) > MAX_SWEEP_WORK) {
      const maxT = Math.floor(MAX_SWEEP_WORK / (p.points * p.K)) - 1;
      throw new ParamError("generations", `at most ${maxT} when K = ${p.K} and points = ${p.points} (points·K·(T+1) ≤ ${MAX_SWEEP_WORK})`, String(p.generations));
    }
  },
};

/** The θ grid, log-spaced from thetaMin to thetaMax inclusive. */
export function thetaGrid(p: GroundingSweepParams): number[] {
  const a = ln(p.thetaMin), b = ln(p.thetaMax);
  return Array.from({ length: p.points }, (_, i) => (i === p.points - 1 ? p.thetaMax : exp(a + ((b - a) * i) / (p.points - 1))));
}

const METRICS: MetricSpec[] = [
  { name: "ratio", label: "G(p_T) / G(π*)", help: "Diversity kept after T generations, relative to the world's." },
  { name: "timeAverage", label: "Time-averaged G(p_t) / G(π*)", help: "The same ratio averaged over the second half of the run (t from ⌈T/2⌉ to T)." },
];

let cacheKey = "";
let cacheP0: Float64Array = new Float64Array(0);

function truth(p: GroundingSweepParams): Float64Array {
  const key = `${p.K}|${p.init}|${p.initSeed}`;
  if (key !== cacheKey) {
    cacheP0 = initialDistribution(parseInit(p.init), p.K, p.initSeed);
    cacheKey = key;
  }
  return cacheP0;
}

function gini(p0: Float64Array): number {
  let s = 0;
  for (const v of p0) s += v * v;
  return 1 - s;
}

function config(p: GroundingSweepParams, p0: Float64Array, alpha: number): CategoricalConfig {
  return {
    p0, truth: p0, n: p.n, generations: p.generations,
    alphas: new Float64Array(p.generations + 1).fill(alpha),
    sampling: "iid", workflow: "replace", temperature: 1, topK: 0,
  };
}

/** First generation of the time-average window. */
const windowStart = (T: number) => Math.ceil(T / 2);

export const groundingSweep: Model<GroundingSweepParams> = {
  id: "grounding-sweep",
  label: "Grounding sweep: diversity kept against θ = 2nα",
  description:
    "For each θ on a log grid, the categorical loop with constant real fraction α = θ/(2n) (i.i.d. mixture, replace) runs T " +
    "generations from p₀ = π*; the metric is G(p_T)/G(π*). The x axis is log₁₀ θ. Theory: the exact expectation from the Σp² " +
    "recursion, which tends to (1−1/n)(1−(1−α)²)/(1−(1−1/n)(1−α)²) ≈ θ/(1+θ).",
  schema: groundingSweepSchema,
  metrics: () => METRICS,
  // Rounded to 3 decimals: the axis position is unaffected and the value reads well in text and CSV.
  generations: (p) => thetaGrid(p).map((th) => Math.round(log10(th) * 1000) / 1000),
  replicate: (p: GroundingSweepParams, rng: Rng): ReplicatePaths => {
    const p0 = truth(p);
    const G = gini(p0);
    const ratio = new Float64Array(p.points);
    const timeAverage = new Float64Array(p.points);
    const from = windowStart(p.generations);
    thetaGrid(p).forEach((th, i) => {
      const g = runCategorical(config(p, p0, th / (2 * p.n)), rng).giniSimpson;
      ratio[i] = g[p.generations]! / G;
      let s = 0;
      for (let t = from; t <= p.generations; t++) s += g[t]!;
      timeAverage[i] = s / (p.generations - from + 1) / G;
    });
    return { ratio, timeAverage };
  },
  theory: (p) => {
    const p0 = truth(p);
    const G = gini(p0);
    const from = windowStart(p.generations);
    const out: Record<string, number[]> = { ratio: [], timeAverage: [], "ratio:stationary": [], "ratio:approx": [] };
    for (const th of thetaGrid(p)) {
      const alpha = th / (2 * p.n);
      const F = sumSquaresRecursion({ p0, truth: p0, n: p.n, alphas: new Float64Array(p.generations + 1).fill(alpha), sampling: "iid" });
      out.ratio!.push((1 - F[p.generations]!) / G);
      let s = 0;
      for (let t = from; t <= p.generations; t++) s += 1 - F[t]!;
      out.timeAverage!.push(s / (p.generations - from + 1) / G);
      out["ratio:stationary"]!.push(stationaryDiversityRatio(p.n, alpha));
      out["ratio:approx"]!.push(thetaApproxRatio(p.n, alpha));
    }
    return out;
  },
};

/**
 * Model "dpi": the data-processing-inequality meter (paper-math §2.5, simulation S7). Deterministic:
 * replicate() returns the exact curve I(θ; k_t) (no sampling; the stream is not used), so every
 * replicate is identical and the ensemble SE is 0.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Schema } from "../schema";
import { dpiCost, mutualInformationCurve } from "../theory/dpi";

export type DpiParams = {
  n: number;
  alpha: number;
  generations: number;
};

/** Work bound (multiply-adds) for one exact curve: about a second on a slow machine. */
export const MAX_DPI_WORK = 3e8;

export const dpiSchema: Schema<DpiParams> = {
  params: {
    n: { type: "int", label: "Samples per generation n", help: "Bernoulli draws per generation.", unit: "n", min: 1, max: 200, default: 20 },
    alpha: { type: "float", label: "Real-data fraction α", help: "Each draw comes from the true θ with probability α.", unit: "α", min: 0, max: 1, step: 0.01, default: 0 },
    generations: { type: "int", label: "Generations", help: "Number of retraining rounds T.", min: 0, max: 5000, default: 100 },
  },
  check: (p) => {
    if (dpiCost(p.n, p.generations) > MAX_DPI_WORK) {
      const maxT = Math.floor(MAX_DPI_WORK / dpiCost(p.n, 0)) - 1;
      throw new ParamError("generations", `at most ${maxT} when n = ${p.n} (exact computation budget)`, String(p.generations));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "mutualInformation", label: "I(θ; k_t)", help: "Information the generation-t data carry about the true θ (exact).", unit: "bits" },
];

let cacheKey = "";
let cacheCurve: number[] = [];

function curve(p: DpiParams): number[] {
  const key = `${p.n}|${p.alpha}|${p.generations}`;
  if (key !== cacheKey) {
    cacheCurve = mutualInformationCurve(p.n, p.alpha, p.generations);
    cacheKey = key;
  }
  return cacheCurve;
}

export const dpi: Model<DpiParams> = {
  id: "dpi",
  label: "Data-processing inequality: Beta–Bernoulli chain",
  description:
    "θ ~ U(0,1); k_0 ~ Bin(n, θ); k_{t+1} ~ Bin(n, α θ + (1 − α) k_t/n). The metric I(θ; k_t) is computed exactly " +
    "(kernel propagation and Gauss–Legendre quadrature over θ), not sampled: replicate() returns the exact curve. " +
    "With α = 0 it can only fall (DPI), towards 1 − 1/(2 ln 2) ≈ 0.279 bits; with α > 0 it plateaus higher.",
  schema: dpiSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p) => ({ mutualInformation: Float64Array.from(curve(p)) }),
  theory: (p) => ({ mutualInformation: curve(p).slice() }),
};

/**
 * Model "categorical": the saturated discrete self-training loop (haploid Wright–Fisher when α = 0).
 * Chapters on entropy decay and on the grounding fraction α use it (simulations S1, S1b–d, S2, S2b).
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Rng } from "../rng";
import { alphaSeries, scheduleSchema, type ScheduleKind } from "../schedule";
import type { Schema } from "../schema";
import { sumSquaresAccumulate, sumSquaresRecursion } from "../theory/categorical";
import { MARGINAL_BUDGET, expectedCategoricalMetrics, marginalCost } from "../theory/marginal-chain";
import { INIT_ALLOWED, MAX_INIT_TEXT, checkInitFits, formatInit, initialDistribution, parseInit } from "./categorical-init";
import { runCategorical, type CategoricalConfig, type Sampling, type Workflow } from "./categorical-sim";
import { samplingSpec, workflowSpec } from "./discrete-options";

export type CategoricalParams = {
  K: number;
  n: number;
  generations: number;
  init: string;
  initSeed: number;
  alpha: number;
  schedule: ScheduleKind;
  ratio: number;
  alphaList: number[];
  sampling: Sampling;
  workflow: Workflow;
  temperature: number;
  topK: number;
};

/** Largest K·(generations+1) accepted: bounds one replicate to a few seconds in the worst case (BTRD for every category). */
export const MAX_CATEGORICAL_WORK = 1e7;
/** Largest K·(generations+1) for traceCategorical (the trace keeps every p_t). */
export const MAX_TRACE_CELLS = 5e6;

export const categoricalSchema: Schema<CategoricalParams> = {
  params: {
    K: { type: "int", label: "Categories K", help: "Number of categories (vocabulary size).", unit: "K", min: 2, max: 100_000, scale: "log", default: 10 },
    n: { type: "int", label: "Samples per generation n", help: "Training-set size drawn each generation.", unit: "n", min: 1, max: 1_000_000_000, scale: "log", default: 50 },
    generations: { type: "int", label: "Generations", help: "Number of retraining rounds T.", min: 0, max: 100_000, default: 200 },
    init: {
      type: "text",
      label: "Initial distribution p₀ = π*",
      help: "uniform, zipf:β, dirichlet:a (drawn once from initSeed) or list:w1,w2,… (K weights).",
      maxLength: MAX_INIT_TEXT,
      allowed: INIT_ALLOWED,
      parse: (text) => formatInit(parseInit(text)),
      default: "dirichlet:1",
    },
    initSeed: { type: "int", label: "Seed of p₀", help: "Seed of the Dirichlet draw of p₀ (shared by all replicates and the theory).", min: 0, max: 0xffff_ffff, default: 1 },
    ...scheduleSchema,
    sampling: samplingSpec,
    workflow: workflowSpec,
    temperature: { type: "float", label: "Temperature τ", help: "The model samples ∝ p^(1/τ); τ < 1 sharpens.", unit: "τ", min: 0.05, max: 20, step: 0.05, default: 1 },
    topK: { type: "int", label: "Top-k", help: "Sample only the k most probable categories (0 = off).", min: 0, max: 100_000, default: 0 },
  },
  check: (p) => {
    checkInitFits(parseInit(p.init), p.K);
    if (p.topK > p.K) throw new ParamError("topK", `0 (off) or an integer ≤ K = ${p.K}`, String(p.topK));
    // Subsampling without replacement costs a few times Σ√(n p_i) ≤ √(nK) steps per generation.
    if (p.workflow === "accumulate-subsample" && (p.generations + 1) * 4 * Math.sqrt(p.n * p.K) > MAX_CATEGORICAL_WORK) {
      throw new ParamError("n", `a smaller n (or fewer generations): (T+1)·4·√(nK) ≤ ${MAX_CATEGORICAL_WORK} for accumulate-subsample`, String(p.n));
    }
    if (p.K * (p.generations + 1) > MAX_CATEGORICAL_WORK) {
      throw new ParamError("generations", `at most ${Math.floor(MAX_CATEGORICAL_WORK / p.K) - 1} when K = ${p.K} (K·(T+1) ≤ ${MAX_CATEGORICAL_WORK})`, String(p.generations));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "entropy", label: "Entropy H(p_t)", help: "Shannon entropy of the model.", unit: "bits" },
  { name: "giniSimpson", label: "Gini–Simpson G(p_t)", help: "1 − Σp²: chance that two draws differ." },
  { name: "support", label: "Support size", help: "Categories with positive probability." },
  { name: "missingMass", label: "Missed mass", help: "Mass of p_t in categories that got no draw this generation." },
  { name: "fixed", label: "Fixed", help: "1 while a single category remains (absorbing when no real data can arrive)." },
];

let cachedKey = "";
let cachedConfig: CategoricalConfig | null = null;

/**
 * Resolves validated params into the simulation config (π* = p0). The last config is reused while the
 * parameter values are unchanged (keyed by value, so a mutated params object is never served stale);
 * runCategorical never writes to it.
 */
export function categoricalConfig(params: CategoricalParams): CategoricalConfig {
  const key = JSON.stringify(params);
  if (key === cachedKey && cachedConfig) return cachedConfig;
  const config = buildConfig(params);
  cachedKey = key;
  cachedConfig = config;
  return config;
}

function buildConfig(params: CategoricalParams): CategoricalConfig {
  const p0 = initialDistribution(parseInit(params.init), params.K, params.initSeed);
  return {
    p0,
    truth: p0,
    n: params.n,
    generations: params.generations,
    alphas: alphaSeries(params, params.generations + 1),
    sampling: params.sampling,
    workflow: params.workflow,
    temperature: params.temperature,
    topK: params.topK,
  };
}

/** True when the exact theory applies: replace workflow, τ = 1 and no effective top-k. */
export function categoricalTheoryApplies(params: CategoricalParams): boolean {
  return params.workflow === "replace" && params.temperature === 1 && (params.topK === 0 || params.topK >= params.K);
}

/**
 * Exact expectations of the metrics (see theory/categorical.ts and theory/marginal-chain.ts). Under
 * "accumulate" (iid, τ = 1, no top-k) only giniSimpson has an exact curve; "accumulate-subsample" has none.
 */
export function categoricalTheory(params: CategoricalParams, budget = MARGINAL_BUDGET): Record<string, number[]> {
  const plainSampler = params.temperature === 1 && (params.topK === 0 || params.topK >= params.K);
  if (params.workflow === "accumulate" && params.sampling === "iid" && plainSampler) {
    const cfg = categoricalConfig(params);
    return { giniSimpson: sumSquaresAccumulate({ p0: cfg.p0, truth: cfg.truth, n: cfg.n, alphas: cfg.alphas }).map((f) => 1 - f) };
  }
  if (!categoricalTheoryApplies(params)) return {};
  const cfg = categoricalConfig(params);
  const F = sumSquaresRecursion({ p0: cfg.p0, truth: cfg.truth, n: cfg.n, alphas: cfg.alphas, sampling: cfg.sampling });
  const out: Record<string, number[]> = { giniSimpson: F.map((f) => 1 - f) };
  const input = { p0: cfg.p0, truth: cfg.truth, n: cfg.n, generations: cfg.generations, alphas: cfg.alphas, sampling: cfg.sampling };
  if (marginalCost(input) <= budget) {
    const e = expectedCategoricalMetrics(input);
    out.entropy = e.entropy;
    out.support = e.support;
    out.missingMass = e.missingMass;
    out.fixed = e.fixed;
  }
  return out;
}

/** One replicate's full distribution p_t for t = 0..T (for the animated bar chart). */
export interface CategoricalTrace {
  K: number;
  generations: number;
  /** p_t occupies frames[t·K .. t·K + K − 1]. */
  frames: Float64Array;
}

/** Traces one replicate (validated params); same stream ⇒ same frames as replicate() sees. */
export function traceCategorical(params: CategoricalParams, rng: Rng): CategoricalTrace {
  const cells = params.K * (params.generations + 1);
  if (cells > MAX_TRACE_CELLS) {
    throw new ParamError("generations", `K·(generations+1) ≤ ${MAX_TRACE_CELLS} for a trace`, String(params.generations));
  }
  const frames = new Float64Array(cells);
  runCategorical(categoricalConfig(params), rng, frames);
  return { K: params.K, generations: params.generations, frames };
}

export const categorical: Model<CategoricalParams> = {
  id: "categorical",
  label: "Categorical self-training loop",
  description:
    "A model over K categories is refit each generation on n draws from q_t = α_t π* + (1 − α_t) p_t (the truth π* is p₀). " +
    "With α = 0 this is the neutral Wright–Fisher model: diversity decays as (1 − 1/n)^t and a single category eventually takes over. " +
    "Theory curves (replace workflow, τ = 1, no top-k) are exact expectations: a recursion for Σp² and the per-category marginal chains.",
  schema: categoricalSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => {
    const paths = runCategorical(categoricalConfig(p), rng);
    return { ...paths };
  },
  theory: (p) => categoricalTheory(p),
};

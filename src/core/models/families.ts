/**
 * Model "families" (chapter 6): the same closed loop (fit to a finite sample, sample from the fit, refit)
 * run for five model families side by side, each reported on one scale, its normalised diversity
 * ν_t (metrics/normalised-diversity.ts: exp of the family's entropy, divided by its generation-0 value).
 *
 * One replicate runs all five loops, each on its own stream: five seeds are drawn from the replicate's
 * stream, in a fixed order, and each family's registered model runs one replicate on createRng(seed). So
 * family f of replicate r is exactly one replicate of that family's own model (same code, same checks).
 *
 * | metric | family (registered model) | settings |
 * |---|---|---|
 * | diversity:categorical | categorical | K categories, uniform p₀, n draws per generation, replace |
 * | diversity:gaussian | gaussian | N(0, 1), n samples, MLE refit |
 * | diversity:mixture | mixture | k = 2 EM fit to n samples, bimodal truth ½N(−2, 0.6²) + ½N(2, 0.6²) |
 * | diversity:kde | kde | n centres, bandwidth rule `kdeBandwidth` (fixed `h` or Silverman), same bimodal truth |
 * | diversity:ngram | ngram | character n-gram of order `ngramOrder` on Alice ch. I, `ngramLength` characters per generation |
 *
 * Plus `ancestry:kde`: the share of the KDE's n real generation-0 samples that still have descendants (its
 * entropy need not fall, see kde.ts; its information about the world does).
 *
 * All loops are closed (no real data after generation 0). Theory: `diversity:gaussian` = E σ_t/σ_0 =
 * (√(2/n) Γ(n/2)/Γ((n−1)/2))^t exactly (gaussian.theory's `sigma`), `ancestry:kde` from the exact
 * Wright–Fisher marginal chain; the other families have no closed form for the expected exp-entropy.
 */
import { ParamError } from "../errors";
import type { AnyModel, MetricSpec, Model, ReplicatePaths } from "../model";
import { createRng, type Rng } from "../rng";
import { validateParams, type Params, type Schema } from "../schema";
import { normalisedDiversity } from "../metrics/normalised-diversity";
import { categorical } from "./categorical";
import { gaussian } from "./gaussian";
import { kde, kdeAncestorsTheory } from "./kde";
import { mixture } from "./mixture";
import { ngram } from "./ngram";

export type FamiliesParams = {
  /** Samples per generation of the categorical, Gaussian, mixture and KDE loops. */
  n: number;
  generations: number;
  /** Categories of the categorical loop (uniform p₀). */
  K: number;
  kdeBandwidth: "fixed" | "silverman";
  /** KDE bandwidth when kdeBandwidth = fixed. */
  h: number;
  ngramOrder: number;
  /** Characters per generation of the n-gram loop. */
  ngramLength: number;
};

/** The five families in stream order (do not reorder: replicate r's family streams depend on it). */
export const FAMILIES = ["categorical", "gaussian", "mixture", "kde", "ngram"] as const;
export type Family = (typeof FAMILIES)[number];

const LABELS: Record<Family, string> = {
  categorical: "Categorical",
  gaussian: "Gaussian",
  mixture: "Gaussian mixture (EM)",
  kde: "Kernel density estimate",
  ngram: "Character n-gram",
};

/** Parameters of each family's own model for these families params (validated by that model's schema). */
export function familyParams(p: FamiliesParams): Record<Family, Params> {
  return {
    categorical: { K: p.K, n: p.n, generations: p.generations, init: "uniform" },
    gaussian: { n: p.n, generations: p.generations, estimator: "mle" },
    mixture: { k: 2, n: p.n, generations: p.generations, truth: "bimodal" },
    kde: { n: p.n, generations: p.generations, truth: "bimodal", bandwidth: p.kdeBandwidth, h: p.h },
    ngram: { order: p.ngramOrder, length: p.ngramLength, generations: p.generations },
  };
}

const MODELS: Record<Family, AnyModel> = { categorical, gaussian, mixture, kde, ngram };

/** Validated per-family params, cached for the last families params (replicates call this once each). */
let cacheKey = "";
let cacheValue: Record<Family, Params> | null = null;
function resolved(p: FamiliesParams): Record<Family, Params> {
  const key = JSON.stringify(p);
  if (key !== cacheKey || !cacheValue) {
    const raw = familyParams(p);
    const out = {} as Record<Family, Params>;
    for (const f of FAMILIES) out[f] = validateParams(MODELS[f].schema, raw[f]);
    cacheValue = out;
    cacheKey = key;
  }
  return cacheValue;
}

export const familiesSchema: Schema<FamiliesParams> = {
  params: {
    n: { type: "int", label: "Samples per generation", help: "Sample size of the categorical, Gaussian, mixture and KDE loops.", unit: "n", min: 10, max: 2000, scale: "log", default: 50 },
    generations: { type: "int", label: "Generations", help: "Refits after generation 0, the same for every family.", unit: "t", min: 1, max: 500, scale: "log", default: 100 },
    K: { type: "int", label: "Categories (categorical)", help: "Categories of the categorical loop, uniform at the start.", unit: "K", min: 2, max: 1000, scale: "log", default: 10 },
    kdeBandwidth: {
      type: "enum",
      label: "KDE bandwidth rule",
      help: "Fixed: the same h every generation. Silverman: h = 1.06 ŝ n^(−1/5) recomputed on each sample (the spread then grows).",
      options: [{ value: "fixed", label: "Fixed h" }, { value: "silverman", label: "Silverman 1.06 ŝ n^(−1/5)" }],
      default: "fixed",
    },
    h: { type: "float", label: "KDE bandwidth h", help: "Kernel standard deviation of the KDE when the bandwidth is fixed (n h² above the truth's variance 4.36 inflates the spread, below it shrinks it).", unit: "h", min: 0.01, max: 2, step: 0.01, default: 0.3 },
    ngramOrder: { type: "int", label: "n-gram order W", help: "Characters per n-gram window of the language model (context W − 1).", unit: "W", min: 1, max: 5, default: 3 },
    ngramLength: { type: "int", label: "Characters per generation (n-gram)", help: "Size of each generation's training corpus of the n-gram loop.", unit: "N", min: 100, max: 20_000, scale: "log", default: 5000 },
  },
  check: (p) => {
    try {
      resolved(p);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      // A family's own cap (KDE work, Silverman growth, n-gram work): name the families parameter.
      const rename: Record<string, string> = { length: "ngramLength", order: "ngramOrder", bandwidth: "kdeBandwidth" };
      throw new ParamError(rename[e.param] ?? e.param, e.allowed, e.received);
    }
  },
};

const METRICS: MetricSpec[] = [
  ...FAMILIES.map((f) => ({
    name: `diversity:${f}`,
    label: `${LABELS[f]}: normalised diversity ν_t`,
    help: `Normalised diversity of the ${LABELS[f].toLowerCase()} loop: exp of its entropy, divided by its value at generation 0.`,
  })),
  {
    name: "ancestry:kde",
    label: "KDE: surviving real ancestors (fraction)",
    help: "Share of the n real generation-0 samples that still have descendants among the KDE's centres (Wright–Fisher coalescence).",
  },
];

/** One replicate: five seeds from the replicate stream, then each family's own loop on its stream. */
export function runFamilies(p: FamiliesParams, rng: Rng): ReplicatePaths {
  const params = resolved(p);
  const seeds = FAMILIES.map(() => Math.floor(rng() * 4294967296));
  const out: ReplicatePaths = {};
  FAMILIES.forEach((f, i) => {
    const paths = MODELS[f].replicate(params[f], createRng(seeds[i]!));
    out[`diversity:${f}`] = normalisedDiversity(f, paths);
    if (f === "kde") out["ancestry:kde"] = paths.ancestors!.map((a) => a / p.n);
  });
  return out;
}

/**
 * Exact E σ_t/σ_0 of the MLE Gaussian loop and exact E ancestors_t/n of the KDE (Wright–Fisher marginal
 * chain); no closed form for the expected exp-entropy of the other families.
 */
export function familiesTheory(p: FamiliesParams): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const sigma = gaussian.theory(resolved(p).gaussian as never).sigma;
  if (sigma) out["diversity:gaussian"] = sigma.map((s) => s / sigma[0]!);
  const ancestors = kdeAncestorsTheory(p.n, p.generations);
  if (ancestors) out["ancestry:kde"] = ancestors.map((a) => a / p.n);
  return out;
}

export const families: Model<FamiliesParams> = {
  id: "families",
  label: "Five model families, one loop",
  description:
    "The closed self-training loop for a categorical model, a Gaussian, a two-component Gaussian mixture fitted by EM, a kernel density estimate and a character n-gram language model, each on its own stream, reported as normalised diversity ν_t (exp of entropy relative to generation 0). Theory: exact E σ_t/σ_0 for the Gaussian.",
  schema: familiesSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => runFamilies(p, rng),
  theory: familiesTheory,
};

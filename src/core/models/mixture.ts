/**
 * Model "mixture" (chapter 6): a k-component 1-D Gaussian mixture refitted by EM, generation after
 * generation, to n samples from its previous fit (exactly round(αn) of them real, from π*). Generation 0 is
 * the truth π* itself. A richer model class than one Gaussian, the same closed loop: the mixture's overall
 * variance contracts exactly as the single Gaussian's does, and components merge or die.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model, ReplicatePaths } from "../model";
import type { Rng } from "../rng";
import type { Schema } from "../schema";
import { createNormal } from "../sampling/normal";
import { sampleMixture } from "../sampling/mixture";
import { gaussianMoments, realCount } from "../theory/gaussian";
import { logPdfTable, mixtureDiscrepancies, mixtureMoments, type Mixture } from "../theory/mixture-density";
import { fitMixtureEm } from "./mixture-em";
import { checkTruth, resolveTruth, truthSchema, type TruthParams } from "./mixture-truth";
import { exp, ln } from "../math";

export type MixtureParams = TruthParams & {
  /** Components of the fitted model. */
  k: number;
  n: number;
  generations: number;
  alpha: number;
  /** EM iteration cap per fit. */
  emIterations: number;
  emInit: "quantiles" | "warm";
};

/** EM stops when the mean log-likelihood per sample improves by less than this (nats; scikit-learn's default is 10⁻³). */
export const EM_TOL = 1e-5;
/** Largest n·k·emIterations·(generations+1) per replicate (≈ one exp each; a couple of seconds at most). */
export const MAX_MIXTURE_WORK = 2e8;

export const mixtureSchema: Schema<MixtureParams> = {
  params: {
    k: { type: "int", label: "Components k", help: "Number of Gaussian components the model fits.", unit: "k", min: 1, max: 8, default: 2 },
    n: { type: "int", label: "Samples per generation", help: "How many samples each EM fit sees.", unit: "n", min: 10, max: 20_000, scale: "log", default: 200 },
    generations: { type: "int", label: "Generations", help: "Refits after the truth (generation 0).", unit: "t", min: 1, max: 2000, scale: "log", default: 100 },
    alpha: { type: "float", label: "Real fraction", help: "Exactly round(αn) of each generation's samples come from the truth.", unit: "α", min: 0, max: 1, step: 0.01, default: 0 },
    emIterations: { type: "int", label: "EM iteration cap", help: `Maximum EM iterations per fit (it stops earlier when the log-likelihood gains < ${EM_TOL} nats per sample).`, min: 1, max: 500, default: 100 },
    emInit: {
      type: "enum",
      label: "EM initialisation",
      help: "Quantiles: restart each fit from k equal-count blocks of the sorted data. Warm: start from the previous generation's mixture.",
      options: [{ value: "quantiles", label: "Quantile blocks (fresh fit)" }, { value: "warm", label: "Warm start (continued training)" }],
      default: "quantiles",
    },
    ...truthSchema,
  },
  check: (p) => {
    checkTruth(p);
    if (p.n < 5 * p.k) throw new ParamError("n", `at least 5k = ${5 * p.k} samples for k = ${p.k} components`, String(p.n));
    const work = p.n * p.k * p.emIterations * (p.generations + 1);
    if (work > MAX_MIXTURE_WORK) {
      const most = Math.floor(MAX_MIXTURE_WORK / (p.n * p.k * p.emIterations)) - 1;
      throw new ParamError("generations", `at most ${Math.max(0, most)} here (n·k·emIterations·(generations+1) ≤ ${MAX_MIXTURE_WORK})`, String(p.generations));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "entropy", label: "Differential entropy h(p_t)", help: "−∫ p log p of the fitted density (piecewise Gauss–Legendre quadrature).", unit: "nats" },
  { name: "components", label: "Effective components", help: "exp of the entropy of the weights: k for equal weights, 1 when one component holds all mass." },
  { name: "sigmaMean", label: "Mean component sd", help: "Σ w_j σ_j: the weighted mean width of the components." },
  { name: "variance", label: "Variance of p_t", help: "Overall variance Σ w_j(σ_j² + μ_j²) − mean²." },
  { name: "mean", label: "Mean of p_t", help: "Overall mean Σ w_j μ_j." },
  { name: "kl", label: "KL(π* ‖ p_t)", help: "Kullback–Leibler divergence from the truth to the model (quadrature).", unit: "nats" },
  { name: "w1", label: "W₁ to the truth", help: "1-Wasserstein distance ∫|F_t − F*| (quadrature)." },
];

function record(out: ReplicatePaths, t: number, m: Mixture, truth: Mixture, table: ReturnType<typeof logPdfTable>): void {
  const d = mixtureDiscrepancies(m, truth, table);
  const mo = mixtureMoments(m);
  let hw = 0, sm = 0;
  for (let j = 0; j < m.w.length; j++) {
    const w = m.w[j]!;
    if (w > 0) hw -= w * ln(w);
    sm += w * m.sd[j]!;
  }
  out.entropy![t] = d.entropy;
  out.components![t] = exp(hw);
  out.sigmaMean![t] = sm;
  out.variance![t] = mo.variance;
  out.mean![t] = mo.mean;
  out.kl![t] = d.kl;
  out.w1![t] = d.w1;
}

/** One replicate; also returns the fitted mixtures when `keep` is given (for drawing densities). */
export function runMixture(p: MixtureParams, rng: Rng, keep?: Mixture[]): ReplicatePaths {
  const normal = createNormal(rng);
  const truth = resolveTruth(p);
  const table = logPdfTable(truth);
  const G = p.generations;
  const out: ReplicatePaths = {};
  for (const { name } of METRICS) out[name] = new Float64Array(G + 1);
  const m = realCount(p), k = p.n - m;
  const batch = new Float64Array(p.n);
  let model = truth;
  record(out, 0, model, truth, table);
  keep?.push(model);
  for (let t = 1; t <= G; t++) {
    sampleMixture(truth, rng, normal, batch, 0, m);
    sampleMixture(model, rng, normal, batch, m, k);
    const previous = model.w.length === p.k ? model : undefined;
    model = fitMixtureEm(batch, { k: p.k, maxIter: p.emIterations, tol: EM_TOL, init: previous ? p.emInit : "quantiles", previous }).mixture;
    record(out, t, model, truth, table);
    keep?.push(model);
  }
  return out;
}

/**
 * Exact E mean and E variance of p_t: EM's last M-step makes the fitted overall mean and variance equal
 * the batch mean and 1/n variance, whose expectations depend only on the first two moments of the truth
 * and of p_t, so the single-Gaussian moment recursion (theory/gaussian.ts) applies verbatim.
 */
export function mixtureTheory(p: MixtureParams): Record<string, number[]> {
  const mo = mixtureMoments(resolveTruth(p));
  const sd = Math.sqrt(mo.variance);
  const g = gaussianMoments({
    n: p.n, generations: p.generations, estimator: "mle", alpha: p.alpha, workflow: "replace", temperature: 1,
    mu0: mo.mean, sigma0: sd, muStar: mo.mean, sigmaStar: sd,
  });
  return { mean: g.mean, variance: g.sigma2 };
}

export const mixture: Model<MixtureParams> = {
  id: "mixture",
  label: "Gaussian mixture refit by EM",
  description:
    "A k-component 1-D Gaussian mixture refitted by EM each generation to n samples from its previous fit (optionally a fixed real fraction α from the true mixture). Generation 0 is the truth. Theory: exact E mean and E variance (the mixture's overall variance contracts by (1 − 1/n) per closed-loop generation, like one Gaussian's).",
  schema: mixtureSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => runMixture(p, rng),
  theory: mixtureTheory,
};

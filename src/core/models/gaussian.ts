/**
 * One-dimensional Gaussian refit loop (chapters on variance amplification and grounding).
 *
 * Generation t+1 draws n samples: round(αn) real ones from N(μ*, σ*²) (stratified) and the rest from the
 * current model N(μ_t, (λσ_t)²), then refits μ and σ² (MLE or unbiased) on that batch ("replace") or on
 * every batch so far ("accumulate"). The cost per generation does not depend on n: each group's
 * sufficient statistics are drawn exactly (mean ~ normal, scatter ~ σ²χ²_{m−1}, independent) and pooled
 * exactly. Scatters are kept as logarithms so log σ² stays finite after long collapses.
 */
import type { Model, MetricSpec, ReplicatePaths } from "../model";
import type { Rng } from "../rng";
import type { Schema } from "../schema";
import { createNormal } from "../sampling/normal";
import { createGamma } from "../sampling/chisquare";
import { divisor, gaussianTheory, realCount } from "../theory/gaussian";
import { exp, ln } from "../math";

export { realCount };

export type GaussianParams = {
  /** Samples per generation. */
  n: number;
  generations: number;
  /** "mle" divides the scatter by N, "unbiased" by N − 1. */
  estimator: "mle" | "unbiased";
  /** Real fraction: exactly round(αn) of each generation's samples come from the truth. */
  alpha: number;
  workflow: "replace" | "accumulate";
  /** Sampling temperature λ: synthetic samples are drawn with standard deviation λσ_t. */
  temperature: number;
  mu0: number;
  sigma0: number;
  muStar: number;
  sigmaStar: number;
};

export const gaussianSchema: Schema<GaussianParams> = {
  params: {
    n: { type: "int", label: "Samples per generation", help: "How many samples each generation is fitted on (cost does not grow with n).", unit: "n", min: 2, max: 1_000_000, default: 10, scale: "log" },
    generations: { type: "int", label: "Generations", help: "Number of refit generations after the initial model.", unit: "t", min: 1, max: 10_000, default: 100, scale: "log" },
    estimator: { type: "enum", label: "Variance estimator", help: "MLE (divide by N, the KL/density-matching fit) or unbiased (divide by N − 1).", options: [{ value: "mle", label: "MLE (1/N)" }, { value: "unbiased", label: "Unbiased (1/(N−1))" }], default: "mle" },
    alpha: { type: "float", label: "Real fraction", help: "Fraction of each generation's samples drawn from the truth: exactly round(αn) real samples.", unit: "α", min: 0, max: 1, step: 0.01, default: 0 },
    workflow: { type: "enum", label: "Workflow", help: "Replace: fit each generation on its own batch. Accumulate: fit on every batch so far.", options: [{ value: "replace", label: "Replace" }, { value: "accumulate", label: "Accumulate" }], default: "replace" },
    temperature: { type: "float", label: "Sampling temperature", help: "Synthetic samples are drawn with standard deviation λσ_t (λ < 1 sharpens, as low-temperature decoding does).", unit: "λ", min: 0.05, max: 1, step: 0.01, default: 1 },
    mu0: { type: "float", label: "Initial mean", help: "Mean of the generation-0 model.", unit: "μ₀", min: -10, max: 10, step: 0.1, default: 0 },
    sigma0: { type: "float", label: "Initial standard deviation", help: "Standard deviation of the generation-0 model.", unit: "σ₀", min: 0.1, max: 10, step: 0.1, default: 1 },
    muStar: { type: "float", label: "True mean", help: "Mean of the real (exogenous) distribution.", unit: "μ*", min: -10, max: 10, step: 0.1, default: 0 },
    sigmaStar: { type: "float", label: "True standard deviation", help: "Standard deviation of the real (exogenous) distribution.", unit: "σ*", min: 0.1, max: 10, step: 0.1, default: 1 },
  },
};

export const gaussianMetrics: MetricSpec[] = [
  { name: "mu", label: "Fitted mean μ_t", help: "The model's estimate of the mean." },
  { name: "sigma2", label: "Fitted variance σ_t²", help: "The model's variance (diversity)." },
  { name: "logSigma2", label: "log σ_t²", help: "Natural log of the fitted variance: a random walk with negative drift in the closed loop." },
  { name: "sigma", label: "Fitted standard deviation σ_t", help: "Square root of the fitted variance." },
  { name: "w2", label: "W₂² to the truth", help: "Squared 2-Wasserstein distance (μ_t − μ*)² + (σ_t − σ*)² to the real distribution." },
];

/** A group of samples summarised by count, mean and log of the scatter Σ(x − mean)². */
interface Group {
  count: number;
  mean: number;
  logScatter: number;
}

function logSumExp3(a: number, b: number, c: number): number {
  const m = Math.max(a, b, c);
  if (m === -Infinity) return -Infinity;
  return m + ln(exp(a - m) + exp(b - m) + exp(c - m));
}

/** Pools (count, mean, logScatter) into g exactly: S = S_a + S_b + (n_a n_b / n)(m_a − m_b)². */
function pool(g: Group, count: number, mean: number, logScatter: number): void {
  if (count === 0) return;
  if (g.count === 0) {
    g.count = count;
    g.mean = mean;
    g.logScatter = logScatter;
    return;
  }
  const total = g.count + count;
  const diff = mean - g.mean;
  const cross = diff === 0 ? -Infinity : ln((g.count * count) / total) + 2 * ln(Math.abs(diff));
  g.logScatter = logSumExp3(g.logScatter, logScatter, cross);
  g.mean += (count / total) * diff;
  g.count = total;
}

type Paths = Record<"mu" | "sigma2" | "logSigma2" | "sigma" | "w2", Float64Array>;

/**
 * Writes generation t's metrics and returns σ_t (a plain function: a closure over mu and ell would box
 * them on every write).
 */
function record(out: Paths, t: number, mu: number, ell: number, p: GaussianParams): number {
  const s = exp(ell / 2);
  out.mu[t] = mu;
  out.logSigma2[t] = ell;
  out.sigma2[t] = s * s;
  out.sigma[t] = s;
  const dMu = mu - p.muStar, dSigma = s - p.sigmaStar;
  out.w2[t] = dMu * dMu + dSigma * dSigma;
  return s;
}

function replicate(p: GaussianParams, rng: Rng): ReplicatePaths {
  const normal = createNormal(rng);
  const gamma = createGamma(rng, normal);
  const G = p.generations;
  const out: Paths = {
    mu: new Float64Array(G + 1),
    sigma2: new Float64Array(G + 1),
    logSigma2: new Float64Array(G + 1),
    sigma: new Float64Array(G + 1),
    w2: new Float64Array(G + 1),
  };
  const m = realCount(p);
  const k = p.n - m;
  const logSigmaStar2 = 2 * ln(p.sigmaStar);
  const logLambda2 = 2 * ln(p.temperature);
  const accumulate = p.workflow === "accumulate";
  let mu = p.mu0;
  let ell = 2 * ln(p.sigma0); // log σ_t²
  const batch: Group = { count: 0, mean: 0, logScatter: -Infinity };
  const all: Group = { count: 0, mean: 0, logScatter: -Infinity };
  let sigma = record(out, 0, mu, ell, p);
  // Per-generation constants, hoisted out of the hot loop.
  const realScale = p.sigmaStar / Math.sqrt(Math.max(m, 1));
  const synthScale = p.temperature / Math.sqrt(Math.max(k, 1));
  const logDivReplace = ln(divisor(p.estimator, p.n));
  for (let t = 1; t <= G; t++) {
    batch.count = 0;
    batch.mean = 0;
    batch.logScatter = -Infinity;
    if (m > 0) {
      const mean = p.muStar + realScale * normal();
      pool(batch, m, mean, m > 1 ? logSigmaStar2 + gamma.logChiSquare(m - 1) : -Infinity);
    }
    if (k > 0) {
      const mean = mu + synthScale * sigma * normal();
      pool(batch, k, mean, k > 1 ? logLambda2 + ell + gamma.logChiSquare(k - 1) : -Infinity);
    }
    const fit = accumulate ? all : batch;
    if (accumulate) pool(all, batch.count, batch.mean, batch.logScatter);
    mu = fit.mean;
    // A zero scatter has probability 0 (it needs two exactly equal group means); keep it finite anyway.
    const logDiv = accumulate ? ln(divisor(p.estimator, fit.count)) : logDivReplace;
    ell = Math.max(fit.logScatter - logDiv, -1e6);
    sigma = record(out, t, mu, ell, p);
  }
  return out;
}

export const gaussian: Model<GaussianParams> = {
  id: "gaussian",
  label: "Gaussian refit loop",
  description:
    "A normal distribution refitted, generation after generation, to samples drawn from its previous fit, optionally mixed with a fixed fraction of real samples, at a sampling temperature, replacing or accumulating data. Used for variance amplification, the random walk of the mean, and grounding by real data.",
  schema: gaussianSchema,
  metrics: () => gaussianMetrics,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate,
  theory: gaussianTheory,
};

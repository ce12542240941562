/**
 * Model "kde" (chapter 6): a Gaussian kernel density estimate refitted, generation after generation, on n
 * samples drawn from the previous KDE (exactly round(αn) of them real, from the mixture π*). Generation 0
 * is the KDE of n real samples. Sampling a KDE = resampling a centre and adding h·Z, so the centres'
 * genealogy coalesces exactly as in Wright–Fisher (metric `ancestors`), while every generation adds
 * kernel noise: E V_t → n h² for a fixed h (inflation whenever n h² > Var π*, as with the defaults) and
 * grows geometrically under Silverman's rule. The loop shows inflation and blurring (KL to the truth
 * grows), not a collapse of the spread.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model, ReplicatePaths } from "../model";
import type { Rng } from "../rng";
import type { Schema } from "../schema";
import { createNormal } from "../sampling/normal";
import { sampleMixture } from "../sampling/mixture";
import { realCount } from "../theory/gaussian";
import { kdeEntropy, kdeKl } from "../theory/kde-density";
import { bandwidthSquared, kdeVarianceRecursion, silvermanLogGrowth, type Bandwidth } from "../theory/kde";
import { logPdfTable, mixtureMoments } from "../theory/mixture-density";
import { propagate, wrightFisherKernel } from "../theory/markov-chain";
import { checkTruth, resolveTruth, truthSchema, type TruthParams } from "./mixture-truth";

export type KdeParams = TruthParams & {
  n: number;
  generations: number;
  alpha: number;
  bandwidth: Bandwidth;
  /** Fixed bandwidth, used when bandwidth = "fixed". */
  h: number;
};

/** Largest n·(generations+1) per replicate (at most ~200 kernel evaluations per centre and generation). */
export const MAX_KDE_WORK = 1e6;
/** Largest expected closed-loop growth of the variance under Silverman's rule, as a natural log. */
export const MAX_LOG_GROWTH = 200;

export const kdeSchema: Schema<KdeParams> = {
  params: {
    n: { type: "int", label: "Samples per generation", help: "Centres of each KDE (= samples drawn from the previous one).", unit: "n", min: 10, max: 20_000, scale: "log", default: 200 },
    generations: { type: "int", label: "Generations", help: "Refits after the first KDE (generation 0, fitted on real data).", unit: "t", min: 1, max: 2000, scale: "log", default: 100 },
    alpha: { type: "float", label: "Real fraction", help: "Exactly round(αn) of each generation's samples come from the truth.", unit: "α", min: 0, max: 1, step: 0.01, default: 0 },
    bandwidth: {
      type: "enum",
      label: "Bandwidth rule",
      help: "Silverman: h = 1.06 ŝ n^(−1/5) recomputed on each sample (ŝ = sample sd). Fixed: the same h every generation.",
      options: [{ value: "silverman", label: "Silverman 1.06 ŝ n^(−1/5)" }, { value: "fixed", label: "Fixed h" }],
      default: "fixed",
    },
    h: { type: "float", label: "Fixed bandwidth h", help: "Kernel standard deviation when the bandwidth is fixed.", unit: "h", min: 0.01, max: 5, step: 0.01, default: 0.3 },
    ...truthSchema,
  },
  check: (p) => {
    checkTruth(p);
    if (p.n * (p.generations + 1) > MAX_KDE_WORK) {
      throw new ParamError("generations", `at most ${Math.floor(MAX_KDE_WORK / p.n) - 1} when n = ${p.n} (n·(generations+1) ≤ ${MAX_KDE_WORK})`, String(p.generations));
    }
    if (p.bandwidth === "silverman" && p.generations * silvermanLogGrowth(p.n) > MAX_LOG_GROWTH) {
      throw new ParamError("generations", `at most ${Math.floor(MAX_LOG_GROWTH / silvermanLogGrowth(p.n))} for n = ${p.n} with Silverman's rule (the variance grows geometrically; beyond that it would overflow)`, String(p.generations));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "variance", label: "Variance of the KDE", help: "Closed form: sample variance of the centres (1/n) + h²." },
  { name: "bandwidth", label: "Bandwidth h_t", help: "Kernel standard deviation of generation t." },
  { name: "entropy", label: "Differential entropy", help: "−∫ p log p of the KDE (trapezoid rule, spacing ≤ h/2).", unit: "nats" },
  { name: "kl", label: "KL(π* ‖ p_t)", help: "Divergence from the true mixture to the KDE (trapezoid rule).", unit: "nats" },
  { name: "ancestors", label: "Surviving ancestors", help: "Distinct generation-0 samples that still have descendants among the centres (Wright–Fisher coalescence)." },
];

/** One replicate; `keepCentres` receives each generation's centres and bandwidth (for drawing). */
export function runKde(p: KdeParams, rng: Rng, keepCentres?: { centres: Float64Array; h: number }[]): ReplicatePaths {
  const normal = createNormal(rng);
  const truth = resolveTruth(p);
  const table = logPdfTable(truth);
  const { n, generations: G } = p;
  const out: ReplicatePaths = {};
  for (const { name } of METRICS) out[name] = new Float64Array(G + 1);
  const m = realCount(p), k = n - m;
  let x = new Float64Array(n), next = new Float64Array(n);
  let anc = new Int32Array(n), nextAnc = new Int32Array(n);
  const seen = new Uint8Array(n);
  sampleMixture(truth, rng, normal, x, 0, n);
  for (let i = 0; i < n; i++) anc[i] = i;
  let h = 0;
  for (let t = 0; t <= G; t++) {
    if (t > 0) {
      // m real samples (no generation-0 ancestor), then k draws from the current KDE.
      sampleMixture(truth, rng, normal, next, 0, m);
      for (let i = 0; i < m; i++) nextAnc[i] = -1;
      for (let i = m; i < n; i++) {
        const I = Math.min(n - 1, Math.floor(rng() * n));
        next[i] = x[I]! + h * normal();
        nextAnc[i] = anc[I]!;
      }
      [x, next] = [next, x];
      [anc, nextAnc] = [nextAnc, anc];
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i]!;
    mean /= n;
    let S = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i]! - mean;
      S += d * d;
    }
    h = Math.sqrt(bandwidthSquared(p.bandwidth, p.h, n, S));
    if (!(h > 0)) h = Number.MIN_VALUE; // all centres equal: probability 0 with continuous draws
    const sorted = Float64Array.from(x).sort();
    seen.fill(0);
    let alive = 0;
    for (let i = 0; i < n; i++) {
      const a = anc[i]!;
      if (a >= 0 && seen[a] === 0) {
        seen[a] = 1;
        alive++;
      }
    }
    out.variance![t] = S / n + h * h;
    out.bandwidth![t] = h;
    out.entropy![t] = kdeEntropy(sorted, h);
    out.kl![t] = kdeKl(sorted, h, truth, table);
    out.ancestors![t] = alive;
    keepCentres?.push({ centres: sorted, h });
  }
  return out;
}

/** Largest (n+1)²·generations for the exact ancestors curve (one marginal Wright–Fisher chain). */
export const MAX_ANCESTOR_WORK = 5e7;

/**
 * Exact E ancestors_t in the closed loop: each new centre picks its parent uniformly, so the descendants of
 * one generation-0 sample form the Wright–Fisher chain j → Bin(n, j/n) started at 1, and by linearity
 * E ancestors_t = n·(1 − P(that chain is at 0 after t steps)). Undefined (omitted) with real data or when
 * the chain is too large.
 */
export function kdeAncestorsTheory(n: number, generations: number): number[] | undefined {
  if ((n + 1) * (n + 1) * generations > MAX_ANCESTOR_WORK) return undefined;
  const M = wrightFisherKernel(n);
  let d = new Float64Array(n + 1), next = new Float64Array(n + 1);
  d[1] = 1;
  const out = [n];
  for (let t = 1; t <= generations; t++) {
    propagate(d, M, next, n + 1);
    [d, next] = [next, d];
    out.push(n * (1 - d[0]!));
  }
  return out;
}

/** Exact E variance (theory/kde.ts) and, in the closed loop, exact E ancestors. */
export function kdeTheory(p: KdeParams): Record<string, number[]> {
  const mo = mixtureMoments(resolveTruth(p));
  const r = kdeVarianceRecursion({ n: p.n, generations: p.generations, alpha: p.alpha, bandwidth: p.bandwidth, h: p.h, muStar: mo.mean, sigmaStar2: mo.variance });
  const ancestors = realCount(p) === 0 ? kdeAncestorsTheory(p.n, p.generations) : undefined;
  return { variance: r.variance, ...(ancestors ? { ancestors } : {}) };
}

export const kde: Model<KdeParams> = {
  id: "kde",
  label: "Kernel density estimate refit loop",
  description:
    "A Gaussian kernel density estimate refitted each generation on n samples drawn from the previous one (optionally a fixed real fraction α from the true mixture), with Silverman's bandwidth or a fixed h. Variance is pulled to n h² (fixed h: inflation whenever n h² exceeds the truth's variance, as with the defaults) or grows geometrically (Silverman), while the centres' ancestry coalesces and the KL to the truth grows. Theory: exact E variance and, in the closed loop, exact E ancestors (Wright–Fisher).",
  schema: kdeSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => runKde(p, rng),
  theory: kdeTheory,
};

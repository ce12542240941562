/**
 * Experiment "winner": who wins the closed categorical loop (paper-math §2.2, Theorem A.4, S1c).
 * Each replicate runs the closed loop (α = 0, replace) until one category holds all the mass and
 * reports an indicator per category. The x axis is the category index 1..K, so the ensemble mean is
 * the fraction of runs each category won; theory: Pr(category x wins) = p₀(x), exactly (each p_t(x)
 * is a bounded martingale and the only absorbing states are point masses).
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Rng } from "../rng";
import { multinomial } from "../sampling/multinomial";
import type { Schema } from "../schema";
import { INIT_ALLOWED, checkInitFits, formatInit, initialDistribution, parseInit } from "./categorical-init";

export type WinnerParams = {
  K: number;
  n: number;
  init: string;
  initSeed: number;
};

/** Generations a replicate may take before it stops (see `winnerCap`). */
export const WINNER_CAP_FACTOR = 200;

/**
 * Hard stop for one replicate: 200·n + 1000 generations. The chance that K ≤ 50 categories have not
 * fixed by then is below K²·(1 − 1/n)^{200n} ≈ K²e^{−200}; a run that still hits it (never observed)
 * counts as won by its largest category, so a replicate's cost is bounded whatever the parameters.
 */
export function winnerCap(n: number): number {
  return WINNER_CAP_FACTOR * n + 1000;
}

export const winnerSchema: Schema<WinnerParams> = {
  params: {
    K: { type: "int", label: "Categories K", help: "Number of categories.", unit: "K", min: 2, max: 50, default: 5 },
    n: { type: "int", label: "Samples per generation n", help: "Training-set size drawn each generation.", unit: "n", min: 2, max: 500, scale: "log", default: 30 },
    init: {
      type: "text",
      label: "Initial distribution p₀",
      help: "uniform, zipf:β, dirichlet:a (drawn once from initSeed) or list:w1,w2,… (K weights).",
      maxLength: 2000,
      allowed: INIT_ALLOWED,
      parse: (text) => formatInit(parseInit(text)),
      default: "list:0.4,0.25,0.2,0.1,0.05",
    },
    initSeed: { type: "int", label: "Seed of p₀", help: "Seed of the Dirichlet draw of p₀.", min: 0, max: 0xffff_ffff, default: 1 },
  },
  check: (p) => {
    const spec = parseInit(p.init);
    checkInitFits(spec, p.K);
    // Only the n·p₀ rounding matters for exactness below: p₀ is used as given (not rounded to counts).
    if (p.K * p.n > 20_000) throw new ParamError("n", `at most ${Math.floor(20_000 / p.K)} when K = ${p.K} (K·n ≤ 20000)`, String(p.n));
  },
};

const METRICS: MetricSpec[] = [
  { name: "wins", label: "Share of runs won", help: "1 if this category holds all the mass at absorption; the mean is the fraction of runs it won." },
];

export function winnerP0(p: WinnerParams): Float64Array {
  return initialDistribution(parseInit(p.init), p.K, p.initSeed);
}

/** One replicate: runs the closed loop from p₀ to absorption; returns the winner's index (0-based) and the time. */
export function runToFixation(p0: Float64Array, n: number, rng: Rng): { winner: number; time: number } {
  const K = p0.length;
  const w = Float64Array.from(p0);
  const counts = new Float64Array(K);
  const tail = new Float64Array(K);
  const cap = winnerCap(n);
  for (let t = 0; t < cap; t++) {
    let alive = 0, last = -1;
    for (let i = 0; i < K; i++) if (w[i]! > 0) { alive++; last = i; }
    if (alive === 1) return { winner: last, time: t };
    multinomial(rng, n, w, counts, tail, K);
    for (let i = 0; i < K; i++) w[i] = counts[i]! / n;
  }
  let best = 0;
  for (let i = 1; i < K; i++) if (w[i]! > w[best]!) best = i;
  return { winner: best, time: cap };
}

export const winner: Model<WinnerParams> = {
  id: "winner",
  label: "Who wins the closed loop",
  description:
    "Experiment: the closed categorical loop (α = 0) runs until one category is left; the x axis is the category. " +
    "The mean over runs is the fraction each category won; theory: exactly p₀(x) (martingale argument).",
  schema: winnerSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.K }, (_, i) => i + 1),
  replicate: (p, rng) => {
    const out = new Float64Array(p.K);
    out[runToFixation(winnerP0(p), p.n, rng).winner] = 1;
    return { wins: out };
  },
  theory: (p) => ({ wins: Array.from(winnerP0(p)) }),
};

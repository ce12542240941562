/**
 * Experiment "collapse-time": how long the closed two-category loop takes to lose one category, as a
 * function of n (paper-math §2.2 "Timescales", S1c/T5). The x axis is the list of n values. Theory:
 * the exact mean absorption time of the Wright–Fisher chain, (I − Q)τ = 1 (markov-chain.ts), and the
 * Kimura–Ohta diffusion approximation −2n[p ln p + (1−p) ln(1−p)] under the key "time:approx".
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Rng } from "../rng";
import { binomial } from "../sampling/binomial";
import type { Schema } from "../schema";
import { kimuraOhtaTime } from "../theory/diffusion";
import { meanAbsorptionTimes } from "../theory/markov-chain";

export type CollapseTimeParams = {
  nList: number[];
  p: number;
};

/** Largest n: the exact solve is O(n³) and runs at build time and in the worker. */
export const MAX_COLLAPSE_N = 400;

export const collapseTimeSchema: Schema<CollapseTimeParams> = {
  params: {
    nList: { type: "list", label: "Sample sizes n", help: "The n values on the x axis (increasing, 2–400).", minLength: 1, maxLength: 8, min: 2, max: MAX_COLLAPSE_N, default: [10, 20, 50, 100, 200] },
    p: { type: "float", label: "Initial share p₀ of category A", help: "Two categories start at p₀ and 1 − p₀ (rounded to whole counts of n).", min: 0.05, max: 0.95, step: 0.05, default: 0.5 },
  },
  check: (p) => {
    for (let i = 0; i < p.nList.length; i++) {
      const n = p.nList[i]!;
      if (!Number.isInteger(n)) throw new ParamError("nList", "whole numbers between 2 and 400", String(n));
      if (i > 0 && n <= p.nList[i - 1]!) throw new ParamError("nList", "strictly increasing values", p.nList.join(","));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "time", label: "Generations until one category is left", help: "First t with a single category.", unit: "generations" },
];

/** Initial count of category A: round(p·n), kept inside 1..n−1 so both categories start present. */
export function startCount(n: number, p: number): number {
  return Math.min(n - 1, Math.max(1, Math.round(p * n)));
}

/** Absorption time of one run of the two-type chain c_{t+1} ~ Bin(n, c_t/n) from c_0 = j. */
export function absorptionTime(n: number, j: number, rng: Rng): number {
  let c = j, t = 0;
  while (c > 0 && c < n) {
    c = binomial(rng, n, c / n);
    t++;
  }
  return t;
}

export const collapseTime: Model<CollapseTimeParams> = {
  id: "collapse-time",
  label: "Time to collapse against n",
  description:
    "Experiment: the closed loop with two categories runs until one is lost, for each n in a list (x axis). " +
    "Theory: the exact mean absorption time of the Wright–Fisher chain, and the Kimura–Ohta diffusion approximation.",
  schema: collapseTimeSchema,
  metrics: () => METRICS,
  generations: (p) => [...p.nList],
  replicate: (p, rng) => ({ time: Float64Array.from(p.nList, (n) => absorptionTime(n, startCount(n, p.p), rng)) }),
  theory: (p) => ({
    time: p.nList.map((n) => meanAbsorptionTimes(n)[startCount(n, p.p)]!),
    "time:approx": p.nList.map((n) => kimuraOhtaTime(n, startCount(n, p.p) / n)),
  }),
};

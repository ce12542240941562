/**
 * Experiment "tail-cut": what a sample of size T misses of a Zipf distribution, with and without a
 * model that has already lost its tail (paper-math §2.2.5 and S9; the tail cut of Dohmatob et al. 2024).
 * The x axis is the list of sample sizes T. For each T a replicate draws T samples from the true
 * Zipf(β) law p over K ranks, and T samples from the tail-cut law q (p restricted to the top k ranks,
 * renormalised), and reports the true mass p of the ranks each sample never saw. Exact expectations:
 *   real: Σ_i p_i (1 − p_i)^T,   cut: Σ_{i≤k} p_i (1 − q_i)^T + Σ_{i>k} p_i,
 * and the floor Σ_{i>k} p_i that no amount of synthetic data removes ("missingCut:floor").
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import { multinomial } from "../sampling/multinomial";
import type { Schema } from "../schema";
import { missingMassAfter, tailMass, zipfWeights } from "../theory/tails";
import { pow } from "../math";

export type TailCutParams = {
  beta: number;
  K: number;
  cut: number;
  TList: number[];
};

/** Bound on K·(number of T values): one replicate is that many binomial draws, twice. */
export const MAX_TAIL_WORK = 200_000;

export const tailCutSchema: Schema<TailCutParams> = {
  params: {
    beta: { type: "float", label: "Zipf exponent β", help: "p_i ∝ i^−β over ranks 1..K.", unit: "β", min: 1.05, max: 4, step: 0.05, default: 2 },
    K: { type: "int", label: "Ranks K", help: "Size of the vocabulary.", unit: "K", min: 10, max: 50_000, scale: "log", default: 5000 },
    cut: { type: "int", label: "Tail cut k", help: "The synthetic source keeps only the k most frequent ranks.", unit: "k", min: 1, max: 50_000, scale: "log", default: 50 },
    TList: { type: "list", label: "Sample sizes T", help: "The sample sizes on the x axis (increasing).", minLength: 1, maxLength: 10, min: 1, max: 1e8, default: [10, 30, 100, 300, 1000, 3000, 10000] },
  },
  check: (p) => {
    if (p.cut >= p.K) throw new ParamError("cut", `an integer below K = ${p.K}`, String(p.cut));
    for (let i = 0; i < p.TList.length; i++) {
      const T = p.TList[i]!;
      if (!Number.isInteger(T)) throw new ParamError("TList", "whole numbers", String(T));
      if (i > 0 && T <= p.TList[i - 1]!) throw new ParamError("TList", "strictly increasing values", p.TList.join(","));
    }
    if (p.K * p.TList.length > MAX_TAIL_WORK) {
      throw new ParamError("K", `at most ${Math.floor(MAX_TAIL_WORK / p.TList.length)} with ${p.TList.length} sample sizes (K·#T ≤ ${MAX_TAIL_WORK})`, String(p.K));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "missingReal", label: "Missing mass, real data", help: "True probability of the ranks a sample of T real draws never saw." },
  { name: "missingCut", label: "Missing mass, tail-cut synthetic data", help: "True probability of the ranks T draws from the top-k model never saw." },
];

export function tailLaws(p: TailCutParams): { real: Float64Array; cut: Float64Array } {
  const real = zipfWeights(p.beta, p.K);
  const cut = new Float64Array(p.K);
  let s = 0;
  for (let i = 0; i < p.cut; i++) s += real[i]!;
  for (let i = 0; i < p.cut; i++) cut[i] = real[i]! / s;
  return { real, cut };
}

/** Exact expected missing masses (see the header). */
export function tailCutTheory(p: TailCutParams): Record<string, number[]> {
  const { real, cut } = tailLaws(p);
  const floor = tailMass(real, p.cut);
  const missingCut = p.TList.map((T) => {
    let m = floor;
    for (let i = 0; i < p.cut; i++) m += real[i]! * pow(1 - cut[i]!, T);
    return m;
  });
  return {
    missingReal: p.TList.map((T) => missingMassAfter(real, T)),
    missingCut,
    "missingCut:floor": p.TList.map(() => floor),
  };
}

export const tailCut: Model<TailCutParams> = {
  id: "tail-cut",
  label: "Missing mass of Zipf data, with and without the tail",
  description:
    "Experiment: for each sample size T (x axis), T draws from a Zipf(β) law and T draws from the same law cut to its top k ranks; " +
    "the metric is the true mass never seen. Theory: Σp(1−p)^T, and the cut version with its floor Σ_{i>k} p_i (Dohmatob et al. 2024).",
  schema: tailCutSchema,
  metrics: () => METRICS,
  generations: (p) => [...p.TList],
  replicate: (p, rng) => {
    const { real, cut } = tailLaws(p);
    const counts = new Float64Array(p.K);
    const tail = new Float64Array(p.K);
    const missed = (law: Float64Array, T: number): number => {
      multinomial(rng, T, law, counts, tail, p.K);
      let m = 0;
      for (let i = 0; i < p.K; i++) if (counts[i] === 0) m += real[i]!;
      return m;
    };
    return {
      missingReal: Float64Array.from(p.TList, (T) => missed(real, T)),
      missingCut: Float64Array.from(p.TList, (T) => missed(cut, T)),
    };
  },
  theory: tailCutTheory,
};

/**
 * Experiment "fixation": how often a wrong answer takes over the finite verifier loop, as a function of the
 * number N of accepted answers per round (chapter 8, paper-math §2.6, S8/T22). Two answer classes, a hack
 * with selective advantage s = a_h/a⋆ − 1 over the correct class (s < 0: the correct class is favoured).
 * Each round keeps N accepted answers; the hack count is j' ~ Bin(N, x_j) with
 * x_j = j(1+s) / (j(1+s) + N − j) (Wright–Fisher with selection, theory/selection-chain.ts; only the ratio
 * a_h/a⋆ matters). A replicate runs every N of the list to absorption from j₀ = round(pN) (kept in 1..N−1)
 * and reports 1 when the hack took all N slots. The x axis is N.
 * Theory: `fixes` = the exact absorption probability of the chain; `fixes:kimura` = Kimura's diffusion
 * u(j₀/N) = (1 − e^{−2Ns j₀/N})/(1 − e^{−2Ns}); `fixes:neutral` = j₀/N (drift alone, s = 0).
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Rng } from "../rng";
import { binomial } from "../sampling/binomial";
import type { Schema } from "../schema";
import { MAX_SELECTION_SOLVE_N, kimuraFixation, selectedFrequency, selectionFixationProbabilities } from "../theory/selection-chain";

export type FixationParams = {
  NList: number[];
  s: number;
  p: number;
};

/** Rounds a replicate may take for one N before it stops: 200·N + 1000 (never reached in practice; see winner.ts). */
export function fixationCap(N: number): number {
  return 200 * N + 1000;
}

export const fixationSchema: Schema<FixationParams> = {
  params: {
    NList: {
      type: "list",
      label: "Answers per round N",
      help: `The N values on the x axis (increasing whole numbers, 2–${MAX_SELECTION_SOLVE_N}).`,
      minLength: 1,
      maxLength: 10,
      min: 2,
      max: MAX_SELECTION_SOLVE_N,
      default: [5, 10, 20, 50, 100, 200],
    },
    s: { type: "float", label: "Selective advantage of the hack s", help: "s = a_h/a⋆ − 1: positive when the verifier accepts the hack more often than the truth.", unit: "s", min: -0.5, max: 1, step: 0.005, default: 0.02 },
    p: { type: "float", label: "Initial share of the hack p", help: "Share of the hack among the first N accepted answers (rounded to a whole count, at least 1 and at most N − 1).", min: 0.01, max: 0.99, step: 0.01, default: 0.1 },
  },
  check: (p) => {
    p.NList.forEach((N, i) => {
      if (!Number.isInteger(N)) throw new ParamError("NList", `whole numbers between 2 and ${MAX_SELECTION_SOLVE_N}`, String(N));
      if (i > 0 && N <= p.NList[i - 1]!) throw new ParamError("NList", "strictly increasing values", p.NList.join(","));
    });
  },
};

const METRICS: MetricSpec[] = [
  { name: "fixes", label: "Share of runs the hack took over", help: "1 if the hack ends up holding all N accepted answers; the mean is the fixation probability." },
];

/** Initial hack count: round(pN) kept inside 1..N−1 so both classes start present. */
export function hackStart(N: number, p: number): number {
  return Math.min(N - 1, Math.max(1, Math.round(p * N)));
}

/** One run of the two-class chain from j₀ to absorption; true when the hack fixed. */
export function hackFixes(N: number, j0: number, s: number, rng: Rng): boolean {
  let j = j0;
  const cap = fixationCap(N);
  for (let t = 0; t < cap && j > 0 && j < N; t++) j = binomial(rng, N, selectedFrequency(N, j, 1 + s, 1));
  return j === N || (j > 0 && j < N && 2 * j > N);
}

export const fixation: Model<FixationParams> = {
  id: "fixation",
  label: "Does a wrong answer take over? Fixation against N",
  description:
    "Experiment: the finite verifier loop with two classes (a hack with selective advantage s over the correct answer) runs to absorption for each N in a list (x axis). " +
    "The mean is the probability that the hack takes over. Theory: the exact Wright–Fisher-with-selection chain, Kimura's diffusion formula and the neutral value p.",
  schema: fixationSchema,
  metrics: () => METRICS,
  generations: (p) => [...p.NList],
  replicate: (p, rng) => ({ fixes: Float64Array.from(p.NList, (N) => (hackFixes(N, hackStart(N, p.p), p.s, rng) ? 1 : 0)) }),
  theory: (p) => ({
    fixes: p.NList.map((N) => selectionFixationProbabilities(N, 1 + p.s, 1)[hackStart(N, p.p)]!),
    "fixes:kimura": p.NList.map((N) => kimuraFixation(N, p.s, hackStart(N, p.p) / N)),
    "fixes:neutral": p.NList.map((N) => hackStart(N, p.p) / N),
  }),
};

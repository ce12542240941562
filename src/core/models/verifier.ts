/**
 * Model "verifier": self-training by rejection sampling against an imperfect verifier (chapter 8,
 * paper-math §2.6, simulation S8). Answer classes: correct (accepted with 1 − false-negative rate), one or
 * more hacks (wrong but accepted with a false-positive rate), plainly wrong. The loop follows the verifier,
 * not correctness: it converges to the class with the largest acceptance. Simulation in verifier-sim.ts,
 * theory in verifier-theory.ts.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Schema } from "../schema";
import { goldRounds, runVerifier, type Regulariser, type VerifierConfig, type VerifierMode } from "./verifier-sim";
import { verifierTheory } from "./verifier-theory";

export type VerifierParams = {
  generations: number;
  mode: VerifierMode;
  N: number;
  falseNegative: number;
  hackAccept: number[];
  wrongAccept: number;
  initCorrect: number;
  initHack: number;
  answersCorrect: number;
  answersHack: number;
  answersWrong: number;
  goldFraction: number;
  beta: number;
  regulariser: Regulariser;
  k: number;
};

/** Largest (distinct answers)·(rounds + 1): bounds one replicate to about a second. */
export const MAX_VERIFIER_WORK = 1e7;
/** Smallest positive initial class share accepted. */
export const MIN_SHARE = 1e-12;

export const verifierSchema: Schema<VerifierParams> = {
  params: {
    generations: { type: "int", label: "Rounds", help: "Number of fine-tuning rounds T.", min: 0, max: 10_000, default: 50 },
    mode: {
      type: "enum",
      label: "Update",
      help: "population: infinite batch (replicator); accepted: sample until N answers are accepted (Wright–Fisher with selection); sampled: draw N, refit on the accepted ones.",
      options: [
        { value: "population", label: "Population limit (N → ∞)" },
        { value: "accepted", label: "N accepted answers per round" },
        { value: "sampled", label: "N sampled answers per round" },
      ],
      default: "accepted",
    },
    N: { type: "int", label: "Answers per round N", help: "Batch size of each round (ignored in the population limit).", unit: "N", min: 1, max: 1_000_000_000, scale: "log", default: 100 },
    falseNegative: { type: "float", label: "False-negative rate", help: "Probability the verifier rejects a correct answer: a⋆ = 1 − rate.", min: 0, max: 1, step: 0.01, default: 0.1 },
    hackAccept: { type: "list", label: "Hack acceptance a_h", help: "False-positive rate of each hack class (one value per hack).", minLength: 1, maxLength: 8, min: 0, max: 1, default: [0.95] },
    wrongAccept: { type: "float", label: "Wrong-answer acceptance a_w", help: "False-positive rate on plainly wrong answers.", min: 0, max: 1, step: 0.01, default: 0.2 },
    initCorrect: { type: "float", label: "Initial share of correct", help: "π₀(correct).", min: 0, max: 1, step: 0.01, default: 0.3 },
    initHack: { type: "float", label: "Initial share of hacks", help: "π₀ of all hacks together, split equally; the rest is plainly wrong.", min: 0, max: 1, step: 0.01, default: 0.1 },
    answersCorrect: { type: "int", label: "Distinct correct answers", help: "Distinct answers in the correct class (for diversity).", min: 1, max: 10_000, scale: "log", default: 5 },
    answersHack: { type: "int", label: "Distinct answers per hack", help: "Distinct answers in each hack class.", min: 1, max: 10_000, scale: "log", default: 1 },
    answersWrong: { type: "int", label: "Distinct wrong answers", help: "Distinct answers in the plainly wrong class.", min: 1, max: 100_000, scale: "log", default: 20 },
    goldFraction: { type: "float", label: "Gold-checked rounds", help: "Fraction of rounds checked by a gold verifier that accepts only correct answers (evenly spread).", min: 0, max: 1, step: 0.01, default: 0 },
    beta: { type: "float", label: "KL strength β", help: "Pull toward the initial policy after each refit (0 = none).", unit: "β", min: 0, max: 0.99, step: 0.01, default: 0 },
    regulariser: {
      type: "enum",
      label: "Regulariser",
      help: "geometric: π ∝ π_new^(1−β) π₀^β (KL-regularised refit); mixture: (1−β) π_new + β π₀ (fresh draws from π₀).",
      options: [
        { value: "geometric", label: "Geometric (KL)" },
        { value: "mixture", label: "Mixture with π₀" },
      ],
      default: "geometric",
    },
    k: { type: "int", label: "k of pass@k", help: "pass@k = 1 − (1 − π(correct))^k.", min: 1, max: 10_000, scale: "log", default: 10 },
  },
  check: (p) => {
    for (const name of ["initCorrect", "initHack"] as const) {
      // Shares below 1e-12 would underflow once split over many answers and raised to many rounds.
      if (p[name] > 0 && p[name] < MIN_SHARE) throw new ParamError(name, `0 or a number in [${MIN_SHARE}, 1]`, String(p[name]));
    }
    if (p.initCorrect + p.initHack > 1 + 1e-12) {
      throw new ParamError("initHack", `at most 1 − initCorrect = ${+(1 - p.initCorrect).toFixed(6)}`, String(p.initHack));
    }
    const D = answerCount(p);
    if (D * (p.generations + 1) > MAX_VERIFIER_WORK) {
      throw new ParamError("generations", `at most ${Math.floor(MAX_VERIFIER_WORK / D) - 1} with ${D} distinct answers ((answers)·(T+1) ≤ ${MAX_VERIFIER_WORK})`, String(p.generations));
    }
  },
};

/** Total distinct answers D. */
export function answerCount(p: VerifierParams): number {
  return p.answersCorrect + p.hackAccept.length * p.answersHack + p.answersWrong;
}

/** Class names: "correct", "hack" (one hack) or "hack1".."hackH", "wrong". */
export function verifierClasses(p: Pick<VerifierParams, "hackAccept">): string[] {
  const H = p.hackAccept.length;
  const hacks = H === 1 ? ["hack"] : p.hackAccept.map((_, h) => `hack${h + 1}`);
  return ["correct", ...hacks, "wrong"];
}

/** Resolves validated params into the simulation config. */
export function verifierConfig(p: VerifierParams): VerifierConfig {
  const H = p.hackAccept.length;
  const wrong = Math.max(0, 1 - p.initCorrect - p.initHack);
  const sizes = [p.answersCorrect, ...p.hackAccept.map(() => p.answersHack), p.answersWrong];
  // Per-answer weights first, so a share too small to split (subnormal) is 0 for the simulation and the theory alike.
  const perAnswer = [p.initCorrect, ...p.hackAccept.map(() => p.initHack / H), wrong].map((v, c) => v / sizes[c]!);
  const total = perAnswer.reduce((s, v, c) => s + v * sizes[c]!, 0);
  return {
    classes: verifierClasses(p),
    sizes,
    classInit: perAnswer.map((v, c) => (v * sizes[c]!) / total),
    accept: [1 - p.falseNegative, ...p.hackAccept, p.wrongAccept],
    gold: [1, ...p.hackAccept.map(() => 0), 0],
    goldRound: goldRounds(p.goldFraction, p.generations),
    mode: p.mode,
    N: p.N,
    beta: p.beta,
    regulariser: p.regulariser,
    k: p.k,
    generations: p.generations,
  };
}

/** Metric specs; the share names depend on the number of hack classes. */
export function verifierMetrics(p: VerifierParams): MetricSpec[] {
  const shares: MetricSpec[] = verifierClasses(p).map((c) => ({ name: `share:${c}`, label: `Share of ${c}`, help: `π_t(${c}): policy mass on the ${c} class.` }));
  return [
    ...shares,
    { name: "trueAccuracy", label: "True accuracy", help: "π_t(correct) = pass@1 against the gold standard." },
    { name: "measuredAccuracy", label: "Measured accuracy", help: "ā_t = Σ_c π_t(c) a_c: the imperfect verifier's average acceptance rate." },
    { name: "entropy", label: "Entropy", help: "Entropy of the policy over distinct answers.", unit: "bits" },
    { name: "passAtK", label: "pass@k", help: "1 − (1 − π_t(correct))^k: chance that k samples contain a correct answer." },
    { name: "fixedWrong", label: "Correct class extinct", help: "1 once π_t(correct) = 0 (absorbing unless regularised by mixture or gold)." },
  ];
}

export const verifier: Model<VerifierParams> = {
  id: "verifier",
  label: "Rejection-sampling fine-tuning with an imperfect verifier",
  description:
    "Each round samples answers from the policy, keeps those the verifier accepts and refits on them. A class accepted with probability a_c " +
    "grows like a_c^t (replicator dynamics), so the loop converges to the most-accepted class (a hack with a_h > a⋆ takes over) and loses diversity; " +
    "with N answers per round it is Wright–Fisher with selection, and drift can fix a wrong class even when the correct one is favoured.",
  schema: verifierSchema,
  metrics: verifierMetrics,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => runVerifier(verifierConfig(p), rng),
  theory: (p) => verifierTheory(p, verifierConfig(p)),
};

/**
 * Model "policyGradient": REINFORCE on a softmax policy with a noisy verifier reward (chapter 8,
 * paper-math §2.6). Actions 0..c−1 are correct (true reward 1); the next h are hacks (true reward 0, accepted
 * by the verifier with probability hackAccept); the rest are wrong. The verifier flips the reward of
 * non-hack actions with probability `flip`. Reports the entropy-covariance identity's prediction
 * −Cov_π(log π, Δz) beside the realised entropy change of every step. Simulation in policy-gradient-sim.ts.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Schema } from "../schema";
import { runPolicyGradient, type PolicyGradientConfig } from "./policy-gradient-sim";
import { ln } from "../math";

export type PolicyGradientParams = {
  A: number;
  correct: number;
  hacks: number;
  flip: number;
  hackAccept: number;
  initCorrect: number;
  eta: number;
  batch: number;
  entropyBonus: number;
  klPenalty: number;
  gradient: "sampled" | "expected";
  generations: number;
  k: number;
};

/** Largest (A + 1)·(steps + 1): bounds one replicate to about a second. */
export const MAX_PG_WORK = 2e7;

export const policyGradientSchema: Schema<PolicyGradientParams> = {
  params: {
    A: { type: "int", label: "Actions A", help: "Number of distinct actions (answers).", unit: "A", min: 2, max: 10_000, scale: "log", default: 10 },
    correct: { type: "int", label: "Correct actions", help: "Actions with true reward 1 (the first ones).", min: 1, max: 9_999, default: 1 },
    hacks: { type: "int", label: "Hack actions", help: "Wrong actions the verifier accepts with probability hackAccept.", min: 0, max: 9_999, default: 1 },
    flip: { type: "float", label: "Verifier flip rate", help: "Probability the verifier flips the reward of a non-hack action.", min: 0, max: 0.5, step: 0.01, default: 0.1 },
    hackAccept: { type: "float", label: "Hack acceptance", help: "Probability the verifier rewards a hack action.", min: 0, max: 1, step: 0.01, default: 1 },
    initCorrect: { type: "float", label: "Initial π(correct)", help: "Initial probability of the correct actions together; the rest is spread equally.", min: 0.001, max: 0.999, step: 0.001, default: 0.1 },
    eta: { type: "float", label: "Learning rate η", help: "Step size on the logits.", unit: "η", min: 1e-4, max: 10, step: 1e-4, scale: "log", default: 0.5 },
    batch: { type: "int", label: "Batch size B", help: "Samples per step (leave-one-out baseline when B ≥ 2).", unit: "B", min: 1, max: 100_000, scale: "log", default: 16 },
    entropyBonus: { type: "float", label: "Entropy bonus λ_H", help: "Weight of the entropy bonus (exact gradient).", min: 0, max: 1, step: 0.01, default: 0 },
    klPenalty: { type: "float", label: "KL penalty β", help: "Weight of KL(π‖π₀) (exact gradient).", unit: "β", min: 0, max: 1, step: 0.01, default: 0 },
    gradient: {
      type: "enum",
      label: "Gradient",
      help: "sampled: REINFORCE estimate from B draws; expected: its exact expectation (deterministic mean field).",
      options: [
        { value: "sampled", label: "Sampled (REINFORCE)" },
        { value: "expected", label: "Expected (mean field)" },
      ],
      default: "sampled",
    },
    generations: { type: "int", label: "Steps", help: "Number of gradient steps T.", min: 0, max: 100_000, default: 200 },
    k: { type: "int", label: "k of pass@k", help: "pass@k = 1 − (1 − π(correct))^k.", min: 1, max: 10_000, scale: "log", default: 10 },
  },
  check: (p) => {
    if (p.correct + p.hacks >= p.A) {
      throw new ParamError("hacks", `at most A − correct − 1 = ${p.A - p.correct - 1} (at least one plainly wrong action)`, String(p.hacks));
    }
    if ((p.A + 1) * (p.generations + 1) > MAX_PG_WORK) {
      throw new ParamError("generations", `at most ${Math.floor(MAX_PG_WORK / (p.A + 1)) - 1} when A = ${p.A} ((A+1)·(T+1) ≤ ${MAX_PG_WORK})`, String(p.generations));
    }
  },
};

/** Resolves validated params into the simulation config. */
export function policyGradientConfig(p: PolicyGradientParams): PolicyGradientConfig {
  const reward = new Float64Array(p.A), accept = new Float64Array(p.A), z0 = new Float64Array(p.A);
  const others = p.A - p.correct;
  for (let i = 0; i < p.A; i++) {
    const isCorrect = i < p.correct, isHack = !isCorrect && i < p.correct + p.hacks;
    reward[i] = isCorrect ? 1 : 0;
    accept[i] = isCorrect ? 1 - p.flip : isHack ? p.hackAccept : p.flip;
    z0[i] = isCorrect ? ln(p.initCorrect / p.correct) : ln((1 - p.initCorrect) / others);
  }
  return { reward, accept, z0, eta: p.eta, batch: p.batch, entropyBonus: p.entropyBonus, klPenalty: p.klPenalty, gradient: p.gradient, k: p.k, generations: p.generations };
}

const METRICS: MetricSpec[] = [
  { name: "entropy", label: "Entropy H(π_t)", help: "Entropy of the policy.", unit: "bits" },
  { name: "trueReward", label: "True reward", help: "E_π r: probability of a correct action (pass@1)." },
  { name: "proxyReward", label: "Proxy reward", help: "E_π r̂: the verifier's expected reward." },
  { name: "passAtK", label: "pass@k", help: "1 − (1 − π_t(correct))^k." },
  { name: "predictedEntropyChange", label: "Predicted ΔH", help: "−Cov_π(log π, Δz) for the step into t (first order).", unit: "bits" },
  { name: "realisedEntropyChange", label: "Realised ΔH", help: "H(π_t) − H(π_{t−1}).", unit: "bits" },
];

let meanFieldKey = "";
let meanFieldCache: Record<string, number[]> = {};

/** The deterministic mean-field path (gradient = expected) under keys `<metric>:meanField`; for `expected` itself, the metrics. */
export function policyGradientTheory(p: PolicyGradientParams): Record<string, number[]> {
  const key = JSON.stringify(p);
  if (key !== meanFieldKey) {
    const paths = runPolicyGradient({ ...policyGradientConfig(p), gradient: "expected" }, () => 0);
    const suffix = p.gradient === "expected" ? "" : ":meanField";
    meanFieldCache = Object.fromEntries(Object.entries(paths).map(([name, v]) => [`${name}${suffix}`, Array.from(v)]));
    meanFieldKey = key;
  }
  return Object.fromEntries(Object.entries(meanFieldCache).map(([k, v]) => [k, v.slice()]));
}

export const policyGradient: Model<PolicyGradientParams> = {
  id: "policyGradient",
  label: "Policy gradient with a noisy verifier",
  description:
    "A softmax policy over A actions is trained by REINFORCE (leave-one-out baseline) on the verifier's reward, which is flipped at a rate " +
    "and always granted to hack actions. Entropy falls whenever likely actions get positive advantage (ΔH ≈ −Cov_π(log π, Δz)); " +
    "the proxy reward rises while the true reward can fall.",
  schema: policyGradientSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => runPolicyGradient(policyGradientConfig(p), rng),
  theory: (p) => policyGradientTheory(p),
};

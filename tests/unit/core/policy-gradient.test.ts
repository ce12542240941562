/**
 * Model "policyGradient": T23 (entropy–covariance identity on the model's own steps), unbiasedness of the
 * REINFORCE estimator against the exact gradient π_b(μ_b − μ̄) (3 SE), and the Goodhart signature with a
 * hack action (proxy reward up, true reward down).
 */
import { describe, expect, it } from "vitest";
import { policyGradient, policyGradientConfig, type PolicyGradientParams } from "../../../src/core/models/policy-gradient";
import { reinforceGradient } from "../../../src/core/models/policy-gradient-sim";
import { createRng } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { softmax } from "../../../src/core/theory/entropy-covariance";
import { meanSe } from "./stats";

const params = (raw: Record<string, unknown>): PolicyGradientParams => validateParams(policyGradient.schema, raw);

describe("T23 in the model: realised ΔH vs −Cov_π(log π, Δz) at η = 1e-3", () => {
  it("expected gradient: relative error < 1% at every step", () => {
    const out = policyGradient.replicate(params({ gradient: "expected", eta: 1e-3, initCorrect: 0.3, generations: 50 }), createRng(1));
    for (let t = 1; t <= 50; t++) {
      const pred = out.predictedEntropyChange![t]!, real = out.realisedEntropyChange![t]!;
      expect(Math.abs(pred)).toBeGreaterThan(0);
      expect(Math.abs(real - pred) / Math.abs(pred)).toBeLessThan(0.01);
    }
  });

  it("sampled REINFORCE steps: Σ|realised − predicted| / Σ|predicted| < 1%, and it grows with η", () => {
    const rel = (eta: number) => {
      const out = policyGradient.replicate(params({ eta, initCorrect: 0.3, batch: 8, generations: 100 }), createRng(2));
      let diff = 0, size = 0;
      for (let t = 1; t <= 100; t++) {
        diff += Math.abs(out.realisedEntropyChange![t]! - out.predictedEntropyChange![t]!);
        size += Math.abs(out.predictedEntropyChange![t]!);
      }
      return diff / size;
    };
    expect(rel(1e-3)).toBeLessThan(0.01);
    expect(rel(1)).toBeGreaterThan(0.01); // the identity is first order only
  });
});

describe("REINFORCE with a leave-one-out baseline", () => {
  it.each([1, 2, 16])("is unbiased for π_b(μ_b − μ̄) with B = %i (3 SE per action)", (B) => {
    const cfg = policyGradientConfig(params({ A: 6, correct: 1, hacks: 1, initCorrect: 0.25, flip: 0.2, hackAccept: 0.7 }));
    const pi = softmax(Float64Array.from([0.5, -0.2, 0.1, 0.9, -1, 0]));
    const mean = pi.reduce((s, p, i) => s + p * cfg.accept[i]!, 0);
    const R = 20_000;
    const draws = Array.from({ length: 6 }, () => new Float64Array(R));
    const rng = createRng(40 + B), g = new Float64Array(6);
    for (let r = 0; r < R; r++) {
      reinforceGradient(rng, pi, cfg.accept, B, g);
      for (let b = 0; b < 6; b++) draws[b]![r] = g[b]!;
    }
    for (let b = 0; b < 6; b++) {
      const { mean: m, se } = meanSe(draws[b]!);
      expect(Math.abs(m - pi[b]! * (cfg.accept[b]! - mean)), `action ${b}`).toBeLessThan(3 * se);
    }
  });
});

describe("Goodhart and regularisers", () => {
  const base = { gradient: "expected", A: 10, correct: 1, hacks: 1, hackAccept: 1, flip: 0.1, initCorrect: 0.1, eta: 0.5, generations: 2000 };

  it("a hack the verifier always rewards: proxy reward keeps rising while the true reward peaks then falls", () => {
    const out = policyGradient.replicate(params(base), createRng(3));
    const T = 2000;
    for (let t = 1; t <= T; t++) expect(out.proxyReward![t]!).toBeGreaterThanOrEqual(out.proxyReward![t - 1]! - 1e-12);
    const peak = Math.max(...out.trueReward!);
    expect(peak).toBeGreaterThan(out.trueReward![0]! + 0.05);
    expect(out.trueReward![T]!).toBeLessThan(peak - 0.1);
    expect(out.entropy![T]!).toBeLessThan(out.entropy![0]! - 1);
  });

  it("an entropy bonus or a KL penalty keeps more entropy; theory() is the mean field", () => {
    const plain = policyGradient.replicate(params(base), createRng(4)).entropy![2000]!;
    const bonus = policyGradient.replicate(params({ ...base, entropyBonus: 0.2 }), createRng(4)).entropy![2000]!;
    const kl = policyGradient.replicate(params({ ...base, klPenalty: 0.2 }), createRng(4)).entropy![2000]!;
    expect(bonus).toBeGreaterThan(plain + 0.1);
    expect(kl).toBeGreaterThan(plain + 0.1);
    const p = params({ ...base, generations: 30 });
    expect(policyGradient.theory(p).entropy).toEqual(Array.from(policyGradient.replicate(p, createRng(5)).entropy!));
    expect(Object.keys(policyGradient.theory({ ...p, gradient: "sampled" }))).toContain("trueReward:meanField");
  });
});

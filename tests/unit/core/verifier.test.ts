/**
 * Model "verifier" against closed forms and exact chains (paper-math §4 S8: T21, T22). Expected values are
 * computed here independently (direct a^t products, Kimura's formula) or by the exact Markov chain; the
 * simulation is compared within 3 SE from replicate variance, fixed seeds.
 */
import { describe, expect, it } from "vitest";
import { verifier, verifierConfig, type VerifierParams } from "../../../src/core/models/verifier";
import { runEnsemble } from "../../../src/core/ensemble";
import { createRng, replicateRngs } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { kimuraFixation, selectionFixationProbabilities, selectionDistributions } from "../../../src/core/theory/selection-chain";
import { replicatorShares } from "../../../src/core/theory/replicator";
import { meanSe } from "./stats";

const params = (raw: Record<string, unknown>): VerifierParams => validateParams(verifier.schema, raw);

describe("T21: population limit = replicator closed form π0 a^t / Z", () => {
  it("matches the direct product formula to 1e-12 at every round (3 classes, many answers)", () => {
    const p = params({ mode: "population", generations: 60, falseNegative: 0.1, hackAccept: [0.95], wrongAccept: 0.2, initCorrect: 0.3, initHack: 0.1, answersCorrect: 5, answersWrong: 20 });
    const out = verifier.replicate(p, createRng(1));
    const pi0 = [0.3, 0.1, 0.6], a = [0.9, 0.95, 0.2];
    let worst = 0;
    for (let t = 0; t <= 60; t++) {
      const w = pi0.map((v, c) => v * a[c]! ** t);
      const z = w.reduce((s, v) => s + v, 0);
      ["correct", "hack", "wrong"].forEach((name, c) => (worst = Math.max(worst, Math.abs(out[`share:${name}`]![t]! - w[c]! / z))));
    }
    expect(worst).toBeLessThan(1e-12);
    // The hack (a_h = 0.95 > a⋆ = 0.9) wins: Goodhart.
    expect(out["share:hack"]![60]!).toBeGreaterThan(0.8);
  });

  it("model theory equals the simulation, and replicatorShares equals the direct formula", () => {
    const p = params({ mode: "population", generations: 40, hackAccept: [0.5, 0.97, 0.8], initHack: 0.3 });
    const out = verifier.replicate(p, createRng(2));
    const th = verifier.theory(p);
    for (const key of Object.keys(out)) {
      const diff = Math.max(...Array.from(out[key]!, (v, t) => Math.abs(v - th[key]![t]!)));
      expect(diff, key).toBeLessThan(1e-12);
    }
    const direct = [0.4, 0.1, 0.1, 0.1, 0.3].map((v, c) => v * [0.9, 0.5, 0.97, 0.8, 0.2][c]! ** 40);
    const z = direct.reduce((s, v) => s + v, 0);
    replicatorShares([0.4, 0.1, 0.1, 0.1, 0.3], [0.9, 0.5, 0.97, 0.8, 0.2], 40).forEach((v, c) => expect(Math.abs(v - direct[c]! / z)).toBeLessThan(1e-14));
  });

  it("geometric KL regulariser: π_t ∝ π0 a^{e_t}, e_t = Σ_{k≤t}(1−β)^k, fixed point a^{(1−β)/β}", () => {
    const beta = 0.2;
    const p = params({ mode: "population", generations: 200, beta, regulariser: "geometric", hackAccept: [0.95], wrongAccept: 0.2, initCorrect: 0.3, initHack: 0.1 });
    const out = verifier.replicate(p, createRng(3));
    const pi0 = [0.3, 0.1, 0.6], a = [0.9, 0.95, 0.2];
    for (const t of [1, 5, 200]) {
      let e = 0;
      for (let k = 1; k <= t; k++) e += (1 - beta) ** k;
      const w = pi0.map((v, c) => v * a[c]! ** e);
      const z = w.reduce((s, v) => s + v, 0);
      expect(Math.abs(out["share:hack"]![t]! - w[1]! / z)).toBeLessThan(1e-12);
    }
    // The regularised fixed point keeps the correct class well alive (unregularised it would be ~0.05 by t = 200).
    expect(out["share:correct"]![200]!).toBeGreaterThan(0.3);
  });

  it("a gold round keeps only the correct class; a false-negative rate of 1 kills the correct class at once", () => {
    const gold = verifier.replicate(params({ mode: "population", generations: 10, goldFraction: 0.25 }), createRng(4));
    expect(gold["share:correct"]![3]).toBeLessThan(1);
    expect(gold["share:correct"]![4]).toBe(1); // round s = 3 is the first gold round (⌊4·0.25⌋ > ⌊3·0.25⌋)
    const fn = verifier.replicate(params({ mode: "population", generations: 3, falseNegative: 1 }), createRng(5));
    expect(Array.from(fn.fixedWrong!)).toEqual([0, 1, 1, 1]);
    expect(Array.from(fn.passAtK!)).toEqual([1 - 0.7 ** 10, 0, 0, 0]);
  });
});

describe("T22: hack fixation under finite N = Wright–Fisher with selection", () => {
  // a⋆ = 0.9, a_h = 0.918: s = a_h/a⋆ − 1 = 0.02; N = 100; π0(hack) = p = 0.1; no plainly wrong answers.
  const raw = { mode: "accepted", N: 100, falseNegative: 0.1, hackAccept: [0.918], initCorrect: 0.9, initHack: 0.1, answersCorrect: 1, answersHack: 1, answersWrong: 1 };

  it("exact chain: ultimate fixation ≈ 0.334, Kimura u(p) within 3% of it", () => {
    const u = selectionFixationProbabilities(100, 0.918, 0.9)[10]!;
    expect(u).toBeGreaterThan(0.333);
    expect(u).toBeLessThan(0.335);
    const kimura = kimuraFixation(100, 0.918 / 0.9 - 1, 0.1);
    expect(kimura).toBeCloseTo((1 - Math.exp(-0.4)) / (1 - Math.exp(-4)), 12);
    expect(Math.abs(kimura - u) / u).toBeLessThan(0.03);
    // With s < 0 (correct favoured) the wrong class still fixes with positive probability, below its neutral p.
    const against = selectionFixationProbabilities(100, 0.882, 0.9)[10]!;
    expect(against).toBeGreaterThan(0.005);
    expect(against).toBeLessThan(0.1);
    // Neutral chain: u = j/N (martingale).
    const neutral = selectionFixationProbabilities(50, 0.7, 0.7);
    for (let j = 0; j <= 50; j++) expect(neutral[j]!).toBeCloseTo(j / 50, 10);
  });

  it("simulated fraction with the correct class extinct at T = 600 is within 3 SE of the exact chain", () => {
    const T = 600, R = 3000, t = 50;
    const p = params({ ...raw, generations: T });
    const fixed = new Float64Array(R), share = new Float64Array(R);
    replicateRngs(22, R).forEach((rng, r) => {
      const out = verifier.replicate(p, rng);
      fixed[r] = out.fixedWrong![T]!;
      share[r] = out["share:hack"]![t]!;
    });
    const dists = selectionDistributions(100, 0.918, 0.9, 10, T);
    const exactAtT = dists[T]![100]!;
    const th = verifier.theory(p);
    expect(th.fixedWrong![T]!).toBeCloseTo(exactAtT, 12);
    const f = meanSe(fixed);
    expect(Math.abs(f.mean - exactAtT)).toBeLessThan(3 * f.se);
    // By T = 600 all but 3·10⁻⁴ of the runs are absorbed, so this is the ultimate fixation probability too.
    expect(Math.abs(exactAtT - selectionFixationProbabilities(100, 0.918, 0.9)[10]!)).toBeLessThan(0.001);
    // E share of the hack at an intermediate round, against the chain's mean.
    const eShare = dists[t]!.reduce((s, v, j) => s + (v * j) / 100, 0);
    expect(th["share:hack"]![t]!).toBeCloseTo(eShare, 12);
    const h = meanSe(share);
    expect(Math.abs(h.mean - eShare)).toBeLessThan(3 * h.se);
  }, 120_000);

  it("chain theory in the model matches the simulation when π0 is off the grid and both classes have several answers", () => {
    const p = params({ mode: "accepted", N: 30, generations: 40, falseNegative: 0.2, hackAccept: [0.9], initCorrect: 0.63, initHack: 0.37, answersCorrect: 3, answersHack: 2 });
    const th = verifier.theory(p);
    expect(th.entropy).toBeUndefined(); // within-class drift: no exact entropy
    const run = runEnsemble(verifier, p, { seed: 7, replicates: 4000, keepPaths: 0 });
    for (const key of ["share:correct", "passAtK", "fixedWrong", "measuredAccuracy"]) {
      for (const t of [1, 10, 40]) {
        const { mean, se } = run.metrics[key]!;
        expect(Math.abs(mean[t]! - th[key]![t]!), `${key} at ${t}`).toBeLessThan(3 * se[t]! + 1e-12);
      }
    }
  }, 60_000);

  it("the sampled mode refits on a random number of accepted answers (measured ≠ population at small N)", () => {
    const p = params({ mode: "sampled", N: 5, generations: 30, initCorrect: 0.5, initHack: 0.5, hackAccept: [0.3], answersCorrect: 1, answersHack: 1 });
    const cfg = verifierConfig(p);
    expect(cfg.accept).toEqual([0.9, 0.3, 0.2]);
    const runs = Array.from({ length: 2000 }, (_, r) => verifier.replicate(p, createRng(100 + r))["share:correct"]![30]!);
    const { mean } = meanSe(runs);
    // The correct class is favoured 3:1 but with 5 draws per round drift often fixes the hack.
    expect(mean).toBeGreaterThan(0.6);
    expect(mean).toBeLessThan(0.999);
  });
});

describe("pass@1 up, pass@k down over runs (replicates as problems; Yue et al. 2025)", () => {
  it("exact chain: E pass@1 rises from 0.05 to the fixation probability, E pass@50 falls to it; simulation within 3 SE", () => {
    const p = params({ mode: "accepted", N: 20, generations: 200, falseNegative: 0.1, wrongAccept: 0.5, initCorrect: 0.05, initHack: 0, answersCorrect: 1, answersWrong: 1, k: 50 });
    const th = verifier.theory(p);
    const fixCorrect = selectionFixationProbabilities(20, 0.9, 0.5)[1]!; // one correct answer in 20, a⋆ = 0.9 vs a_w = 0.5
    expect(th.trueAccuracy![0]).toBeCloseTo(0.05, 14);
    expect(th.passAtK![0]).toBeCloseTo(1 - 0.95 ** 50, 14);
    expect(th.trueAccuracy![200]!).toBeCloseTo(fixCorrect, 6);
    expect(th.passAtK![200]!).toBeCloseTo(fixCorrect, 6);
    expect(fixCorrect).toBeGreaterThan(0.6);
    expect(th.passAtK![200]!).toBeLessThan(th.passAtK![0]! - 0.05);
    const run = runEnsemble(verifier, p, { seed: 25, replicates: 3000, keepPaths: 0 });
    for (const key of ["trueAccuracy", "passAtK"]) {
      const { mean, se } = run.metrics[key]!;
      for (const t of [3, 200]) expect(Math.abs(mean[t]! - th[key]![t]!), `${key} at ${t}`).toBeLessThan(3 * se[t]!);
    }
  }, 60_000);
});

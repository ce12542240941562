/**
 * mechanismLoop (S11 / T29, reconstruction): the program learner keeps h* through T = 50 generations in at
 * least 99% of 500 runs; the k-gram learner's KL to the truth rises (Mann–Kendall trend test) and its
 * entropy falls. Also: the identification bound (exact double sum vs brute force; bound vs Monte Carlo),
 * and block statistics.
 */
import { describe, expect, it } from "vitest";
import { runEnsemble } from "../../../src/core/ensemble";
import { mechanismLoop } from "../../../src/core/models/mechanism-loop";
import { misidentification } from "../../../src/core/models/mechanism-theory";
import { validateParams } from "../../../src/core/schema";
import { exceptionBits, fromString } from "../../../src/core/programs/bits";
import { misidentificationBound } from "../../../src/core/programs/identification-bound";
import { blockDistribution, conditionalEntropy, klBits, noisyBlockDistribution } from "../../../src/core/programs/block-stats";
import { buildLibrary } from "../../../src/core/programs/library";
import { projectOnLibrary } from "../../../src/core/programs/learners";
import { runProgram } from "../../../src/core/programs/language";
import { createRng } from "../../../src/core/rng";
import { ParamError } from "../../../src/core/errors";
import { models } from "../../../src/core/models/index";

/** Mann–Kendall S statistic and its z score (no ties correction needed for continuous means). */
function mannKendallZ(v: ArrayLike<number>): number {
  const n = v.length;
  let S = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) S += Math.sign(v[j]! - v[i]!);
  const varS = (n * (n - 1) * (2 * n + 5)) / 18;
  return (S - Math.sign(S)) / Math.sqrt(varS);
}

describe("T29: mechanism vs distribution learner (toy)", () => {
  it("program learner keeps h* in ≥ 99% of 500 runs over T = 50; k-gram KL rises, entropy falls", { timeout: 600_000 }, () => {
    const p = validateParams(mechanismLoop.schema, {});
    expect([p.n, p.noise, p.pattern.length, p.generations]).toEqual([200, 0.05, 6, 50]);
    const r = runEnsemble(mechanismLoop, p, { seed: 29, replicates: 500 });
    expect(r.metrics["program:kept"]!.mean[50]).toBeGreaterThanOrEqual(0.99);
    expect(r.metrics["kgram:kept"]!.mean[50]).toBeLessThan(0.9);
    const kl = r.metrics["kgram:kl"]!;
    expect(mannKendallZ(kl.mean)).toBeGreaterThan(3);
    expect(kl.mean[50]! - kl.mean[0]!).toBeGreaterThan(3 * Math.hypot(kl.se[50]!, kl.se[0]!));
    const h = r.metrics["kgram:entropy"]!;
    expect(h.mean[0]! - h.mean[50]!).toBeGreaterThan(3 * Math.hypot(h.se[50]!, h.se[0]!));
    // Theory: 1 − (t+1) ε_n with ε_n the union bound; at these parameters ε_n is far below 1/5000.
    expect(r.theory["program:kept"]![50]).toBeGreaterThan(0.99);
    expect(r.metrics["program:kept"]!.mean[50]).toBeGreaterThanOrEqual(r.theory["program:kept"]![50]! - 3 * Math.max(r.metrics["program:kept"]!.se[50]!, 1 / 500));
  });
  it("is registered, deterministic per seed, and validates its text parameter", () => {
    expect(models.mechanismLoop).toBe(mechanismLoop);
    const p = validateParams(mechanismLoop.schema, { generations: 3, n: 60 });
    expect(runEnsemble(mechanismLoop, p, { seed: 3, replicates: 4 })).toEqual(runEnsemble(mechanismLoop, p, { seed: 3, replicates: 4 }));
    expect(() => validateParams(mechanismLoop.schema, { pattern: "01a" })).toThrow(ParamError);
    expect(() => validateParams(mechanismLoop.schema, { pattern: "<script>" })).toThrow(ParamError);
  });
});

describe("identification bound", () => {
  it("the double sum equals brute-force enumeration of all flip patterns (N = 12)", () => {
    const N = 12;
    const eps = 0.2;
    for (const [extraBits, d] of [[0, 3], [2.5, 5], [-1, 4], [6, 9]] as const) {
      let brute = 0;
      for (let mask = 0; mask < 1 << N; mask++) {
        let j = 0;
        let r = 0;
        let flips = 0;
        for (let i = 0; i < N; i++) if ((mask >> i) & 1) (flips++, i < d ? j++ : r++);
        const prob = eps ** flips * (1 - eps) ** (N - flips);
        if (extraBits + exceptionBits(N, d - j + r) <= exceptionBits(N, j + r)) brute += prob;
      }
      const bound = misidentificationBound([{ extraBits, distance: d }], N, eps);
      // Equal up to summation order (the skipped-term allowance is ≤ 1e-18 · (N + 2)).
      expect(Math.abs(bound - brute)).toBeLessThan(1e-13);
    }
  });
  it("bounds the Monte Carlo misidentification rate of one MDL step (n = 30, ε = 0.2, no grounding)", () => {
    const p = validateParams(mechanismLoop.schema, { n: 30, noise: 0.2, grounded: 0 });
    const bound = misidentification(p);
    const lib = buildLibrary(30);
    const clean = runProgram({ base: { kind: "repeat", w: p.pattern }, complement: false, reverse: false }, 30);
    const rng = createRng(5);
    const R = 2000;
    let wrong = 0;
    for (let rep = 0; rep < R; rep++) {
      const data = Uint8Array.from(clean, (b) => b ^ (rng() < 0.2 ? 1 : 0));
      const { index } = projectOnLibrary(lib, data, { m: 0, packed: new Uint32Array(0) });
      const out = runProgram(lib.programs[index]!, 30);
      if (out.some((b, i) => b !== clean[i])) wrong++;
    }
    const rate = wrong / R;
    expect(rate).toBeGreaterThan(0); // the regime is hard enough to measure
    expect(rate).toBeLessThanOrEqual(Math.min(1, bound) + 3 * Math.sqrt((rate * (1 - rate)) / R));
  });
});

describe("block statistics", () => {
  it("exact noisy block distribution sums to 1, equals the clean one at ε = 0, and KL(p‖p) = 0", () => {
    const clean = runProgram({ base: { kind: "repeat", w: "001011" }, complement: false, reverse: false }, 400);
    const q = noisyBlockDistribution(clean, 200, 4, 0.05);
    expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const q0 = noisyBlockDistribution(clean, 200, 4, 0);
    expect(Array.from(q0)).toEqual(Array.from(blockDistribution(clean.subarray(0, 200), 4)));
    expect(klBits(q, q)).toBe(0);
    expect(conditionalEntropy(fromString("001011".repeat(30)), 4)).toBeCloseTo(0, 12);
    // i.i.d. fair bits: H(next | 3 previous) → 1 (check on the exact distribution of an all-noise source).
    const half = noisyBlockDistribution(new Uint8Array(400), 200, 4, 0.5);
    for (const v of half) expect(v).toBeCloseTo(1 / 16, 12);
  });
});

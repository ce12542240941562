import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng";
import { multinomial } from "../../../src/core/sampling/multinomial";
import { expectedMissingMass, goodTuringExpectation } from "../../../src/core/theory/categorical";
import { logLogSlope, missingMassAfter, tailMass, zipfMissingMassExponent, zipfTailExponent, zipfWeights } from "../../../src/core/theory/tails";
import { meanSe } from "./stats";

describe("Zipf tails and missing mass", () => {
  const beta = 2, K = 10_000;
  const p = zipfWeights(beta, K);

  it("T25: Σ p_i (1 − p_i)^T matches Monte Carlo at T = 1000 within 3 SE", () => {
    const T = 1000, R = 400;
    const rng = createRng(25);
    const counts = new Float64Array(K), tail = new Float64Array(K);
    const missed = new Float64Array(R);
    const singletons = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      multinomial(rng, T, p, counts, tail);
      let m = 0, n1 = 0;
      for (let i = 0; i < K; i++) {
        if (counts[i] === 0) m += p[i]!;
        else if (counts[i] === 1) n1++;
      }
      missed[r] = m;
      singletons[r] = n1 / T;
    }
    const mm = meanSe(missed);
    expect(Math.abs(mm.mean - missingMassAfter(p, T))).toBeLessThan(3 * mm.se);
    expect(missingMassAfter(p, T)).toBeCloseTo(expectedMissingMass(p, T), 14);
    // Good–Turing N1/T estimates Σ p (1 − p)^(T−1)
    const gt = meanSe(singletons);
    expect(Math.abs(gt.mean - goodTuringExpectation(p, T))).toBeLessThan(3 * gt.se);
  });

  it("T25: log–log slope of the missing mass over T in [1e2, 1e4] within ±0.05 of −(1 − 1/β)", () => {
    const Ts = Array.from({ length: 21 }, (_, i) => Math.round(100 * 10 ** (i / 10)));
    const slope = logLogSlope(Ts, Ts.map((T) => missingMassAfter(p, T)));
    expect(Math.abs(slope - zipfMissingMassExponent(beta))).toBeLessThan(0.05);
  });

  it("tail-cut plateau Σ_{i>k} p_i decays with slope ≈ −(β − 1) over k in [10, 1000]", () => {
    const ks = [10, 20, 50, 100, 200, 500, 1000];
    const slope = logLogSlope(ks, ks.map((k) => tailMass(p, k)));
    expect(Math.abs(slope - zipfTailExponent(beta))).toBeLessThan(0.05);
    expect(tailMass(p, 0)).toBeCloseTo(1, 12);
  });
});

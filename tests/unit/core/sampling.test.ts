/** Normal and gamma/χ² samplers against exact moments (3 SE, fixed seeds). */
import { describe, expect, it } from "vitest";
import digamma from "@stdlib/math-base-special-digamma";
import { createRng } from "../../../src/core/rng";
import { createNormal } from "../../../src/core/sampling/normal";
import { createGamma } from "../../../src/core/sampling/chisquare";
import { ksCritical, ksStatistic, meanSE, varianceSE } from "./support/stats";
import { polarNormal } from "./support/polar-normal";

const N = 200_000;

describe("normal (ziggurat)", () => {
  it("has mean 0, variance 1, Φ(1) = 0.841344746 and E Z⁴ = 3 within 3 SE", () => {
    const z = createNormal(createRng(1));
    const xs = Float64Array.from({ length: N }, () => z());
    const m = meanSE(xs);
    expect(Math.abs(m.mean)).toBeLessThanOrEqual(3 * m.se);
    const v = varianceSE(xs);
    expect(Math.abs(v.variance - 1)).toBeLessThanOrEqual(3 * v.se);
    const below = meanSE(xs.map((x) => (x < 1 ? 1 : 0)));
    expect(Math.abs(below.mean - 0.841344746)).toBeLessThanOrEqual(3 * below.se);
    const k = meanSE(xs.map((x) => x ** 4));
    expect(Math.abs(k.mean - 3)).toBeLessThanOrEqual(3 * k.se);
  });
  it("matches an independent polar-method sampler (two-sample KS, α = 0.001) and the exact tail masses", () => {
    const z = createNormal(createRng(2));
    const ref = polarNormal(createRng(3));
    const a = Float64Array.from({ length: N }, () => z());
    const b = Float64Array.from({ length: N }, () => ref());
    expect(ksStatistic(a, b)).toBeLessThan(ksCritical(N, N));
    // P(|Z| > R) at the ziggurat's tail start R = 3.442619855899, and P(|Z| > 2.5) (wedges), from erfc.
    for (const [cut, p] of [[3.442619855899, 0.0005761085123916405], [2.5, 0.012419330651552278]] as const) {
      const beyond = meanSE(a.map((x) => (Math.abs(x) > cut ? 1 : 0)));
      expect(Math.abs(beyond.mean - p)).toBeLessThanOrEqual(3 * Math.sqrt((p * (1 - p)) / N));
    }
    const big = meanSE(a.map((x) => (x > 4 ? 1 : 0))); // only the tail sampler can produce these
    expect(big.mean).toBeGreaterThan(0);
  });
  it("is deterministic per stream", () => {
    const a = createNormal(createRng(9)), b = createNormal(createRng(9));
    for (let i = 0; i < 7; i++) expect(a()).toBe(b());
  });
});

describe("gamma / chi-square (Marsaglia–Tsang, boost below shape 1)", () => {
  for (const k of [1, 2, 9, 99]) {
    it(`χ²_${k}: mean k, variance 2k, E log χ² = ψ(k/2) + ln 2 within 3 SE`, () => {
      const rng = createRng(100 + k);
      const g = createGamma(rng, createNormal(rng));
      const xs = Float64Array.from({ length: N }, () => g.chiSquare(k));
      const m = meanSE(xs);
      expect(Math.abs(m.mean - k)).toBeLessThanOrEqual(3 * m.se);
      const v = varianceSE(xs);
      expect(Math.abs(v.variance - 2 * k)).toBeLessThanOrEqual(3 * v.se);
      const logs = Float64Array.from({ length: N }, () => g.logChiSquare(k));
      const l = meanSE(logs);
      expect(Math.abs(l.mean - (digamma(k / 2) + Math.LN2))).toBeLessThanOrEqual(3 * l.se);
    });
  }
  it("Gamma(0.3): mean 0.3 within 3 SE, and rejects invalid shapes", () => {
    const rng = createRng(7);
    const g = createGamma(rng, createNormal(rng));
    const m = meanSE(Float64Array.from({ length: N }, () => g.gamma(0.3)));
    expect(Math.abs(m.mean - 0.3)).toBeLessThanOrEqual(3 * m.se);
    for (const bad of [0, -1, Number.NaN, Infinity]) expect(() => g.gamma(bad)).toThrow(RangeError);
  });
});

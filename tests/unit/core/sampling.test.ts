/** Normal and gamma/χ² samplers against exact moments (3 SE, fixed seeds). */
import { describe, expect, it } from "vitest";
import digamma from "@stdlib/math-base-special-digamma";
import { createRng } from "../../../src/core/rng";
import { createNormal } from "../../../src/core/sampling/normal";
import { createGamma } from "../../../src/core/sampling/chisquare";
import { meanSE, varianceSE } from "./support/stats";

const N = 200_000;

describe("normal (polar method)", () => {
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

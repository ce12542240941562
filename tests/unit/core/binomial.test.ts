import gammaln from "@stdlib/math-base-special-gammaln";
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng";
import { binomial, stirlingTail } from "../../../src/core/sampling/binomial";
import { chiSquare, chiSquareCritical, lnChoose, meanSe } from "./stats";

/** Exact pmf by log-gamma (an independent method from the sampler's recursions). */
function pmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) out[k] = Math.exp(lnChoose(n, k, gammaln) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  return out;
}

function draws(seed: number, R: number, n: number, p: number): Float64Array {
  const rng = createRng(seed);
  const xs = new Float64Array(R);
  for (let i = 0; i < R; i++) xs[i] = binomial(rng, n, p);
  return xs;
}

describe("binomial sampler", () => {
  it("Stirling remainders match log-gamma", () => {
    for (let k = 0; k <= 40; k++) {
      const exact = gammaln(k + 1) - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
      expect(Math.abs(stirlingTail(k) - exact)).toBeLessThan(1e-13);
    }
  });

  // Inversion (n·p < 10), BTRD near the mode and in the squeeze/exact tails (large n·p·q), and p > 1/2.
  const cases: [number, number][] = [
    [1, 0.3], [20, 0.5], [50, 0.15], [100, 0.3], [1000, 0.01], [10_000, 0.3], [200, 0.97], [5000, 0.999],
  ];
  it.each(cases)("Bin(%d, %d): χ² against the exact pmf at the 0.1 percent level", (n, p) => {
    const R = 40_000;
    const xs = draws(n + Math.round(p * 1000), R, n, p);
    const counts = new Float64Array(n + 1);
    let invalid = 0;
    for (const x of xs) {
      if (Number.isInteger(x) && x >= 0 && x <= n) counts[x]!++;
      else invalid++;
    }
    expect(invalid).toBe(0);
    const { stat, df } = chiSquare(counts, pmf(n, p), R);
    expect(df).toBeGreaterThan(0);
    expect(stat).toBeLessThan(chiSquareCritical(Math.max(df, 3)));
  });

  it("mean and variance within 3 SE for n = 1e9 (p = 1/2 and p = 1e-12)", () => {
    const R = 50_000;
    for (const p of [0.5, 1e-12]) {
      const n = 1e9;
      const xs = draws(7, R, n, p);
      const { mean, se } = meanSe(xs);
      expect(Math.abs(mean - n * p)).toBeLessThan(3 * se + 1e-12);
      // variance target n p (1−p) with the sample variance's SE for these near-normal / near-Poisson laws
      const v = meanSe(xs.map((x) => (x - n * p) ** 2));
      expect(Math.abs(v.mean - n * p * (1 - p))).toBeLessThan(3 * v.se);
    }
  });

  it("extremes are exact: p = 0, p = 1, n = 0, tiny p with small n", () => {
    const rng = createRng(3);
    let wrong = 0;
    for (let i = 0; i < 1000; i++) {
      if (binomial(rng, 1e9, 0) !== 0) wrong++;
      if (binomial(rng, 1e9, 1) !== 1e9) wrong++;
      if (binomial(rng, 0, 0.5) !== 0) wrong++;
      // P(Bin(10, 1e-12) > 0) = 1e-11 per draw
      if (binomial(rng, 10, 1e-12) !== 0) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it("Bernoulli (n = 1) frequency within 3 SE", () => {
    const xs = draws(11, 100_000, 1, 0.37);
    const { mean, se } = meanSe(xs);
    expect(Math.abs(mean - 0.37)).toBeLessThan(3 * se);
  });

  it("is deterministic per stream", () => {
    expect(Array.from(draws(5, 50, 1000, 0.4))).toEqual(Array.from(draws(5, 50, 1000, 0.4)));
  });
});

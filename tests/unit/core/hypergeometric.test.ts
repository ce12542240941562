import gammaln from "@stdlib/math-base-special-gammaln";
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng";
import { hypergeometric, multivariateHypergeometric } from "../../../src/core/sampling/hypergeometric";
import { chiSquare, chiSquareCritical, lnChoose, meanSe } from "./stats";

function pmf(total: number, marked: number, draws: number): Float64Array {
  const out = new Float64Array(Math.min(marked, draws) + 1);
  const denom = lnChoose(total, draws, gammaln);
  for (let k = Math.max(0, draws - (total - marked)); k < out.length; k++) {
    out[k] = Math.exp(lnChoose(marked, k, gammaln) + lnChoose(total - marked, draws - k, gammaln) - denom);
  }
  return out;
}

describe("hypergeometric sampler", () => {
  const cases: [number, number, number][] = [[20, 7, 5], [100, 50, 50], [1000, 30, 400], [5000, 4000, 300], [60, 59, 30]];
  it.each(cases)("HG(total %d, marked %d, draws %d): χ² against the exact pmf", (total, marked, draws) => {
    const R = 30_000;
    const rng = createRng(total + marked + draws);
    const probs = pmf(total, marked, draws);
    const counts = new Float64Array(probs.length);
    let invalid = 0;
    for (let r = 0; r < R; r++) {
      const x = hypergeometric(rng, total, marked, draws);
      if (Number.isInteger(x) && x >= 0 && x < probs.length && probs[x]! > 0) counts[x]!++;
      else invalid++;
    }
    expect(invalid).toBe(0);
    const { stat, df } = chiSquare(counts, probs, R);
    expect(stat).toBeLessThan(chiSquareCritical(Math.max(df, 3)));
  });

  it("mean within 3 SE for a population of 1e8", () => {
    const rng = createRng(9);
    const xs = new Float64Array(4000);
    for (let r = 0; r < xs.length; r++) xs[r] = hypergeometric(rng, 1e8, 3e7, 1e5);
    const { mean, se } = meanSe(xs);
    expect(Math.abs(mean - 3e4)).toBeLessThan(3 * se);
  });

  it("multivariate draws sum to the budget and never exceed the pool", () => {
    const rng = createRng(4);
    const pool = [5, 0, 12, 3, 80];
    const out = new Float64Array(5);
    let bad = 0;
    for (let r = 0; r < 2000; r++) {
      multivariateHypergeometric(rng, 50, pool, out);
      const s = out.reduce((a, b) => a + b, 0);
      if (s !== 50 || out.some((x, i) => x > pool[i]! || x < 0)) bad++;
    }
    expect(bad).toBe(0);
    multivariateHypergeometric(rng, 100, pool, out);
    expect(Array.from(out)).toEqual(pool);
  });
});

/** Correlation baselines: exactness where closed forms exist, determinism, and the extrapolation contrast. */
import { describe, expect, it } from "vitest";
import { fitPolynomial, predictPolynomial } from "../../../src/core/baselines/polynomial";
import { fitKnn, predictKnn } from "../../../src/core/baselines/knn";
import { fitMlp, predictMlp } from "../../../src/core/baselines/mlp";
import { fitKGram, greedyKGram, kgramLogLoss, probOne, sampleKGram } from "../../../src/core/baselines/kgram";
import { compareBaselines, rmsError } from "../../../src/core/baselines/extrapolation";
import { parseLaw } from "../../../src/core/symbolic/parse";
import { fromString, toString } from "../../../src/core/programs/bits";
import { createRng } from "../../../src/core/rng";
import { ParamError } from "../../../src/core/errors";

const grid = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

describe("baselines", () => {
  it("polynomial LS reproduces a cubic exactly (also far outside), and refuses degree ≥ points", () => {
    const f = (x: number) => 2 - x + 0.5 * x ** 3;
    const xs = grid(-1, 1, 12);
    const p = fitPolynomial(xs, xs.map(f), 3);
    for (const x of [-7, -0.33, 0.5, 9]) expect(predictPolynomial(p, x)).toBeCloseTo(f(x), 8);
    // Degree 10 on 12 points: still well conditioned in the scaled variable.
    const p10 = fitPolynomial(xs, xs.map(f), 10);
    for (const x of xs) expect(predictPolynomial(p10, x)).toBeCloseTo(f(x), 8);
    expect(() => fitPolynomial([1, 2, 3], [1, 2, 3], 5)).toThrow(ParamError);
  });
  it("k-NN: k = 1 is the nearest point, k = n the mean, flat outside the range", () => {
    const xs = [0, 1, 2, 3];
    const ys = [5, 7, 1, 3];
    expect(predictKnn(fitKnn(xs, ys, 1), 1.2)).toBe(7);
    expect(predictKnn(fitKnn(xs, ys, 4), -10)).toBe(4);
    expect(predictKnn(fitKnn(xs, ys, 2), 100)).toBe(2); // mean of the two largest x
    expect(() => fitKnn(xs, ys, 5)).toThrow(ParamError);
  });
  it("MLP: deterministic per seed, fits sin on its training range", () => {
    const xs = grid(-3, 3, 50);
    const ys = xs.map(Math.sin);
    const o = { hidden: 16, epochs: 1500, learningRate: 0.01, seed: 4 };
    const a = fitMlp(xs, ys, o);
    expect(fitMlp(xs, ys, o)).toEqual(a);
    expect(rmsError((x) => predictMlp(a, x), Math.sin, grid(-2.9, 2.9, 33))).toBeLessThan(0.1);
  });
  it("extrapolation: baselines fit inside but fail outside the range; the recovered law does not", () => {
    const xs = grid(-3, 3, 60);
    const rows = compareBaselines(xs, xs.map(Math.sin), Math.sin, grid(-2.9, 2.9, 40), grid(4.5, 7.5, 40), { law: parseLaw("sin(x)") });
    for (const r of rows) {
      if (r.name === "recovered law") {
        expect(r.outside).toBeLessThan(1e-12);
      } else {
        expect(r.inside).toBeLessThan(0.1);
        expect(r.outside).toBeGreaterThan(0.3);
      }
    }
  });
  it("k-gram MLE: counts by hand, unseen contexts at 1/2, sampling frequencies within 3 SE", () => {
    const m = fitKGram(fromString("0110"), 1);
    expect(Array.from(m.counts)).toEqual([0, 1, 1, 1]);
    expect(probOne(m, 1)).toBe(0.5);
    expect(probOne(fitKGram(fromString("000"), 2), 3)).toBe(0.5);
    const periodic = fitKGram(fromString("001011".repeat(20)), 3);
    expect(toString(greedyKGram(periodic, fromString("001"), 18))).toBe("001011".repeat(3));
    // A model with P(1 | 0) = 0.25, P(1 | 1) = 0.5.
    const q = fitKGram(fromString("0001" + "0011".repeat(1)), 1);
    const pa = probOne(q, 0);
    const s = sampleKGram(q, 40_000, createRng(8));
    let after0 = 0;
    let ones = 0;
    for (let i = 1; i < s.length; i++) if (s[i - 1] === 0) (after0++, (ones += s[i]!));
    const se = Math.sqrt((pa * (1 - pa)) / after0);
    expect(Math.abs(ones / after0 - pa)).toBeLessThan(3 * se);
    // Log-loss: 0 bits on its own deterministic data; 1 bit per symbol for a model that always says 1/2.
    const alt = fitKGram(fromString("01".repeat(50)), 1);
    expect(kgramLogLoss(alt, fromString("01".repeat(10)))).toBe(0);
    expect(kgramLogLoss(fitKGram(fromString("0"), 1), fromString("0110100110"))).toBeCloseTo(1, 12);
  });
});

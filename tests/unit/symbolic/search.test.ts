/**
 * Symbolic regression end to end: exact recovery of target laws from noise-free data (checked numerically
 * on fresh points, including outside the data range), recovery under noise, MDL vs an overfitted
 * polynomial, and the Pareto front's invariants.
 */
import { describe, expect, it } from "vitest";
import { createNormal } from "../../../src/core/sampling/normal";
import { createRng } from "../../../src/core/rng";
import { Evaluator } from "../../../src/core/symbolic/compile";
import { bin, evaluate, X, type Expr } from "../../../src/core/symbolic/expr";
import { makeGrammar } from "../../../src/core/symbolic/grammar";
import { defaultResolution } from "../../../src/core/symbolic/mdl";
import { parseLaw } from "../../../src/core/symbolic/parse";
import { scoreSkeleton } from "../../../src/core/symbolic/score";
import { searchExpressions } from "../../../src/core/symbolic/search";
import { ParamError } from "../../../src/core/errors";

const grid = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

function maxRelError(found: Expr, truth: (x: number) => number, xs: number[]): number {
  let worst = 0;
  for (const x of xs) worst = Math.max(worst, Math.abs(evaluate(found, x) - truth(x)) / Math.max(1, Math.abs(truth(x))));
  return worst;
}

describe("noise-free recovery", () => {
  const laws: [string, (x: number) => number, [number, number]][] = [
    ["x^2", (x) => x * x, [-2, 2]],
    ["3*x + 1", (x) => 3 * x + 1, [-2, 2]],
    ["sin(x)", Math.sin, [-3, 3]],
    ["x^3 - x", (x) => x ** 3 - x, [-2, 2]],
    ["exp(-x) * x", (x) => Math.exp(-x) * x, [0, 4]],
    ["exp(-x) * sin(x)", (x) => Math.exp(-x) * Math.sin(x), [0, 4]],
    // Kepler's third law T = a^(3/2) (a in AU, T in years), over the planets' range of a.
    ["x^(3/2)", (x) => x ** 1.5, [0.39, 30]],
    ["log(x) + x", (x) => Math.log(x) + x, [0.5, 4]],
  ];
  for (const [law, truth, [a, b]] of laws) {
    it(`recovers ${law} (equal to 1e-9 on fresh points inside and 50% beyond the range)`, { timeout: 120_000 }, () => {
      const xs = grid(a, b, 40);
      const r = searchExpressions(xs, xs.map(truth));
      const fresh = grid(a + 0.013, b + 0.5 * (b - a), 37).filter((x) => Number.isFinite(truth(x)));
      expect(maxRelError(r.best.expr, truth, fresh)).toBeLessThan(1e-9);
      // The printed plain syntax is the same function.
      expect(maxRelError(parseLaw(r.best.expression), truth, fresh)).toBeLessThan(1e-9);
    });
  }
});

describe("noisy data and MDL", () => {
  it("recovers 3x + 1 and sin(x) under Gaussian noise (σ = 0.1, n = 100) within tolerance", { timeout: 120_000 }, () => {
    for (const [truth, sigma] of [[(x: number) => 3 * x + 1, 0.1], [Math.sin, 0.1]] as const) {
      const normal = createNormal(createRng(11));
      const xs = grid(-3, 3, 100);
      const ys = xs.map((x) => truth(x) + sigma * normal());
      const r = searchExpressions(xs, ys, { sigma });
      // Least-squares error of the right family is O(σ/√n) = 0.01; allow 3× that on fresh points, also beyond the range.
      const fresh = grid(-4.5, 4.5, 50);
      const rms = Math.sqrt(fresh.reduce((s, x) => s + (evaluate(r.best.expr, x) - truth(x)) ** 2, 0) / fresh.length);
      expect(rms).toBeLessThan(0.05);
    }
  });
  it("prefers sin(x) over a degree-7 polynomial that fits the noisy sample better", { timeout: 120_000 }, () => {
    const normal = createNormal(createRng(3));
    const xs = grid(-3, 3, 100);
    const y = Float64Array.from(xs, (x) => Math.sin(x) + 0.05 * normal());
    const g = makeGrammar();
    // Horner form c0 + x(c1 + x(c2 + … x c7)): in the grammar, 8 fitted constants.
    let poly: Expr = { t: "c", i: 7 };
    for (let i = 6; i >= 0; i--) poly = bin("add", { t: "c", i }, bin("mul", X, poly));
    const noise = { sigma: 0.05, resolution: defaultResolution(y) };
    const ev = new Evaluator(Float64Array.from(xs));
    const p = scoreSkeleton(poly, g, ev, y, noise, createRng(1), { restarts: 1, iterations: 20 })!;
    const s = scoreSkeleton(parseLaw("sin(x)"), g, ev, y, noise, createRng(1), { restarts: 1, iterations: 20 })!;
    expect(p.rss).toBeLessThan(s.rss); // the polynomial fits the sample better …
    expect(s.bits).toBeLessThan(p.bits); // … but describes it worse
    const r = searchExpressions(xs, y, { sigma: 0.05 });
    expect(r.best.bits).toBeLessThan(p.bits);
    expect(maxRelError(r.best.expr, Math.sin, grid(-5, 5, 30))).toBeLessThan(0.05);
  });
  it("Pareto front: model bits increase, error strictly decreases, no two entries are the same function", { timeout: 60_000 }, () => {
    const xs = grid(-2, 2, 30);
    const r = searchExpressions(xs, xs.map((x) => x ** 3 - x));
    const probes = grid(-2.5, 2.5, 11);
    const seen = new Set<string>();
    for (let i = 0; i < r.pareto.length; i++) {
      const c = r.pareto[i]!;
      if (i > 0) {
        expect(c.modelBits).toBeGreaterThanOrEqual(r.pareto[i - 1]!.modelBits);
        expect(c.rmse).toBeLessThan(r.pareto[i - 1]!.rmse);
      }
      const h = probes.map((x) => evaluate(c.expr, x).toPrecision(8)).join();
      expect(seen.has(h)).toBe(false);
      seen.add(h);
    }
    expect(r.pareto.at(-1)!.rmse).toBeLessThan(1e-9);
    const ranked = new Set(r.ranked.map((c) => probes.map((x) => evaluate(c.expr, x).toPrecision(8)).join()));
    expect(ranked.size).toBe(r.ranked.length);
  });
  it("screens large data sets on a subsample and still recovers the law (2000 points)", { timeout: 120_000 }, () => {
    const xs = grid(-2, 2, 2000);
    const r = searchExpressions(xs, xs.map((x) => x ** 3 - x));
    expect(maxRelError(r.best.expr, (x) => x ** 3 - x, grid(-3, 3, 41))).toBeLessThan(1e-9);
    expect(r.best.rmse).toBeLessThan(1e-9);
  });
  it("is deterministic and rejects bad data with ParamError", { timeout: 60_000 }, () => {
    const xs = grid(0.5, 3, 20);
    const ys = xs.map((x) => Math.sqrt(x) + 0.01 * Math.sin(37 * x));
    expect(searchExpressions(xs, ys, { seed: 5, maxCandidates: 500 })).toEqual(searchExpressions(xs, ys, { seed: 5, maxCandidates: 500 }));
    expect(() => searchExpressions([1, 2, Number.NaN], [1, 2, 3])).toThrow(ParamError);
    expect(() => searchExpressions([1, 2], [1, 2])).toThrow(ParamError);
    expect(() => searchExpressions(new Float64Array(10_001), new Float64Array(10_001))).toThrow(ParamError);
    expect(() => searchExpressions([1, 2, 3], [1, 2, 3], { sigma: -1 })).toThrow(ParamError);
  });
});

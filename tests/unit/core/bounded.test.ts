import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runReplicates } from "../../../src/core/ensemble";
import { ParamError } from "../../../src/core/errors";
import { bounded, boundedTheory, runBounded } from "../../../src/core/models/bounded";
import { createRng } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { supportBounds } from "../../../src/core/theory/bounded";
import { step } from "./enumerate";
import { meanSe, varianceSe } from "./stats";

describe("bounded model (random walk of the truth)", () => {
  it("T12: Var m_15 = 4.272 and E s²_15 = 3.688 within 3 SE (x = 0,1,2,3,10; n = 20)", () => {
    const p = validateParams(bounded.schema, { generations: 15 });
    const th = boundedTheory(p);
    expect(th.varianceOfMean[15]).toBeCloseTo(4.272, 3);
    expect(th.variance[15]).toBeCloseTo(3.688, 3);
    const paths = runReplicates(bounded, p, 12, 0, 4000);
    const m = varianceSe(Float64Array.from(paths, (r) => r.mean![15]!));
    expect(Math.abs(m.variance - 4.272)).toBeLessThan(3 * m.se);
    const s = meanSe(Float64Array.from(paths, (r) => r.variance![15]!));
    expect(Math.abs(s.mean - 3.688)).toBeLessThan(3 * s.se);
    const mean = meanSe(Float64Array.from(paths, (r) => r.mean![15]!));
    expect(Math.abs(mean.mean - 2.2)).toBeLessThan(3 * mean.se); // martingale
  });

  for (const [sampling, alpha] of [["iid", 0.2], ["stratified", 0.25]] as const) {
    it(`grounded (${sampling}, α = ${alpha}): Var m_t and E s_t² follow the exact recursion (3 SE at t = 15)`, () => {
      const p = validateParams(bounded.schema, { generations: 15, alpha, sampling });
      const th = boundedTheory(p);
      const paths = runReplicates(bounded, p, 13, 0, 4000);
      const m = varianceSe(Float64Array.from(paths, (r) => r.mean![15]!));
      expect(Math.abs(m.variance - th.varianceOfMean[15]!)).toBeLessThan(3 * m.se);
      const s = meanSe(Float64Array.from(paths, (r) => r.variance![15]!));
      expect(Math.abs(s.mean - th.variance[15]!)).toBeLessThan(3 * s.se);
      // grounding keeps more diversity than the closed loop
      expect(th.variance[15]!).toBeGreaterThan(boundedTheory({ ...p, alpha: 0 }).variance[15]! + 3 * s.se);
    });
  }

  for (const sampling of ["iid", "stratified"] as const) {
    it(`${sampling}: E m_t, E s_t², Var m_t match brute-force enumeration for t ≤ 3 (schedule 0.5, 0.25, 0.75)`, () => {
      const x = [-1, 0.5, 4], p0 = [0.6, 0.3, 0.1], n = 4, alphas = [0.5, 0.25, 0.75];
      const p = validateParams(bounded.schema, { values: x, weights: p0, n, generations: 3, schedule: "custom", alphaList: alphas, sampling });
      const th = boundedTheory(p);
      let dist = [{ p: p0, pr: 1 }];
      for (let t = 0; t <= 3; t++) {
        let Em = 0, Em2 = 0, Es2 = 0;
        for (const d of dist) {
          const m = d.p.reduce((s, v, i) => s + v * x[i]!, 0);
          const s2 = d.p.reduce((s, v, i) => s + v * (x[i]! - m) ** 2, 0);
          Em += d.pr * m;
          Em2 += d.pr * m * m;
          Es2 += d.pr * s2;
        }
        expect(th.mean[t]).toBeCloseTo(Em, 12);
        expect(th.varianceOfMean[t]).toBeCloseTo(Em2 - Em * Em, 12);
        expect(th.variance[t]).toBeCloseTo(Es2, 12);
        if (t < 3) dist = dist.flatMap((d) => step(d.p, p0, n, alphas[t]!, sampling).map((e) => ({ p: e.p, pr: e.pr * d.pr })));
      }
    });
  }

  it("T13: m_t stays within [min x, max x] and s_t² ≤ (b − a)²/4 on every path (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (values, w, n, alpha, seed) => {
          const weights = w.slice(0, values.length).map((x, i) => x + (i === 0 ? 1e-3 : 0));
          const p = validateParams(bounded.schema, { values, weights, n, alpha, generations: 30 });
          const { mean, variance } = runBounded(p, createRng(seed));
          const { min, max, maxVariance } = supportBounds(values);
          const tol = 1e-9 * (1 + Math.abs(min) + Math.abs(max));
          for (let t = 0; t <= 30; t++) {
            if (!(mean[t]! >= min - tol && mean[t]! <= max + tol)) return false;
            if (!(variance[t]! >= -tol && variance[t]! <= maxVariance * (1 + 1e-12) + tol)) return false;
          }
          return true;
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });

  it("rejects mismatched weights and empty mass", () => {
    expect(() => validateParams(bounded.schema, { values: [1, 2], weights: [1] })).toThrow(ParamError);
    expect(() => validateParams(bounded.schema, { values: [1, 2], weights: [0, 0] })).toThrow(ParamError);
  });
});

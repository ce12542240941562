import { describe, expect, it } from "vitest";
import { runEnsemble } from "../../../src/core/ensemble";
import { ParamError } from "../../../src/core/errors";
import { dpiSample } from "../../../src/core/models/dpi-sample";
import { models } from "../../../src/core/models";
import { validateParams } from "../../../src/core/schema";
import { DPI_LIMIT_BITS, mutualInformationCurve } from "../../../src/core/theory/dpi";

describe("dpi-sample: the DPI meter by simulation", () => {
  it("is registered, and its theory is the exact curve of the dpi model", () => {
    expect(models["dpi-sample"]).toBe(dpiSample);
    const p = validateParams(dpiSample.schema, { n: 10, alpha: 0.2, generations: 30 });
    expect(dpiSample.theory(p).information).toEqual(mutualInformationCurve(10, 0.2, 30));
  });

  // The exact curve itself is checked independently in dpi.test.ts (T20, midpoint integration of I_0).
  for (const alpha of [0, 0.1]) {
    it(`S7: mean information density within 3 SE of the exact I(θ; k_t) at t = 0, 5, 20, 100 (α = ${alpha}, 2000 runs)`, () => {
      const p = validateParams(dpiSample.schema, { n: 20, alpha, generations: 100 });
      const r = runEnsemble(dpiSample, p, { seed: 77, replicates: 2000, keepPaths: 0 });
      const exact = mutualInformationCurve(20, alpha, 100);
      for (const t of [0, 5, 20, 100]) {
        const m = r.metrics.information!;
        expect(Math.abs(m.mean[t]! - exact[t]!), `t=${t}`).toBeLessThan(3 * m.se[t]!);
        expect(m.se[t]!).toBeLessThan(0.05);
      }
    });
  }

  it("closed loop: the simulated mean at t = 200 is within 3 SE of 1 − 1/(2 ln 2), grounded (α = 0.1) well above it", () => {
    const closed = runEnsemble(dpiSample, validateParams(dpiSample.schema, { n: 10, generations: 200 }), { seed: 5, replicates: 2000, keepPaths: 0 });
    const c = closed.metrics.information!;
    expect(Math.abs(c.mean[200]! - DPI_LIMIT_BITS)).toBeLessThan(3 * c.se[200]!);
    const grounded = runEnsemble(dpiSample, validateParams(dpiSample.schema, { n: 10, alpha: 0.1, generations: 200 }), { seed: 5, replicates: 2000, keepPaths: 0 });
    const g = grounded.metrics.information!;
    expect(g.mean[200]! - 3 * g.se[200]!).toBeGreaterThan(DPI_LIMIT_BITS + 0.2);
  });

  it("same seed, same numbers; over-budget generations is a ParamError", () => {
    const p = validateParams(dpiSample.schema, { n: 8, alpha: 0.3, generations: 12 });
    const a = runEnsemble(dpiSample, p, { seed: 3, replicates: 30, keepPaths: 0 });
    const b = runEnsemble(dpiSample, p, { seed: 3, replicates: 30, keepPaths: 0 });
    expect(Array.from(a.metrics.information!.mean)).toEqual(Array.from(b.metrics.information!.mean));
    expect(() => validateParams(dpiSample.schema, { n: 200, generations: 100 })).toThrow(ParamError);
  });
});

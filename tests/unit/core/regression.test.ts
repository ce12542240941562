/**
 * Regression loop: §4 T18 (replace vs accumulate closed forms at n = 10 fits, 2000 replicates, 3 SE),
 * T19 (accumulate stays under the π²/6 ceiling), the T > d + 1 check, and the Bartlett shortcut against
 * an explicit design-matrix implementation (two-sample KS, α = 0.001).
 */
import { describe, expect, it } from "vitest";
import { regression, type RegressionParams } from "../../../src/core/models/regression";
import { regressionCeiling, regressionTestError } from "../../../src/core/theory/regression";
import { replicateRngs } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { ParamError } from "../../../src/core/errors";
import { runEnsemble } from "../../../src/core/ensemble";
import { explicitRegression } from "./support/regression-explicit";
import { ksCritical, ksStatistic, meanSE } from "./support/stats";

const params = (raw: Partial<Record<keyof RegressionParams, unknown>>): RegressionParams => validateParams(regression.schema, raw);

function errorsAt(p: RegressionParams, seed: number, R: number, g: number): Float64Array {
  const out = new Float64Array(R);
  replicateRngs(seed, R).forEach((rng, r) => (out[r] = regression.replicate(p, rng).testError![g]!));
  return out;
}

describe("S6: replace vs accumulate (d = 5, T = 50, σ = 1)", () => {
  const rep = params({ workflow: "replace", generations: 20 });
  const acc = params({ workflow: "accumulate", generations: 20 });

  it("closed forms: n σ²d/(T−d−1) and σ²d Σ 1/(i(iT−d−1)); the dossier's 1.1364 and 0.1711 at n = 10", () => {
    expect(regressionTestError(rep)[9]).toBeCloseTo((10 * 5) / 44, 12);
    expect(regressionTestError(rep)[9]).toBeCloseTo(1.1364, 4);
    let sum = 0;
    for (let i = 1; i <= 10; i++) sum += 1 / (i * (50 * i - 6));
    expect(regressionTestError(acc)[9]).toBeCloseTo(5 * sum, 12);
    expect(regressionTestError(acc)[9]).toBeCloseTo(0.1711, 4);
  });
  it("T18: after n = 10 fits (generation 9), 2000 replicates are within 3 SE of both closed forms", () => {
    const r = meanSE(errorsAt(rep, 18, 2000, 9));
    expect(Math.abs(r.mean - (10 * 5) / 44)).toBeLessThanOrEqual(3 * r.se);
    let sum = 0;
    for (let i = 1; i <= 10; i++) sum += 1 / (i * (50 * i - 6));
    const a = meanSE(errorsAt(acc, 18, 2000, 9));
    expect(Math.abs(a.mean - 5 * sum)).toBeLessThanOrEqual(3 * a.se);
    const first = meanSE(errorsAt(rep, 180, 2000, 0)); // generation 0: fit on real data, σ²d/(T−d−1)
    expect(Math.abs(first.mean - 5 / 44)).toBeLessThanOrEqual(3 * first.se);
  });
  it("T19: accumulate stays below the ceiling σ²d/(T−d−1)·π²/6 at every n (theory and 2000-replicate means)", () => {
    const ceiling = (5 / 44) * (Math.PI ** 2 / 6);
    expect(regressionCeiling(acc)).toBeCloseTo(ceiling, 12);
    const big = params({ workflow: "accumulate", generations: 1000 });
    for (const v of regressionTestError(big)) expect(v).toBeLessThan(ceiling);
    const run = runEnsemble(regression, acc, { seed: 19, replicates: 2000, keepPaths: 0 });
    run.metrics.testError!.mean.forEach((m) => expect(m).toBeLessThan(ceiling));
    // while replace crosses it by the second refit
    expect(regressionTestError(rep)[1]).toBeGreaterThan(ceiling);
  });
});

describe("validation", () => {
  it("requires T > d + 1 through the schema check, as a ParamError on T", () => {
    expect(() => params({ d: 5, T: 6 })).toThrow(ParamError);
    try {
      params({ d: 10, T: 11 });
      expect.unreachable();
    } catch (e) {
      expect((e as ParamError).param).toBe("T");
      expect((e as ParamError).allowed).toContain("11");
    }
    expect(params({ d: 5, T: 7 }).T).toBe(7);
  });
});

describe("Bartlett shortcut vs explicit design matrices (two-sample KS, α = 0.001)", () => {
  const R = 1500;
  for (const workflow of ["replace", "accumulate"] as const) {
    it(`agrees in distribution (${workflow}, d = 3, T = 8, σ = 0.7, generation 4)`, () => {
      const p = params({ d: 3, T: 8, sigma: 0.7, workflow, generations: 4 });
      const fast = errorsAt(p, 31, R, 4);
      const slow = new Float64Array(R);
      replicateRngs(32, R).forEach((rng, r) => (slow[r] = explicitRegression(p, rng)[4]!));
      expect(ksStatistic(fast, slow)).toBeLessThan(ksCritical(R, R));
    });
  }
  it("has power: it rejects replace against accumulate", () => {
    const p = params({ d: 3, T: 8, sigma: 0.7, workflow: "replace", generations: 4 });
    const slow = new Float64Array(R);
    replicateRngs(32, R).forEach((rng, r) => (slow[r] = explicitRegression({ ...p, workflow: "accumulate" }, rng)[4]!));
    expect(ksStatistic(errorsAt(p, 31, R, 4), slow)).toBeGreaterThan(ksCritical(R, R));
  });
});

/**
 * The chapter 3 experiment models: winner (Pr(x wins) = p₀(x)), collapse-time (exact absorption time
 * and Kimura–Ohta) and tail-cut (exact missing masses). Fixed seeds, 3 SE from replicate variance.
 */
import { describe, expect, it } from "vitest";
import { runEnsemble, runReplicates } from "../../../src/core/ensemble";
import { ParamError } from "../../../src/core/errors";
import { bounded } from "../../../src/core/models/bounded";
import { collapseTime, startCount } from "../../../src/core/models/collapse-time";
import { models } from "../../../src/core/models/index";
import { tailCut } from "../../../src/core/models/tail-cut";
import { runToFixation, winner } from "../../../src/core/models/winner";
import { createRng } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { meanSe } from "./stats";

describe("experiment models are registered", () => {
  it("winner, collapse-time, tail-cut are in the registry", () => {
    expect(models.winner).toBe(winner);
    expect(models["collapse-time"]).toBe(collapseTime);
    expect(models["tail-cut"]).toBe(tailCut);
  });
});

describe("winner: Pr(category x wins) = p0(x)", () => {
  it("default p0 (0.4, 0.25, 0.2, 0.1, 0.05), n = 30: every share within 3 SE of p0", () => {
    const p = validateParams(winner.schema, {});
    const R = 3000;
    const paths = runReplicates(winner, p, 31, 0, R);
    const p0 = [0.4, 0.25, 0.2, 0.1, 0.05];
    expect(winner.generations(p)).toEqual([1, 2, 3, 4, 5]);
    p0.forEach((target, x) => {
      const s = meanSe(Float64Array.from(paths, (r) => r.wins![x]!));
      expect(Math.abs(s.mean - target)).toBeLessThan(3 * s.se);
    });
    // Exactly one winner per run.
    for (const r of paths) expect(r.wins!.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("two categories (0.3, 0.7), n = 100: the fixation fraction is 0.3 within 3 SE (T4)", () => {
    const p = validateParams(winner.schema, { K: 2, n: 100, init: "list:0.3,0.7" });
    const paths = runReplicates(winner, p, 5, 0, 2000);
    const s = meanSe(Float64Array.from(paths, (r) => r.wins![0]!));
    expect(Math.abs(s.mean - 0.3)).toBeLessThan(3 * s.se);
    expect(winner.theory(p).wins).toEqual([0.3, 0.7]);
  });

  it("a run from a point mass is fixed at time 0; runs stop long before the cap", () => {
    expect(runToFixation(Float64Array.from([0, 1, 0]), 10, createRng(1))).toEqual({ winner: 1, time: 0 });
    const rng = createRng(2);
    for (let i = 0; i < 50; i++) expect(runToFixation(Float64Array.from([0.2, 0.2, 0.2, 0.2, 0.2]), 20, rng).time).toBeLessThan(400);
  });

  it("rejects a list with the wrong number of weights and K·n > 20000", () => {
    expect(() => validateParams(winner.schema, { K: 3, init: "list:1,2" })).toThrow(ParamError);
    expect(() => validateParams(winner.schema, { K: 50, n: 500, init: "uniform" })).toThrow(ParamError);
  });
});

describe("collapse-time: exact chain and Kimura–Ohta", () => {
  it("theory at p = 1/2 matches the dossier's exact values (26.2 at n = 20, 136.6 at n = 100) and 2n ln 2", () => {
    const p = validateParams(collapseTime.schema, { nList: [20, 100], p: 0.5 });
    const th = collapseTime.theory(p);
    expect(th.time![0]).toBeCloseTo(26.2, 0);
    expect(th.time![1]).toBeCloseTo(136.6, 0);
    expect(Math.abs(th.time![0]! - 26.2)).toBeLessThan(0.06);
    expect(Math.abs(th.time![1]! - 136.6)).toBeLessThan(0.06);
    expect(th["time:approx"]![1]).toBeCloseTo(200 * Math.LN2, 10);
  });

  it("simulated mean absorption times lie within 3 SE of the exact chain (n = 10, 50, 100; p = 0.5 and 0.3)", () => {
    for (const share of [0.5, 0.3]) {
      const p = validateParams(collapseTime.schema, { nList: [10, 50, 100], p: share });
      const th = collapseTime.theory(p).time!;
      const paths = runReplicates(collapseTime, p, 77, 0, 2000);
      p.nList.forEach((_, i) => {
        const s = meanSe(Float64Array.from(paths, (r) => r.time![i]!));
        expect(Math.abs(s.mean - th[i]!)).toBeLessThan(3 * s.se);
      });
    }
  });

  it("start counts stay inside 1..n−1; bad lists are rejected", () => {
    expect(startCount(2, 0.05)).toBe(1);
    expect(startCount(2, 0.95)).toBe(1);
    expect(startCount(100, 0.3)).toBe(30);
    expect(() => validateParams(collapseTime.schema, { nList: [50, 20] })).toThrow(ParamError);
    expect(() => validateParams(collapseTime.schema, { nList: [10, 1000] })).toThrow(ParamError);
  });
});

describe("tail-cut: missing mass of Zipf samples", () => {
  // Independent reference: the sums written out here, not the module's helpers.
  function reference(beta: number, K: number, k: number, T: number) {
    const w = Array.from({ length: K }, (_, i) => (i + 1) ** -beta);
    const Z = w.reduce((a, b) => a + b, 0);
    const p = w.map((x) => x / Z);
    const Zk = p.slice(0, k).reduce((a, b) => a + b, 0);
    const real = p.reduce((s, pi) => s + pi * (1 - pi) ** T, 0);
    const floor = p.slice(k).reduce((a, b) => a + b, 0);
    const cut = floor + p.slice(0, k).reduce((s, pi) => s + pi * (1 - pi / Zk) ** T, 0);
    return { real, cut, floor };
  }

  it("theory equals the written-out sums", () => {
    const p = validateParams(tailCut.schema, { beta: 1.5, K: 800, cut: 20, TList: [10, 100, 1000] });
    const th = tailCut.theory(p);
    p.TList.forEach((T, i) => {
      const ref = reference(1.5, 800, 20, T);
      expect(th.missingReal![i]).toBeCloseTo(ref.real, 12);
      expect(th.missingCut![i]).toBeCloseTo(ref.cut, 12);
      expect(th["missingCut:floor"]![i]).toBeCloseTo(ref.floor, 12);
    });
  });

  it("simulated missing masses lie within 3 SE of the exact expectations (β = 2, K = 2000, k = 50)", () => {
    const p = validateParams(tailCut.schema, { beta: 2, K: 2000, cut: 50, TList: [10, 100, 1000, 10000] });
    const res = runEnsemble(tailCut, p, { seed: 9, replicates: 600 });
    p.TList.forEach((T, i) => {
      const ref = reference(2, 2000, 50, T);
      for (const [metric, target] of [["missingReal", ref.real], ["missingCut", ref.cut]] as const) {
        const s = res.metrics[metric]!;
        expect(Math.abs(s.mean[i]! - target)).toBeLessThan(3 * s.se[i]! + 1e-12);
      }
      // The cut sample can never see ranks beyond k.
      expect(res.metrics.missingCut!.q05[i]!).toBeGreaterThanOrEqual(ref.floor - 1e-12);
    });
  });

  it("rejects k ≥ K and oversized work", () => {
    expect(() => validateParams(tailCut.schema, { K: 100, cut: 100 })).toThrow(ParamError);
    expect(() => validateParams(tailCut.schema, { K: 50000, TList: [1, 2, 3, 4, 5] })).toThrow(ParamError);
  });
});

describe("bounded theory exposes Var m_t for the stacked chart", () => {
  it("mean:var + variance = s0² at every generation (conservation), s0² = 7.96 for the default atoms", () => {
    const p = validateParams(bounded.schema, { generations: 30 });
    const th = bounded.theory(p);
    for (let t = 0; t <= 30; t++) expect(th["mean:var"]![t]! + th.variance![t]!).toBeCloseTo(7.96, 10);
  });
});

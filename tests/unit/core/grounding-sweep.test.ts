import { describe, expect, it } from "vitest";
import { runEnsemble } from "../../../src/core/ensemble";
import { ParamError } from "../../../src/core/errors";
import { groundingSweep, thetaGrid } from "../../../src/core/models/grounding-sweep";
import { models } from "../../../src/core/models";
import { validateParams } from "../../../src/core/schema";

/**
 * Independent reference: E Σp_t² for p₀ = π* (so E p_t = π*) under the iid mixture, from
 * E[Σp'² | p] = (1 − 1/n)[α(2 − α)S + (1 − α)²Σp²] + 1/n, written out here rather than imported.
 */
function expectedRatio(K: number, n: number, alpha: number, T: number): number[] {
  const S = 1 / K; // uniform π*
  const G = 1 - S;
  let F = S;
  const out = [(1 - F) / G];
  for (let t = 0; t < T; t++) {
    F = (1 - 1 / n) * (alpha * (2 - alpha) * S + (1 - alpha) ** 2 * F) + 1 / n;
    out.push((1 - F) / G);
  }
  return out;
}

describe("grounding-sweep: diversity kept against θ = 2nα", () => {
  it("is registered and its x axis is log10 θ over the grid", () => {
    expect(models["grounding-sweep"]).toBe(groundingSweep);
    const p = validateParams(groundingSweep.schema, { thetaMin: 0.1, thetaMax: 10, points: 3 });
    expect(thetaGrid(p)[0]).toBeCloseTo(0.1, 12);
    expect(thetaGrid(p)[1]).toBeCloseTo(1, 12);
    expect(thetaGrid(p)[2]).toBe(10);
    expect(groundingSweep.generations(p).map((x) => Number(x.toFixed(9)))).toEqual([-1, 0, 1]);
  });

  it("S2/T9: simulated means of G(p_T)/G(π*) and of its time average lie within 3 SE of the exact expectation at every θ", () => {
    const params = validateParams(groundingSweep.schema, { K: 10, n: 50, thetaMin: 0.1, thetaMax: 30, points: 5, generations: 200 });
    const r = runEnsemble(groundingSweep, params, { seed: 2026, replicates: 1000, keepPaths: 0 });
    thetaGrid(params).forEach((th, i) => {
      const exact = expectedRatio(10, 50, th / 100, 200);
      const avg = exact.slice(100).reduce((s, v) => s + v, 0) / 101;
      const m = r.metrics.ratio!, a = r.metrics.timeAverage!;
      expect(Math.abs(m.mean[i]! - exact[200]!), `ratio θ=${th}`).toBeLessThan(3 * m.se[i]!);
      expect(Math.abs(a.mean[i]! - avg), `timeAverage θ=${th}`).toBeLessThan(3 * a.se[i]!);
      expect(r.theory.ratio![i]).toBeCloseTo(exact[200]!, 12);
      expect(r.theory.timeAverage![i]).toBeCloseTo(avg, 12);
    });
  });

  it("theory: the stationary ratio is the closed form, 0.903 at n = 50, α = 0.1, ≈ θ/(1+θ), and the T-step curve reaches it", () => {
    const p = validateParams(groundingSweep.schema, { n: 50, thetaMin: 1, thetaMax: 10, points: 2, generations: 300 });
    const th = groundingSweep.theory(p);
    const closed = (n: number, a: number) => ((1 - 1 / n) * (1 - (1 - a) ** 2)) / (1 - (1 - 1 / n) * (1 - a) ** 2);
    expect(th["ratio:stationary"]![1]).toBeCloseTo(closed(50, 0.1), 12);
    expect(th["ratio:stationary"]![1]).toBeCloseTo(0.903, 3);
    expect(th["ratio:approx"]![1]).toBeCloseTo(10 / 11, 12);
    expect(th["ratio:approx"]![0]).toBeCloseTo(0.5, 12);
    // After 300 generations at rate (1 − 1/n)(1 − α)² ≤ 0.96 the transient is below 1e-5.
    for (let i = 0; i < 2; i++) expect(Math.abs(th.ratio![i]! - th["ratio:stationary"]![i]!)).toBeLessThan(1e-5);
  });

  it("same seed, same numbers", () => {
    const p = validateParams(groundingSweep.schema, { points: 4, generations: 50 });
    const a = runEnsemble(groundingSweep, p, { seed: 9, replicates: 20, keepPaths: 0 });
    const b = runEnsemble(groundingSweep, p, { seed: 9, replicates: 20, keepPaths: 0 });
    expect(Array.from(a.metrics.ratio!.mean)).toEqual(Array.from(b.metrics.ratio!.mean));
  });

  it("bad parameters are ParamErrors naming the parameter", () => {
    const bad = (raw: Record<string, unknown>, name: string) => {
      try {
        validateParams(groundingSweep.schema, raw);
      } catch (e) {
        expect(e).toBeInstanceOf(ParamError);
        expect((e as ParamError).param).toBe(name);
        return;
      }
      throw new Error(`accepted ${JSON.stringify(raw)}`);
    };
    bad({ thetaMin: 5, thetaMax: 5 }, "thetaMax");
    bad({ n: 10, thetaMax: 21 }, "thetaMax");
    bad({ K: 1000, points: 41, generations: 20_000 }, "generations");
    bad({ init: "list:1,2" }, "init");
  });
});

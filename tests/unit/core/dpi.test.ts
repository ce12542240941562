import { describe, expect, it } from "vitest";
import { runEnsemble } from "../../../src/core/ensemble";
import { ParamError } from "../../../src/core/errors";
import { dpi } from "../../../src/core/models/dpi";
import { validateParams } from "../../../src/core/schema";
import { DPI_LIMIT_BITS, mutualInformationCurve } from "../../../src/core/theory/dpi";

/** I(θ; k_0) for θ ~ U(0,1), k_0 ~ Bin(n, θ) by an independent method: log2(n+1) − ∫ H(Bin(n,θ)) dθ (midpoint, 20000 cells). */
function independentI0(n: number): number {
  const N = 20_000;
  const lnC: number[] = [0];
  for (let k = 1; k <= n; k++) lnC.push(lnC[k - 1]! + Math.log((n - k + 1) / k));
  let ce = 0;
  for (let i = 0; i < N; i++) {
    const th = (i + 0.5) / N;
    let h = 0;
    for (let k = 0; k <= n; k++) {
      const pk = Math.exp(lnC[k]! + k * Math.log(th) + (n - k) * Math.log1p(-th));
      if (pk > 0) h -= pk * Math.log2(pk);
    }
    ce += h / N;
  }
  return Math.log2(n + 1) - ce;
}

describe("dpi: exact I(θ; k_t) in the Beta–Bernoulli chain", () => {
  const closed = mutualInformationCurve(20, 0, 400);

  it("T20: non-increasing for α = 0 and |I_400 − 0.27865| < 1e-3", () => {
    for (let t = 1; t <= 400; t++) expect(closed[t]!).toBeLessThanOrEqual(closed[t - 1]! + 1e-12);
    expect(Math.abs(closed[400]! - 0.27865)).toBeLessThan(1e-3);
    expect(DPI_LIMIT_BITS).toBeCloseTo(0.278652, 6);
  });

  it("matches the dossier's values for n = 20 (1.654, 1.261, 0.772, 0.433, 0.280 at t = 0, 1, 5, 20, 100) to 2e-3", () => {
    const expected: [number, number][] = [[0, 1.654], [1, 1.261], [5, 0.772], [20, 0.433], [100, 0.28]];
    for (const [t, v] of expected) expect(Math.abs(closed[t]! - v), `t=${t}`).toBeLessThan(2e-3);
  });

  it("I_0 agrees with an independent midpoint integration to 1e-7", () => {
    expect(Math.abs(closed[0]! - independentI0(20))).toBeLessThan(1e-7);
  });

  it("quadrature is converged: 4× the nodes changes I_t by < 1e-10 (α = 0 and α = 0.1)", () => {
    for (const alpha of [0, 0.1]) {
      const a = mutualInformationCurve(20, alpha, 30);
      const b = mutualInformationCurve(20, alpha, 30, { panels: 16, order: 16, levels: 20 });
      for (let t = 0; t <= 30; t++) expect(Math.abs(a[t]! - b[t]!)).toBeLessThan(1e-10);
    }
  });

  it("grounded chain (α = 0.1) plateaus near 0.884 bits, above the closed loop", () => {
    const open = mutualInformationCurve(20, 0.1, 400);
    expect(Math.abs(open[400]! - 0.884)).toBeLessThan(2e-3);
    expect(Math.abs(open[400]! - open[300]!)).toBeLessThan(1e-9);
    expect(open[400]!).toBeGreaterThan(closed[400]! + 0.5);
  });

  it("the model is deterministic: replicate() returns the exact curve, SE 0; oversized runs are rejected", () => {
    const p = validateParams(dpi.schema, { n: 20, generations: 50 });
    const res = runEnsemble(dpi, p, { seed: 1, replicates: 3 });
    expect(res.metrics.mutualInformation!.mean[50]).toBeCloseTo(closed[50]!, 12);
    expect(res.metrics.mutualInformation!.se.every((s) => s === 0)).toBe(true);
    expect(res.theory.mutualInformation![50]).toBeCloseTo(closed[50]!, 12);
    expect(() => validateParams(dpi.schema, { n: 200, generations: 5000 })).toThrow(ParamError);
  });
});

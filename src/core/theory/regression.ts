/**
 * Test error of the linear-regression self-training loop (Dohmatob, Feng & Kempe 2024; Gerstgrasser et
 * al. 2024; literature results). Generation g is the (g+1)-th least-squares fit; generation 0 is the fit
 * on real data. With d standard-normal features, T samples per iteration and label noise σ²:
 *   replace:    E‖ŵ_g − w*‖² = (g+1) σ² d / (T − d − 1)                    (linear growth)
 *   accumulate: E‖ŵ_g − w*‖² = σ² d Σ_{i=1}^{g+1} 1 / (i (iT − d − 1))     (< σ²d/(T−d−1) · π²/6)
 */
import type { RegressionParams } from "../models/regression";

/** Expected test error (excess risk ‖ŵ − w*‖²) at generations 0..G. */
export function regressionTestError(p: RegressionParams): number[] {
  const { d, T } = p;
  const s2 = p.sigma * p.sigma;
  const out: number[] = [];
  let sum = 0;
  for (let g = 0; g <= p.generations; g++) {
    const i = g + 1;
    if (p.workflow === "replace") out.push((i * s2 * d) / (T - d - 1));
    else {
      sum += 1 / (i * (i * T - d - 1));
      out.push(s2 * d * sum);
    }
  }
  return out;
}

/** The accumulate ceiling σ² d/(T − d − 1) · π²/6 (the sum's bound, since iT − d − 1 ≥ i(T − d − 1)). */
export function regressionCeiling(p: Pick<RegressionParams, "d" | "T" | "sigma">): number {
  return ((p.sigma * p.sigma * p.d) / (p.T - p.d - 1)) * ((Math.PI * Math.PI) / 6);
}

export function regressionTheory(p: RegressionParams): Record<string, number[]> {
  const ceiling = regressionCeiling(p);
  return {
    testError: regressionTestError(p),
    "testError:ceiling": Array.from({ length: p.generations + 1 }, () => ceiling),
  };
}

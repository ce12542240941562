/**
 * Linear-regression self-training loop of Dohmatob et al. (2024) and Gerstgrasser et al. (2024).
 *
 * Each iteration draws T fresh inputs x ~ N(0, I_d); generation 0 labels them with the true w* plus
 * N(0, σ²) noise, later generations with the previous fit ŵ_{g−1} plus fresh noise. "replace" fits
 * least squares on the newest batch only, "accumulate" on every batch so far. The metric is the test
 * error E_x[(xᵀŵ − xᵀw*)²] = ‖ŵ − w*‖².
 *
 * Exact shortcut (cost independent of T): a batch enters least squares only through XᵀX ~ Wishart_d(T, I)
 * and Xᵀε | X ~ N(0, σ² XᵀX). Bartlett's decomposition draws XᵀX = AAᵀ with A lower-triangular
 * (A_jj = √χ²_{T−j}, A_jl ~ N(0,1) below), and then Xᵀε = σAz. The error is invariant to w*, so we
 * track e = ŵ − w* directly.
 */
import { ParamError } from "../errors";
import type { Model, MetricSpec, ReplicatePaths } from "../model";
import type { Rng } from "../rng";
import type { Schema } from "../schema";
import { createNormal, type NormalSampler } from "../sampling/normal";
import { createGamma, type GammaSampler } from "../sampling/chisquare";
import { regressionTheory } from "../theory/regression";

export type RegressionParams = {
  /** Number of features. */
  d: number;
  /** Samples per iteration. */
  T: number;
  /** Label noise standard deviation. */
  sigma: number;
  generations: number;
  workflow: "replace" | "accumulate";
};

export const regressionSchema: Schema<RegressionParams> = {
  params: {
    d: { type: "int", label: "Features", help: "Dimension of the inputs (standard normal features).", unit: "d", min: 1, max: 50, default: 5 },
    T: { type: "int", label: "Samples per iteration", help: "Fresh inputs drawn at each iteration; must exceed d + 1.", unit: "T", min: 3, max: 1_000_000, default: 50, scale: "log" },
    sigma: { type: "float", label: "Label noise", help: "Standard deviation of the noise added to every label.", unit: "σ", min: 0.01, max: 10, step: 0.01, default: 1 },
    generations: { type: "int", label: "Generations", help: "Refits after the first fit on real data (generation 0).", unit: "n", min: 1, max: 1000, default: 20 },
    workflow: { type: "enum", label: "Workflow", help: "Replace: fit on the newest batch only. Accumulate: fit on every batch so far.", options: [{ value: "replace", label: "Replace" }, { value: "accumulate", label: "Accumulate" }], default: "replace" },
  },
  check: (p) => {
    if (p.T <= p.d + 1) throw new ParamError("T", `an integer greater than d + 1 = ${p.d + 1} (least squares needs E tr((XᵀX)⁻¹) finite)`, String(p.T));
  },
};

export const regressionMetrics: MetricSpec[] = [
  { name: "testError", label: "Test error ‖ŵ − w*‖²", help: "Excess squared prediction error of the current fit on fresh inputs." },
];

/** Draws the Bartlett factor A (row-major d×d, lower-triangular) of XᵀX for T standard-normal rows. */
function bartlett(A: Float64Array, d: number, T: number, normal: NormalSampler, gamma: GammaSampler): void {
  for (let j = 0; j < d; j++) {
    for (let l = 0; l < j; l++) A[j * d + l] = normal();
    A[j * d + j] = Math.sqrt(gamma.chiSquare(T - j));
    for (let l = j + 1; l < d; l++) A[j * d + l] = 0;
  }
}

/** In-place Cholesky of the row-major SPD matrix M into its lower factor L (stored in L). */
function cholesky(M: Float64Array, L: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = M[i * d + j]!;
      for (let q = 0; q < j; q++) s -= L[i * d + q]! * L[j * d + q]!;
      L[i * d + j] = i === j ? Math.sqrt(s) : s / L[j * d + j]!;
    }
  }
}

function replicate(p: RegressionParams, rng: Rng): ReplicatePaths {
  const { d, T, sigma } = p;
  const normal = createNormal(rng);
  const gamma = createGamma(rng, normal);
  const testError = new Float64Array(p.generations + 1);
  const A = new Float64Array(d * d);
  const W = new Float64Array(d * d); // Σ XᵀX (accumulate)
  const L = new Float64Array(d * d);
  const b = new Float64Array(d); // Σ Xᵀ(y − Xw*) (accumulate)
  const e = new Float64Array(d); // ŵ − w*
  const z = new Float64Array(d);
  const u = new Float64Array(d);
  for (let g = 0; g <= p.generations; g++) {
    bartlett(A, d, T, normal, gamma);
    for (let i = 0; i < d; i++) z[i] = normal();
    if (p.workflow === "replace") {
      // ŵ_g = ŵ_{g−1} + (XᵀX)⁻¹Xᵀε = ŵ_{g−1} + σ A⁻ᵀ z  (ŵ_{−1} = w*): back-substitute Aᵀu = z.
      for (let i = d - 1; i >= 0; i--) {
        let s = z[i]!;
        for (let j = i + 1; j < d; j++) s -= A[j * d + i]! * u[j]!;
        u[i] = s / A[i * d + i]!;
      }
      for (let i = 0; i < d; i++) e[i] = e[i]! + sigma * u[i]!;
    } else {
      // Labels of this batch come from ŵ_{g−1}: Xᵀ(y − Xw*) = AAᵀe + σAz.
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j <= i; j++) s += A[i * d + j]! * z[j]!;
        b[i] = b[i]! + sigma * s;
      }
      for (let j = 0; j < d; j++) {
        let s = 0; // (Aᵀe)_j
        for (let i = j; i < d; i++) s += A[i * d + j]! * e[i]!;
        u[j] = s;
      }
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j <= i; j++) s += A[i * d + j]! * u[j]!;
        b[i] = b[i]! + s;
        for (let j = 0; j <= i; j++) {
          let w = 0;
          for (let q = 0; q <= j; q++) w += A[i * d + q]! * A[j * d + q]!;
          W[i * d + j] = W[i * d + j]! + w;
          W[j * d + i] = W[i * d + j]!;
        }
      }
      // e = W⁻¹ b via Cholesky W = LLᵀ.
      cholesky(W, L, d);
      for (let i = 0; i < d; i++) {
        let s = b[i]!;
        for (let j = 0; j < i; j++) s -= L[i * d + j]! * u[j]!;
        u[i] = s / L[i * d + i]!;
      }
      for (let i = d - 1; i >= 0; i--) {
        let s = u[i]!;
        for (let j = i + 1; j < d; j++) s -= L[j * d + i]! * e[j]!;
        e[i] = s / L[i * d + i]!;
      }
    }
    let err = 0;
    for (let i = 0; i < d; i++) err += e[i]! * e[i]!;
    testError[g] = err;
  }
  return { testError };
}

export const regression: Model<RegressionParams> = {
  id: "regression",
  label: "Linear regression, replace vs accumulate",
  description:
    "Least-squares regression retrained on labels produced by its previous fit (Dohmatob et al. 2024; Gerstgrasser et al. 2024). Replacing the data makes the test error grow linearly; accumulating it keeps the error below a π²/6 ceiling.",
  schema: regressionSchema,
  metrics: () => regressionMetrics,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, g) => g),
  replicate,
  theory: regressionTheory,
};

/**
 * Explicit reference of the regression loop (tests only): draws the T×d design and the labels, and
 * solves the normal equations by Gaussian elimination. Shares nothing with the Bartlett shortcut but
 * the normal sampler.
 */
import type { RegressionParams } from "../../../../src/core/models/regression";
import type { Rng } from "../../../../src/core/rng";
import { createNormal } from "../../../../src/core/sampling/normal";

function solve(M: number[][], b: number[]): number[] {
  const d = b.length;
  const A = M.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    for (let r = c + 1; r < d; r++) {
      const f = A[r]![c]! / A[c]![c]!;
      for (let q = c; q <= d; q++) A[r]![q]! -= f * A[c]![q]!;
    }
  }
  const x = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let s = A[r]![d]!;
    for (let q = r + 1; q < d; q++) s -= A[r]![q]! * x[q]!;
    x[r] = s / A[r]![r]!;
  }
  return x;
}

/** Test error ‖ŵ_g − w*‖² at generations 0..G, with w* = (1, …, 1). */
export function explicitRegression(p: RegressionParams, rng: Rng): number[] {
  const normal = createNormal(rng);
  const { d, T } = p;
  const wStar = new Array<number>(d).fill(1);
  let prev = wStar;
  const XtX = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const Xty = new Array<number>(d).fill(0);
  const out: number[] = [];
  for (let g = 0; g <= p.generations; g++) {
    if (p.workflow === "replace") {
      for (const row of XtX) row.fill(0);
      Xty.fill(0);
    }
    for (let s = 0; s < T; s++) {
      const x = Array.from({ length: d }, () => normal());
      let y = p.sigma * normal();
      for (let i = 0; i < d; i++) y += x[i]! * prev[i]!;
      for (let i = 0; i < d; i++) {
        Xty[i]! += x[i]! * y;
        for (let j = 0; j < d; j++) XtX[i]![j]! += x[i]! * x[j]!;
      }
    }
    prev = solve(XtX, Xty);
    out.push(prev.reduce((acc, w, i) => acc + (w - wStar[i]!) ** 2, 0));
  }
  return out;
}

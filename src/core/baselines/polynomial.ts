/**
 * Polynomial least squares of degree d (a correlation learner): fits well inside the training range and
 * extrapolates poorly outside it. Solved by Householder QR on x scaled to [−1, 1] (the Vandermonde
 * matrix in raw x is hopelessly conditioned at degree 10).
 */
import { ParamError } from "../errors";
import { leastSquares } from "../symbolic/lstsq";
import { pow } from "../math";

export interface Polynomial {
  degree: number;
  /** Coefficients in the scaled variable u = (x − centre) / halfWidth. */
  coef: Float64Array;
  centre: number;
  halfWidth: number;
}

export function fitPolynomial(xs: ArrayLike<number>, ys: ArrayLike<number>, degree: number): Polynomial {
  if (!Number.isInteger(degree) || degree < 0 || degree > 20) throw new ParamError("degree", "an integer in [0, 20]", String(degree));
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) [lo, hi] = [Math.min(lo, xs[i]!), Math.max(hi, xs[i]!)];
  const centre = (lo + hi) / 2;
  const halfWidth = (hi - lo) / 2 || 1;
  const cols: Float64Array[] = [];
  for (let d = 0; d <= degree; d++) cols.push(Float64Array.from(xs, (x) => pow((x - centre) / halfWidth, d)));
  const coef = leastSquares(cols, Float64Array.from(ys));
  if (!coef) throw new ParamError("degree", `at most the number of distinct x values minus 1`, String(degree));
  return { degree, coef, centre, halfWidth };
}

export function predictPolynomial(p: Polynomial, x: number): number {
  const u = (x - p.centre) / p.halfWidth;
  let s = 0;
  for (let d = p.degree; d >= 0; d--) s = s * u + p.coef[d]!;
  return s;
}

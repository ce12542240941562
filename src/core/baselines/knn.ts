/**
 * k-nearest-neighbour regression (mean of the k nearest training y's): flat outside the training range,
 * the purest correlation learner.
 */
import { ParamError } from "../errors";

export interface Knn {
  k: number;
  xs: Float64Array;
  ys: Float64Array;
}

export function fitKnn(xs: ArrayLike<number>, ys: ArrayLike<number>, k: number): Knn {
  if (!Number.isInteger(k) || k < 1 || k > xs.length) throw new ParamError("k", `an integer in [1, ${xs.length}]`, String(k));
  const order = Array.from({ length: xs.length }, (_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  return { k, xs: Float64Array.from(order, (i) => xs[i]!), ys: Float64Array.from(order, (i) => ys[i]!) };
}

/** Prediction at x: average of the k nearest (ties resolved towards the left neighbour). */
export function predictKnn(m: Knn, x: number): number {
  const n = m.xs.length;
  // Binary search for the insertion point, then grow a window of k around it.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (m.xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  let l = lo - 1;
  let r = lo;
  let s = 0;
  for (let taken = 0; taken < m.k; taken++) {
    if (r >= n || (l >= 0 && x - m.xs[l]! <= m.xs[r]! - x)) s += m.ys[l--]!;
    else s += m.ys[r++]!;
  }
  return s / m.k;
}

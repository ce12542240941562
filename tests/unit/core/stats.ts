/** Small statistics helpers for the statistical tests (not a test file). */

/** Mean and standard error (sample sd / √R) of a sample. */
export function meanSe(xs: ArrayLike<number>): { mean: number; se: number; sd: number } {
  const R = xs.length;
  let s = 0;
  for (let i = 0; i < R; i++) s += xs[i]!;
  const mean = s / R;
  let v = 0;
  for (let i = 0; i < R; i++) v += (xs[i]! - mean) ** 2;
  const sd = Math.sqrt(v / (R - 1));
  return { mean, se: sd / Math.sqrt(R), sd };
}

/**
 * Sample variance with its standard error, sd² · √(2/(R−1) + κ/R) (κ = sample excess kurtosis), as
 * paper-math §4 recommends for variance targets.
 */
export function varianceSe(xs: ArrayLike<number>): { variance: number; se: number } {
  const R = xs.length;
  const { mean } = meanSe(xs);
  let m2 = 0, m4 = 0;
  for (let i = 0; i < R; i++) {
    const d = xs[i]! - mean;
    m2 += d * d;
    m4 += d ** 4;
  }
  const variance = m2 / (R - 1);
  const kurt = (m4 / R) / (m2 / R) ** 2 - 3;
  return { variance, se: variance * Math.sqrt(2 / (R - 1) + kurt / R) };
}

/** Upper 0.1% point of χ²_df (Wilson–Hilferty; accurate to ~1% for df ≥ 3). */
export function chiSquareCritical(df: number): number {
  const z = 3.0902;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/**
 * Pearson χ² of observed counts against expected probabilities, pooling neighbouring cells until
 * each has expected count ≥ 5. Returns the statistic and degrees of freedom.
 */
export function chiSquare(observed: ArrayLike<number>, probs: ArrayLike<number>, total: number): { stat: number; df: number } {
  const cellsO: number[] = [], cellsE: number[] = [];
  let o = 0, e = 0;
  for (let k = 0; k < probs.length; k++) {
    o += observed[k] ?? 0;
    e += probs[k]! * total;
    if (e >= 5) {
      cellsO.push(o);
      cellsE.push(e);
      o = 0;
      e = 0;
    }
  }
  if (cellsE.length === 0) return { stat: 0, df: 0 };
  cellsO[cellsO.length - 1]! += o;
  cellsE[cellsE.length - 1]! += e;
  let stat = 0;
  for (let i = 0; i < cellsO.length; i++) stat += (cellsO[i]! - cellsE[i]!) ** 2 / cellsE[i]!;
  return { stat, df: cellsO.length - 1 };
}

/** Exact Bin(k; n, p) by log-gamma, independent of the code under test. */
export function lnChoose(n: number, k: number, lgamma: (x: number) => number): number {
  return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

/** Least-squares slope of y against 0..len−1. */
export function slope(y: ArrayLike<number>): number {
  const T = y.length, tm = (T - 1) / 2;
  let num = 0, den = 0;
  for (let t = 0; t < T; t++) {
    num += (t - tm) * y[t]!;
    den += (t - tm) ** 2;
  }
  return num / den;
}

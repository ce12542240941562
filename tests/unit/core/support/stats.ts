/** Test-only statistics: sample moments with standard errors, and the two-sample Kolmogorov–Smirnov test. */

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Sample mean and its standard error (sample sd / √R). */
export function meanSE(xs: ArrayLike<number>): { mean: number; se: number } {
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i]! - m) ** 2;
  return { mean: m, se: Math.sqrt(ss / (xs.length - 1) / xs.length) };
}

/**
 * Unbiased sample variance and its standard error from the fourth central moment
 * (Var s² ≈ (μ4 − σ⁴(R−3)/(R−1))/R; valid for non-normal data, unlike the χ² interval).
 */
export function varianceSE(xs: ArrayLike<number>): { variance: number; se: number } {
  const R = xs.length;
  const m = mean(xs);
  let m2 = 0, m4 = 0;
  for (let i = 0; i < R; i++) {
    const d = (xs[i]! - m) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (R - 1);
  const mu4 = m4 / R;
  return { variance, se: Math.sqrt(Math.max(0, mu4 - (variance ** 2 * (R - 3)) / (R - 1)) / R) };
}

/** Two-sample KS statistic D = sup |F₁ − F₂|. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0, j = 0, d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Asymptotic critical value of the two-sample KS test at level α: √(−ln(α/2)/2) · √((n+m)/(nm)). */
export function ksCritical(n: number, m: number, alpha = 0.001): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((n + m) / (n * m));
}

/**
 * Small dense least squares by Householder QR (stable for the ill-conditioned Vandermonde matrices of
 * polynomial baselines, where normal equations lose half the digits).
 */

/**
 * Solves min ‖A β − y‖² for A given as k columns of length n. Returns β, or null when A is rank deficient
 * (a column is, to rounding, a combination of the others).
 */
export function leastSquares(columns: readonly Float64Array[], y: Float64Array): Float64Array | null {
  const k = columns.length;
  const n = y.length;
  if (k === 0) return new Float64Array(0);
  if (n < k) return null;
  const a = columns.map((c) => Float64Array.from(c));
  const b = Float64Array.from(y);
  const diag = new Float64Array(k);
  let scale = 0;
  for (const c of a) for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(c[i]!));
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  for (let j = 0; j < k; j++) {
    const col = a[j]!;
    let norm = 0;
    for (let i = j; i < n; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm);
    if (norm <= 1e-12 * scale * Math.sqrt(n)) return null;
    const alpha = col[j]! > 0 ? -norm : norm;
    col[j] = col[j]! - alpha;
    let vnorm = 0;
    for (let i = j; i < n; i++) vnorm += col[i]! * col[i]!;
    diag[j] = alpha;
    if (vnorm === 0) continue;
    const apply = (v: Float64Array): void => {
      let s = 0;
      for (let i = j; i < n; i++) s += col[i]! * v[i]!;
      const f = (2 * s) / vnorm;
      for (let i = j; i < n; i++) v[i] = v[i]! - f * col[i]!;
    };
    for (let m = j + 1; m < k; m++) apply(a[m]!);
    apply(b);
  }
  const beta = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let s = b[j]!;
    for (let m = j + 1; m < k; m++) s -= a[m]![j]! * beta[m]!;
    beta[j] = s / diag[j]!;
  }
  for (const v of beta) if (!Number.isFinite(v)) return null;
  return beta;
}

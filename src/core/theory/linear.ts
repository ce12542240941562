/** Dense linear solve by Gaussian elimination with partial pivoting (for exact Markov-chain references). */

/** Solves A x = b for a row-major m×m matrix A; A and b are not modified. Throws if A is singular. */
export function solveLinear(A: Float64Array, b: Float64Array, m: number): Float64Array {
  const a = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r * m + col]!) > Math.abs(a[piv * m + col]!)) piv = r;
    if (a[piv * m + col] === 0) throw new Error("solveLinear: singular matrix");
    if (piv !== col) {
      for (let c = 0; c < m; c++) {
        const tmp = a[col * m + c]!;
        a[col * m + c] = a[piv * m + c]!;
        a[piv * m + c] = tmp;
      }
      const tmp = x[col]!;
      x[col] = x[piv]!;
      x[piv] = tmp;
    }
    const d = a[col * m + col]!;
    for (let r = col + 1; r < m; r++) {
      const f = a[r * m + col]! / d;
      if (f === 0) continue;
      for (let c = col; c < m; c++) a[r * m + c] = a[r * m + c]! - f * a[col * m + c]!;
      x[r] = x[r]! - f * x[col]!;
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let c = r + 1; c < m; c++) s -= a[r * m + c]! * x[c]!;
    x[r] = s / a[r * m + r]!;
  }
  return x;
}

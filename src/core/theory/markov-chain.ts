/**
 * Exact references from the two-type Wright–Fisher chain (the marginal of one category under the
 * closed loop, α = 0): c_{t+1} | c_t = j ~ Bin(n, j/n) on {0..n}, absorbing at 0 and n
 * (paper-math §2.2, tests T3–T5).
 */
import { binomialPmf } from "./binomial-pmf";
import { solveLinear } from "./linear";

/** Row-major (n+1)×(n+1) kernel M[j][k] = Bin(k; n, x_j) with x_j = α π + (1 − α) j/n (iid mixture). */
export function mixtureKernel(n: number, alpha = 0, pi = 0): Float64Array {
  const M = new Float64Array((n + 1) * (n + 1));
  for (let j = 0; j <= n; j++) binomialPmf(n, alpha * pi + (1 - alpha) * (j / n), M, j * (n + 1));
  return M;
}

/** The closed-loop kernel M[j][k] = Bin(k; n, j/n). */
export function wrightFisherKernel(n: number): Float64Array {
  return mixtureKernel(n, 0, 0);
}

/** out = dist · M for a row-major (m×m) kernel (one step of a distribution over states). */
export function propagate(dist: Float64Array, M: Float64Array, out: Float64Array, m: number): void {
  out.fill(0);
  for (let j = 0; j < m; j++) {
    const d = dist[j]!;
    if (d === 0) continue;
    const row = j * m;
    for (let k = 0; k < m; k++) out[k] = out[k]! + d * M[row + k]!;
  }
}

/** The transient block Q (states 1..n−1) as I − Q, row-major (n−1)×(n−1). */
function identityMinusQ(n: number): Float64Array {
  const M = wrightFisherKernel(n);
  const m = n - 1;
  const A = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) A[r * m + c] = (r === c ? 1 : 0) - M[(r + 1) * (n + 1) + (c + 1)]!;
  }
  return A;
}

/**
 * Exact mean absorption (fixation or loss) time of the two-type chain from every start j = 0..n,
 * solving (I − Q) τ = 1 on the transient states; τ_0 = τ_n = 0. O(n³): fine for n ≤ ~500.
 */
export function meanAbsorptionTimes(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  if (n < 2) return out;
  const tau = solveLinear(identityMinusQ(n), new Float64Array(n - 1).fill(1), n - 1);
  out.set(tau, 1);
  return out;
}

/** Exact fixation probability at n from every start j, solving (I − Q) u = R_{·,n}. Equals j/n (martingale). */
export function fixationProbabilities(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  out[n] = 1;
  if (n < 2) return out;
  const M = wrightFisherKernel(n);
  const b = new Float64Array(n - 1);
  for (let r = 0; r < n - 1; r++) b[r] = M[(r + 1) * (n + 1) + n]!;
  out.set(solveLinear(identityMinusQ(n), b, n - 1), 1);
  return out;
}

/**
 * Expected number of surviving categories E K_t = Σ_i [1 − (M^t)_{c_i,0}] under the closed loop, for
 * integer initial counts c_i (Σ c_i = n), t = 0..generations (test T3).
 */
export function expectedSupportFromCounts(n: number, counts: readonly number[], generations: number): number[] {
  const M = wrightFisherKernel(n);
  const m = n + 1;
  const dists = counts.map((c) => {
    const d = new Float64Array(m);
    d[c] = 1;
    return d;
  });
  const tmp = new Float64Array(m);
  const out: number[] = [];
  for (let t = 0; t <= generations; t++) {
    out.push(dists.reduce((s, d) => s + 1 - d[0]!, 0));
    for (const d of dists) {
      propagate(d, M, tmp, m);
      d.set(tmp);
    }
  }
  return out;
}

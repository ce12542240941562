/**
 * Exact binomial variates with O(1) expected cost.
 *
 * - n·min(p, 1−p) < 10: sequential inversion from 0 (expected work ≈ 1 + n·p ≤ 11 steps).
 * - otherwise: BTRD, the transformed-rejection sampler with decomposition of W. Hörmann,
 *   "The generation of binomial random variates", J. Statist. Comput. Simul. 46 (1993) 101–110.
 *   Acceptance is decided with the exact pmf ratio (recursively near the mode, by Stirling with the
 *   exact correction terms far from it), so the output is exactly Bin(n, p) up to floating point.
 *
 * p > 1/2 is handled by symmetry (n − Bin(n, 1−p)). No allocation; n may be as large as 2^53.
 */
import type { Rng } from "../rng";
import { exp, ln, log1p } from "../math";

/** log(k!) − [(k+½)log(k+1) − (k+1) + ½log 2π] for k = 0..9 (Stirling remainder, exact to 1e-16). */
const FC_TABLE = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509, 0.01664469118982119,
  0.01387612882307075, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733, 0.008330563433362871,
];

/** Stirling remainder of log(k!) as above; for k ≥ 10 the asymptotic series to 1/(k+1)^9 (error < 1e-14). */
export function stirlingTail(k: number): number {
  if (k < 10) return FC_TABLE[k]!;
  const t = 1 / (k + 1);
  const t2 = t * t;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - t2 / 1188) * t2) * t2) * t2) * t;
}

/** Inversion by sequential search; for n·p < 10 (p ≤ 1/2). */
function inversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const f0 = exp(n * log1p(-p));
  // Rounding can leave the computed cdf a hair below 1; a draw beyond this bound (probability < 1e-12
  // for n·p < 10) restarts instead of walking to n.
  const bound = Math.min(n, Math.floor(n * p + 10 * Math.sqrt(n * p * q + 1)) + 10);
  for (;;) {
    let u = rng();
    let f = f0;
    let k = 0;
    while (u > f) {
      u -= f;
      k++;
      if (k > bound) break;
      f *= a / k - s;
    }
    if (k <= bound) return k;
  }
}

/** BTRD for n·p ≥ 10, p ≤ 1/2. */
function btrd(rng: Rng, n: number, p: number): number {
  const m = Math.floor((n + 1) * p);
  const r = p / (1 - p);
  const nr = (n + 1) * r;
  const npq = n * p * (1 - p);
  const sqrtNpq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * sqrtNpq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * sqrtNpq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  for (;;) {
    let v = rng();
    let u: number;
    if (v <= urvr) {
      // Step 1: the central region is accepted immediately (about 86% of draws).
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = rng() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - m);
    if (km <= 15) {
      // Step 3.1: f(k)/f(m) by the recursion f(i)/f(i−1) = (n+1−i)/i · p/q.
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      } else if (m > k) {
        for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    // Step 3.2: squeeze on log f(k)/f(m).
    v = ln(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    // Steps 3.3–3.4: exact log f(k)/f(m) via Stirling with remainders.
    const nm = n - m + 1;
    const h = (m + 0.5) * ln((m + 1) / (r * nm)) + stirlingTail(m) + stirlingTail(n - m);
    const nk = n - k + 1;
    if (v <= h + (n + 1) * ln(nm / nk) + (k + 0.5) * ln((nk * r) / (k + 1)) - stirlingTail(k) - stirlingTail(n - k)) {
      return k;
    }
  }
}

/**
 * One draw from Binomial(n, p). Callers pass a validated integer n ≥ 0 and p in [0, 1]; p is clamped
 * to [0, 1] so that rounding (e.g. a ratio of partial sums 1 + 1e-16) cannot produce garbage.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  if (n * p < 10) return inversion(rng, n, p);
  return btrd(rng, n, p);
}

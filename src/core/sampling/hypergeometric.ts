/**
 * Hypergeometric and multivariate hypergeometric variates (sampling without replacement), used by the
 * "accumulate-subsample" workflow to draw a fixed budget from the accumulated pool.
 *
 * Method: inversion over the support enumerated outward from the mode (mode, mode+1, mode−1, …), with
 * pmf ratios relative to the mode, so no log-gamma cancellation at large populations. The normaliser
 * is summed over the same range first, stopping where terms fall below 1e-17 of the running sum
 * (the neglected mass is < 1e-15). Any enumeration order gives an exact inversion; expected work is
 * O(standard deviation), never O(population).
 */
import type { Rng } from "../rng";
import type { Counts } from "./multinomial";

const EPS = 1e-17;

/** Number of marked items among `draws` taken without replacement from `total` items of which `marked` are marked. */
export function hypergeometric(rng: Rng, total: number, marked: number, draws: number): number {
  if (draws <= 0 || marked <= 0) return 0;
  if (marked >= total) return draws;
  if (draws >= total) return marked;
  const other = total - marked;
  const lo = Math.max(0, draws - other);
  const hi = Math.min(marked, draws);
  if (lo === hi) return lo;
  let mode = Math.floor(((draws + 1) * (marked + 1)) / (total + 2));
  if (mode < lo) mode = lo;
  if (mode > hi) mode = hi;
  // f(k+1)/f(k) = (marked−k)(draws−k) / ((k+1)(other−draws+k+1)).
  let sum = 1;
  let term = 1;
  let top = mode;
  while (top < hi) {
    term *= ((marked - top) * (draws - top)) / ((top + 1) * (other - draws + top + 1));
    top++;
    sum += term;
    if (term < EPS * sum) break;
  }
  term = 1;
  let bottom = mode;
  while (bottom > lo) {
    term *= (bottom * (other - draws + bottom)) / ((marked - bottom + 1) * (draws - bottom + 1));
    bottom--;
    sum += term;
    if (term < EPS * sum) break;
  }
  for (;;) {
    let u = rng() * sum - 1;
    if (u < 0) return mode;
    let up = mode;
    let down = mode;
    let fUp = 1;
    let fDown = 1;
    while (up < top || down > bottom) {
      if (up < top) {
        fUp *= ((marked - up) * (draws - up)) / ((up + 1) * (other - draws + up + 1));
        up++;
        u -= fUp;
        if (u < 0) return up;
      }
      if (down > bottom) {
        fDown *= (down * (other - draws + down)) / ((marked - down + 1) * (draws - down + 1));
        down--;
        u -= fDown;
        if (u < 0) return down;
      }
    }
    // Rounding left u a hair above the summed mass: draw again (probability ~1e-16).
  }
}

/**
 * Draws `draws` items without replacement from a pool with pool[i] items of kind i (K kinds) and
 * writes the counts per kind into out, by conditional hypergeometrics. O(K) calls.
 */
export function multivariateHypergeometric(
  rng: Rng,
  draws: number,
  pool: ArrayLike<number>,
  out: Counts,
  K: number = pool.length,
): void {
  let total = 0;
  for (let i = 0; i < K; i++) total += pool[i]!;
  let left = Math.min(draws, total);
  for (let i = 0; i < K; i++) {
    const c = pool[i]!;
    const x = left === 0 || c === 0 ? 0 : hypergeometric(rng, total, c, left);
    out[i] = x;
    left -= x;
    total -= c;
  }
}

/**
 * Maximum-likelihood fit of a k-component 1-D Gaussian mixture by EM (Dempster, Laird & Rubin 1977).
 *
 * - Data are standardised first (EM is then scale-free and stays finite after long collapses); the fit is
 *   mapped back at the end.
 * - Initialisation, deterministic and RNG-free: "quantiles" sorts the data and starts component j on the
 *   j-th of k equal-count contiguous blocks (its mean, variance and share), i.e. the equal-count 1-D
 *   partition k-means would refine; "warm" starts from a given previous mixture (continued training).
 * - Stops when the mean log-likelihood per sample improves by less than `tol` nats, or after `maxIter`
 *   iterations. The last step is always an M-step, so the fitted mixture's overall mean and variance equal
 *   the sample mean and the 1/n sample variance exactly (the identity behind the model's exact theory).
 * - A component whose responsibility total falls below one sample is dropped (weight 0 for this fit),
 *   and every variance is floored at 10⁻⁶ of the data variance (the likelihood is unbounded otherwise);
 *   the floor breaks the moment identity above only when it binds.
 */
import type { Mixture } from "../theory/mixture-density";
import { exp, ln } from "../math";

export interface EmOptions {
  k: number;
  maxIter: number;
  /** Convergence threshold on the mean log-likelihood per sample, in nats. */
  tol: number;
  init: "quantiles" | "warm";
  /** Starting mixture for init = "warm" (k components). */
  previous?: Mixture;
}

export interface EmResult {
  mixture: Mixture;
  iterations: number;
  logLik: number;
}

const VAR_FLOOR = 1e-6;
const MIN_COUNT = 1;

/** Fits a k-component mixture to x (x is not modified). Scratch arrays are allocated per call. */
export function fitMixtureEm(x: Float64Array, opts: EmOptions): EmResult {
  const n = x.length, k = opts.k;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    v += d * d;
  }
  v /= n;
  const s = Math.sqrt(Math.max(v, 1e-280));
  const z = scratch(n, 0);
  for (let i = 0; i < n; i++) z[i] = (x[i]! - mean) / s;

  const w = new Float64Array(k), mu = new Float64Array(k), va = new Float64Array(k);
  if (opts.init === "warm" && opts.previous) {
    for (let j = 0; j < k; j++) {
      w[j] = opts.previous.w[j]!;
      mu[j] = (opts.previous.mu[j]! - mean) / s;
      va[j] = Math.max((opts.previous.sd[j]! / s) ** 2, VAR_FLOOR);
    }
  } else {
    quantileInit(z, k, w, mu, va);
  }

  const N = new Float64Array(k), S1 = new Float64Array(k), S2 = new Float64Array(k);
  const lw = new Float64Array(k), q = new Float64Array(k), e = new Float64Array(k);
  let prev = -Infinity, logLik = -Infinity, iter = 0, dropped = false;
  // A drop at the cap gets one more (clean) round; drops happen at most k times, so this terminates.
  while (iter < opts.maxIter || dropped) {
    iter++;
    for (let j = 0; j < k; j++) {
      lw[j] = w[j]! > 0 ? ln(w[j]!) - 0.5 * ln(va[j]!) : -Infinity;
      q[j] = 0.5 / va[j]!;
      N[j] = S1[j] = S2[j] = 0;
    }
    // E-step (with the log-likelihood of the current parameters).
    let ll = 0;
    // Σ log(sum_i) as logs of products of 64 sums (each in [1, k], so ≤ 8⁶⁴): one log per 64 samples.
    let prod = 1, inChunk = 0;
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let max = -Infinity, top = 0;
      for (let j = 0; j < k; j++) {
        const d = zi - mu[j]!;
        const a = lw[j]! - d * d * q[j]!;
        e[j] = a;
        if (a > max) {
          max = a;
          top = j;
        }
      }
      let sum = 1; // the top component's exp(0), not computed
      for (let j = 0; j < k; j++) {
        if (j === top) continue;
        const r = e[j]! === -Infinity ? 0 : exp(e[j]! - max);
        e[j] = r;
        sum += r;
      }
      e[top] = 1;
      ll += max;
      prod *= sum;
      if (++inChunk === 64) {
        ll += ln(prod);
        prod = 1;
        inChunk = 0;
      }
      const inv = 1 / sum;
      for (let j = 0; j < k; j++) {
        const r = e[j]! * inv;
        N[j] += r;
        S1[j] += r * zi;
        S2[j] += r * zi * zi;
      }
    }
    logLik = (ll + ln(prod)) / n;
    // M-step; a component with less than one sample's worth of responsibility is dropped.
    dropped = false;
    for (let j = 0; j < k; j++) {
      if (w[j]! === 0) continue;
      if (N[j]! < MIN_COUNT) {
        w[j] = 0;
        dropped = true;
        continue;
      }
      w[j] = N[j]! / n;
      mu[j] = S1[j]! / N[j]!;
      va[j] = Math.max(S2[j]! / N[j]! - mu[j]! * mu[j]!, VAR_FLOOR);
    }
    if (dropped) renormalise(w);
    // Stop only after a clean M-step (a drop forces one more round so the moment identity holds).
    if (!dropped && logLik - prev < opts.tol) break;
    prev = logLik;
  }

  const out: Mixture = { w: new Float64Array(k), mu: new Float64Array(k), sd: new Float64Array(k) };
  for (let j = 0; j < k; j++) {
    out.w[j] = w[j]!;
    out.mu[j] = mean + s * mu[j]!;
    out.sd[j] = s * Math.sqrt(va[j]!);
  }
  return { mixture: out, iterations: iter, logLik: logLik - ln(s) - 0.5 * ln(2 * Math.PI) };
}

function renormalise(w: Float64Array): void {
  let t = 0;
  for (let j = 0; j < w.length; j++) t += w[j]!;
  for (let j = 0; j < w.length; j++) w[j] = w[j]! / t;
}

/** Reused work arrays (the loop refits thousands of times; allocation dominated the garbage collector). */
const buffers: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
function scratch(n: number, which: 0 | 1): Float64Array {
  if (buffers[which]!.length < n) buffers[which] = new Float64Array(n);
  return buffers[which]!.subarray(0, n);
}

/** Component j ← the j-th of k equal-count blocks of the sorted data. */
function quantileInit(z: Float64Array, k: number, w: Float64Array, mu: Float64Array, va: Float64Array): void {
  const n = z.length;
  const sorted = scratch(n, 1);
  sorted.set(z);
  sorted.sort();
  for (let j = 0; j < k; j++) {
    const a = Math.floor((j * n) / k), b = Math.floor(((j + 1) * n) / k);
    let m = 0;
    for (let i = a; i < b; i++) m += sorted[i]!;
    m /= b - a;
    let s = 0;
    for (let i = a; i < b; i++) {
      const d = sorted[i]! - m;
      s += d * d;
    }
    w[j] = (b - a) / n;
    mu[j] = m;
    va[j] = Math.max(s / (b - a), VAR_FLOOR);
  }
}

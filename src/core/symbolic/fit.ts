/**
 * Fitting the free constants of a skeleton to data (x_i, y_i) by least squares.
 *
 * If the skeleton is linear in its constants (checked numerically: f(c) = f(0) + Σ c_j (f(e_j) − f(0)) at a
 * random c, to 1e-9 relative), one QR solve gives the exact optimum. Otherwise Levenberg–Marquardt with a
 * forward-difference Jacobian runs from c = 1 and from a few seeded random starts; the best is kept.
 */
import type { Rng } from "../rng";
import { Evaluator, type Program } from "./compile";
import { leastSquares } from "./lstsq";
import { ALL_OPS } from "./ops";

export interface FitResult {
  c: Float64Array;
  /** Fitted values at the data points. */
  yhat: Float64Array;
  rss: number;
  /** ∂f/∂c_j at the data points, one column per constant (for the precision cost); NaN where undefined. */
  jacobian: Float64Array[];
  linear: boolean;
}

export interface FitOptions {
  /** Random restarts of LM besides c = 1. */
  restarts: number;
  /** LM iterations per start. */
  iterations: number;
}

function rssOf(y: Float64Array, f: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const e = y[i]! - f[i]!;
    s += e * e;
  }
  return s;
}

/** Forward differences; a column is all NaN where the perturbed function is not finite (e.g. (−2)^(3+h)). */
function jacobianAt(ev: Evaluator, p: Program, c: Float64Array, f0: Float64Array): Float64Array[] {
  const cols: Float64Array[] = [];
  const tmp = Float64Array.from(c);
  for (let j = 0; j < c.length; j++) {
    const h = 1e-7 * Math.max(1, Math.abs(c[j]!));
    tmp[j] = c[j]! + h;
    const col = new Float64Array(f0.length);
    if (!ev.run(p, tmp, col)) col.fill(Number.NaN);
    for (let i = 0; i < col.length; i++) col[i] = (col[i]! - f0[i]!) / h;
    tmp[j] = c[j]!;
    cols.push(col);
  }
  return cols;
}

function tryLinear(ev: Evaluator, p: Program, k: number, y: Float64Array, rng: Rng): Float64Array | null | undefined {
  const n = y.length;
  const f0 = new Float64Array(n);
  if (!ev.run(p, new Float64Array(k), f0)) return undefined;
  const basis: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const e = new Float64Array(k);
    e[j] = 1;
    const fj = new Float64Array(n);
    if (!ev.run(p, e, fj)) return undefined;
    for (let i = 0; i < n; i++) fj[i] = fj[i]! - f0[i]!;
    basis.push(fj);
  }
  const c = Float64Array.from({ length: k }, () => 4 * rng() - 2);
  const fc = new Float64Array(n);
  if (!ev.run(p, c, fc)) return undefined;
  for (let i = 0; i < n; i++) {
    let pred = f0[i]!;
    for (let j = 0; j < k; j++) pred += c[j]! * basis[j]![i]!;
    if (Math.abs(pred - fc[i]!) > 1e-9 * (1 + Math.abs(fc[i]!))) return undefined;
  }
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = y[i]! - f0[i]!;
  return leastSquares(basis, target);
}

function levenbergMarquardt(ev: Evaluator, p: Program, start: Float64Array, y: Float64Array, iterations: number): { c: Float64Array; rss: number } | null {
  const n = y.length;
  const k = start.length;
  let c = Float64Array.from(start);
  let f = new Float64Array(n);
  if (!ev.run(p, c, f)) return null;
  let rss = rssOf(y, f);
  let lambda = 1e-3;
  const trial = new Float64Array(n);
  for (let it = 0; it < iterations && rss > 0; it++) {
    const J = jacobianAt(ev, p, c, f);
    if (!J || J.some((col) => col.some((v) => !Number.isFinite(v)))) return { c, rss };
    // Normal equations (JᵀJ + λ diag JᵀJ) δ = Jᵀr, k ≤ a few.
    const A = new Float64Array(k * k);
    const g = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      for (let i = 0; i < n; i++) g[a] = g[a]! + J[a]![i]! * (y[i]! - f[i]!);
      for (let b = a; b < k; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += J[a]![i]! * J[b]![i]!;
        A[a * k + b] = s;
        A[b * k + a] = s;
      }
    }
    let improved = false;
    for (let tries = 0; tries < 6 && !improved; tries++) {
      const M = Float64Array.from(A);
      for (let a = 0; a < k; a++) M[a * k + a] = A[a * k + a]! * (1 + lambda) + 1e-300;
      const delta = solveSmall(M, g, k);
      if (delta) {
        const cNew = Float64Array.from(c, (v, j) => v + delta[j]!);
        if (ev.run(p, cNew, trial)) {
          const r = rssOf(y, trial);
          if (r < rss) {
            const gain = rss - r;
            c = cNew;
            [f, rss] = [Float64Array.from(trial), r];
            lambda = Math.max(lambda / 10, 1e-12);
            improved = true;
            if (gain <= 1e-9 * rss) return { c, rss }; // converged (relative gain below 1e-9)
            continue;
          }
        }
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  return { c, rss };
}

/** Gaussian elimination for a k×k system (k ≤ ~6); null if singular or non-finite. */
function solveSmall(A: Float64Array, b: Float64Array, k: number): Float64Array | null {
  const a = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r * k + col]!) > Math.abs(a[piv * k + col]!)) piv = r;
    if (!(Math.abs(a[piv * k + col]!) > 0)) return null;
    for (let cc = 0; cc < k; cc++) [a[col * k + cc], a[piv * k + cc]] = [a[piv * k + cc]!, a[col * k + cc]!];
    [x[col], x[piv]] = [x[piv]!, x[col]!];
    for (let r = col + 1; r < k; r++) {
      const m = a[r * k + col]! / a[col * k + col]!;
      for (let cc = col; cc < k; cc++) a[r * k + cc] = a[r * k + cc]! - m * a[col * k + cc]!;
      x[r] = x[r]! - m * x[col]!;
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let cc = r + 1; cc < k; cc++) s -= a[r * k + cc]! * x[cc]!;
    x[r] = s / a[r * k + r]!;
    if (!Number.isFinite(x[r]!)) return null;
  }
  return x;
}

/**
 * Fits the k constants of program p. Returns null when no finite fit exists (domain errors everywhere
 * tried, or a rank-deficient linear family, i.e. a redundant constant).
 */
export function fitConstants(ev: Evaluator, p: Program, k: number, y: Float64Array, rng: Rng, opt: FitOptions): FitResult | null {
  const n = y.length;
  const yhat = new Float64Array(n);
  if (k === 0) {
    if (!ev.run(p, [], yhat)) return null;
    return { c: new Float64Array(0), yhat, rss: rssOf(y, yhat), jacobian: [], linear: true };
  }
  const lin = tryLinear(ev, p, k, y, rng);
  if (lin === null) return null;
  let best: { c: Float64Array; rss: number } | null = null;
  let linear = false;
  if (lin) {
    if (!ev.run(p, lin, yhat)) return null;
    best = { c: lin, rss: rssOf(y, yhat) };
    linear = true;
  } else {
    // c = 1, then small integers (a negative base only has a real power at integer exponents, where LM
    // cannot move: its Jacobian is NaN), then seeded random starts.
    const hasPow = p.codes.includes(ALL_OPS.indexOf("pow"));
    const starts = (hasPow ? [1, 2, 3, -1] : [1, -1]).map((v) => new Float64Array(k).fill(v));
    for (let r = 0; r < opt.restarts; r++) starts.push(Float64Array.from({ length: k }, () => 6 * rng() - 3));
    let yy = 0;
    for (let i = 0; i < n; i++) yy += y[i]! * y[i]!;
    // A short run from every start, then the best one continued to the full iteration budget.
    const short = Math.min(4, opt.iterations);
    for (const s of starts) {
      const res = levenbergMarquardt(ev, p, s, y, short);
      if (res && (!best || res.rss < best.rss)) best = res;
      if (best && best.rss <= 1e-24 * yy) break; // exact fit: no start can do better
    }
    if (best && best.rss > 1e-24 * yy && opt.iterations > short) {
      const res = levenbergMarquardt(ev, p, best.c, y, opt.iterations - short);
      if (res && res.rss < best.rss) best = res;
    }
    if (!best || !ev.run(p, best.c, yhat)) return null;
    best.rss = rssOf(y, yhat);
  }
  const J = jacobianAt(ev, p, best.c, yhat);
  return { c: best.c, yhat, rss: best.rss, jacobian: J, linear };
}

/**
 * Best-of-n true gain for a Gaussian true reward and any continuous proxy error, by quadrature, used for
 * Student-t errors with integer ν (simulation S8b's heavy-tailed curve).
 *
 * Stein's lemma for r ~ N(0, σ_r²) gives E[r | Y = y] f_Y(y) = −σ_r² f_Y′(y) for Y = r + ε (ε independent), so
 * E[r of the best of n] = n ∫ E[r | y] f_Y F_Y^{n−1} dy = σ_r² n(n−1) ∫ f_Y(y)² F_Y(y)^{n−2} dy
 * (integrating by parts; 0 for n = 1; for Gaussian ε it reduces to σ_r²/√(σ_r²+σ_ε²)·E Z_(n)).
 * f_Y, F_Y are convolutions over z = r/σ_r (Gauss–Legendre panels on [−8.5, 8.5], width ≤ σ_ε/(2σ_r)); y runs
 * over a sinh-spaced grid wide enough for the heavy tail at the largest n.
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import { gaussLegendre } from "./quadrature";
import { asinh, atan, cos, cosh, exp, ln, log1p, pow, sin, sinh } from "../math";

/** Largest integer ν with a closed-form CDF here (cost ∝ ν per evaluation). */
export const MAX_INTEGER_NU = 30;
/** Smallest σ_ε/σ_r for which the quadrature is offered (the z panels shrink with it). */
export const MIN_SCALE_RATIO = 0.125;

/** Student-t(ν) density. */
export function studentTDensity(t: number, nu: number): number {
  return exp(studentTLogConstant(nu) - ((nu + 1) / 2) * log1p((t * t) / nu));
}

/** log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ). */
function studentTLogConstant(nu: number): number {
  return gammaln((nu + 1) / 2) - gammaln(nu / 2) - 0.5 * ln(nu * Math.PI);
}

/**
 * Student-t(ν) CDF for integer ν ≥ 1: ½ + ½A(t|ν) (Abramowitz & Stegun 26.7.3–4, θ = atan(t/√ν)); absolute
 * accuracy ~1e-16, which is what F^{n−1} needs (relative accuracy deep in the left tail is not needed).
 */
export function studentTCdf(t: number, nu: number): number {
  if (!Number.isInteger(nu) || nu < 1) throw new RangeError("studentTCdf: ν must be a positive integer");
  const theta = atan(t / Math.sqrt(nu));
  const s = sin(theta), c = cos(theta), c2 = c * c;
  let a: number;
  if (nu % 2 === 0) {
    let term = 1, sum = 1;
    for (let k = 2; k <= nu - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = s * sum;
  } else {
    let sum = 0;
    if (nu > 1) {
      let term = 1;
      sum = 1;
      for (let k = 3; k <= nu - 2; k += 2) {
        term *= ((k - 1) / k) * c2;
        sum += term;
      }
    }
    a = (2 / Math.PI) * (theta + s * c * sum);
  }
  return 0.5 + a / 2;
}

/** True gains E[r of the best of n] for each n, for ε = σ_ε·T_ν (integer ν ≤ 30, σ_ε/σ_r ≥ 1/8). */
export function bestOfNStudentTrueGain(
  ns: readonly number[],
  sigmaR: number,
  sigmaEps: number,
  nu: number,
  /** Grid refinement (1 = default; 2 halves both panel widths), for convergence checks. */
  refine = 1,
): number[] {
  if (!Number.isInteger(nu) || nu < 1 || nu > MAX_INTEGER_NU) throw new RangeError(`ν must be an integer in [1, ${MAX_INTEGER_NU}]`);
  if (!(sigmaEps >= MIN_SCALE_RATIO * sigmaR)) throw new RangeError(`σ_ε/σ_r must be at least ${MIN_SCALE_RATIO}`);
  const nMax = Math.max(...ns);
  const gl = gaussLegendre(8);
  // z nodes (standard normal weight folded in).
  const zh = Math.min(0.5, sigmaEps / (2 * sigmaR)) / refine;
  const zPanels = Math.ceil(17 / zh);
  const zx: number[] = [], zw: number[] = [];
  for (let p = 0; p < zPanels; p++) {
    const a = -8.5 + (p * 17) / zPanels, h = 17 / zPanels;
    for (let k = 0; k < gl.x.length; k++) {
      const z = a + (h * (gl.x[k]! + 1)) / 2;
      zx.push(z);
      zw.push(((h * gl.w[k]!) / 2) * exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
    }
  }
  // y = s sinh(u): far enough that n² ∫_{y>Y} f_Y² is below 1e-10 at the largest n.
  const s = sigmaR + sigmaEps;
  const yMax = Math.max(1e3, pow(nMax * nMax * 1e10, 1 / (2 * nu + 1)));
  const U = asinh(yMax);
  const uPanels = Math.ceil((2 * U * refine) / 0.1);
  const sums = ns.map(() => 0);
  const logC = studentTLogConstant(nu), half = (nu + 1) / 2;
  for (let p = 0; p < uPanels; p++) {
    const a = -U + (p * 2 * U) / uPanels, h = (2 * U) / uPanels;
    for (let k = 0; k < gl.x.length; k++) {
      const u = a + (h * (gl.x[k]! + 1)) / 2;
      const y = s * sinh(u), dy = s * cosh(u) * ((h * gl.w[k]!) / 2);
      let f = 0, F = 0;
      for (let i = 0; i < zx.length; i++) {
        const e = (y - sigmaR * zx[i]!) / sigmaEps;
        f += zw[i]! * exp(logC - half * log1p((e * e) / nu));
        F += zw[i]! * studentTCdf(e, nu);
      }
      f /= sigmaEps;
      if (f === 0 || F <= 0) continue;
      const logF = ln(Math.min(F, 1));
      ns.forEach((n, j) => {
        if (n >= 2) sums[j]! += dy * f * f * exp((n - 2) * logF);
      });
    }
  }
  return ns.map((n, j) => sigmaR * sigmaR * n * (n - 1) * sums[j]!);
}

/**
 * Exact gamma and chi-square variates (Marsaglia & Tsang 2000, squeeze + log acceptance; shapes below 1
 * use the boost G(a) = G(a + 1) · U^(1/a)). Samplers return logarithms too, because the Gaussian refit
 * loop works with log σ² to stay finite after thousands of contracting generations.
 */
import type { Rng } from "../rng";
import type { NormalSampler } from "./normal";
import { ln, pow } from "../math";

export interface GammaSampler {
  /** A Gamma(shape, 1) variate; shape > 0. */
  gamma(shape: number): number;
  /** log of a Gamma(shape, 1) variate (finite even when the variate itself would underflow). */
  logGamma(shape: number): number;
  /** A χ²_k variate (k > 0 degrees of freedom; k need not be an integer). */
  chiSquare(k: number): number;
  /** log of a χ²_k variate. */
  logChiSquare(k: number): number;
}

const LN2 = Math.LN2;

export function createGamma(rng: Rng, normal: NormalSampler): GammaSampler {
  /** Marsaglia–Tsang for shape ≥ 1. */
  const mt = (shape: number): number => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - rng(); // in (0, 1]: log(u) is finite
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (ln(u) < 0.5 * x2 + d * (1 - v + ln(v))) return d * v;
    }
  };
  const check = (shape: number): void => {
    if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be a positive finite number, got ${shape}`);
  };
  const logGamma = (shape: number): number => {
    check(shape);
    if (shape >= 1) return ln(mt(shape));
    return ln(mt(shape + 1)) + ln(1 - rng()) / shape;
  };
  const gamma = (shape: number): number => {
    check(shape);
    if (shape >= 1) return mt(shape);
    return mt(shape + 1) * pow(1 - rng(), 1 / shape);
  };
  return {
    gamma,
    logGamma,
    chiSquare: (k) => 2 * gamma(k / 2),
    logChiSquare: (k) => LN2 + logGamma(k / 2),
  };
}

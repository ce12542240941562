/**
 * The one place core code gets transcendental functions.
 *
 * Why: the product promises bit-identical numbers for the same parameters and seed in Node (V8 11) and in the
 * reader's browser (V8 15, Web Worker). ECMAScript does not require Math.log, Math.exp, Math.pow / `**`,
 * Math.sin, … to be correctly rounded, and V8 has changed their implementations between versions: identical
 * inputs then differ in the last bit (and inside a sampler a last-bit change can flip an accept/reject test and
 * change a whole stream). Only IEEE basic operations (+ − × ÷, Math.sqrt, Math.fround, abs/floor/ceil/round/
 * trunc/min/max/sign, comparisons, integer ops, Math.imul) are reproducible everywhere.
 *
 * So these are the @stdlib JavaScript ports of FreeBSD msun / fdlibm: they use only IEEE arithmetic and bit
 * manipulation (float64 words through typed arrays), so every engine computes the same bits. Audited: no
 * transcendental Math.* call anywhere in the installed @stdlib packages (digamma, trigamma, gammaln included);
 * they call only Math.abs, floor, ceil, round, sqrt and fround. Accuracy: within 1 ulp, not always correctly
 * rounded (exp(1), expm1(1), cosh(1) are one ulp off; see the test), which does not matter for reproducibility.
 *
 * Rules for src/core (enforced by tests/unit/core/deterministic-math.test.ts): no transcendental Math.* and
 * no `**` outside this file; write x * x for small literal powers, pow(x, y) otherwise.
 */
import stdlibAsinh from "@stdlib/math-base-special-asinh";
import stdlibAtan from "@stdlib/math-base-special-atan";
import stdlibCos from "@stdlib/math-base-special-cos";
import stdlibCosh from "@stdlib/math-base-special-cosh";
import stdlibExp from "@stdlib/math-base-special-exp";
import stdlibExpm1 from "@stdlib/math-base-special-expm1";
import stdlibHypot from "@stdlib/math-base-special-hypot";
import stdlibLn from "@stdlib/math-base-special-ln";
import stdlibLog1p from "@stdlib/math-base-special-log1p";
import stdlibLog2 from "@stdlib/math-base-special-log2";
import stdlibPow from "@stdlib/math-base-special-pow";
import stdlibSin from "@stdlib/math-base-special-sin";
import stdlibSinh from "@stdlib/math-base-special-sinh";
import stdlibTanh from "@stdlib/math-base-special-tanh";

/** Natural logarithm (replaces Math.log). */
export const ln: (x: number) => number = stdlibLn;
/** Base-2 logarithm (replaces Math.log2; exact at powers of two). */
export const log2: (x: number) => number = stdlibLog2;
/** ln(1 + x), accurate near 0 (replaces Math.log1p). */
export const log1p: (x: number) => number = stdlibLog1p;
/** e^x (replaces Math.exp). */
export const exp: (x: number) => number = stdlibExp;
/** e^x − 1, accurate near 0 (replaces Math.expm1). */
export const expm1: (x: number) => number = stdlibExpm1;
/** x^y (replaces Math.pow and `**`; for small literal integer powers multiply instead). */
export const pow: (x: number, y: number) => number = stdlibPow;
/** Sine (replaces Math.sin). */
export const sin: (x: number) => number = stdlibSin;
/** Cosine (replaces Math.cos). */
export const cos: (x: number) => number = stdlibCos;
/** Arctangent (replaces Math.atan). */
export const atan: (x: number) => number = stdlibAtan;
/** Hyperbolic sine (replaces Math.sinh). */
export const sinh: (x: number) => number = stdlibSinh;
/** Hyperbolic cosine (replaces Math.cosh). */
export const cosh: (x: number) => number = stdlibCosh;
/** Inverse hyperbolic sine (replaces Math.asinh). */
export const asinh: (x: number) => number = stdlibAsinh;
/** Hyperbolic tangent (replaces Math.tanh). */
export const tanh: (x: number) => number = stdlibTanh;
/** √(x² + y²) without overflow (replaces Math.hypot with two arguments). */
export const hypot: (x: number, y: number) => number = stdlibHypot;

/** base^exponent for a non-negative integer exponent by repeated squaring: exact while the result is an integer below 2^53. */
export function intPow(base: number, exponent: number): number {
  let result = 1;
  let b = base;
  for (let e = exponent; e > 0; e >>>= 1) {
    if (e & 1) result *= b;
    b *= b;
  }
  return result;
}

/** Exact integer power of a BigInt (BigInt arithmetic is exact in every engine). */
export function bigPow(base: bigint, exponent: number): bigint {
  let result = 1n;
  for (let e = 0; e < exponent; e++) result *= base;
  return result;
}

/** Base-10 logarithm, via ln (deterministic; not necessarily correctly rounded). */
export function log10(x: number): number {
  return stdlibLn(x) / Math.LN10;
}

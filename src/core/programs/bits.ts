/** Bit-string helpers: packing into 32-bit words, Hamming distance, code lengths. */
import { log2 } from "../math";

export type Bits = Uint8Array;

/** Parses "0101…" (throws RangeError on other characters; callers wrap it in ParamError). */
export function fromString(s: string): Bits {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch !== 48 && ch !== 49) throw new RangeError(`not a bit at position ${i + 1}`);
    out[i] = ch - 48;
  }
  return out;
}

export function toString(b: Bits): string {
  return Array.from(b, (v) => (v ? "1" : "0")).join("");
}

/** Packs bits into words (bit i at word i>>5, position i&31). */
export function pack(b: Bits, out = new Uint32Array((b.length + 31) >>> 5)): Uint32Array {
  out.fill(0);
  for (let i = 0; i < b.length; i++) if (b[i]) out[i >>> 5] = out[i >>> 5]! | (1 << (i & 31));
  return out;
}

export function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Hamming distance between packed strings a (at offset ao words) and b. */
export function hammingPacked(a: Uint32Array, ao: number, b: Uint32Array, words: number): number {
  let d = 0;
  for (let w = 0; w < words; w++) d += popcount((a[ao + w]! ^ b[w]!) >>> 0);
  return d;
}

export function hamming(a: Bits, b: Bits): number {
  let d = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) d += a[i]! ^ b[i]!;
  return d + Math.abs(a.length - b.length);
}

/** Elias gamma code length of m ≥ 1. */
export function gammaBits(m: number): number {
  return 2 * Math.floor(log2(m)) + 1;
}

const LOG2_FACT: number[] = [0];
/** log₂ k! (memoised). */
export function log2Factorial(k: number): number {
  for (let i = LOG2_FACT.length; i <= k; i++) LOG2_FACT.push(LOG2_FACT[i - 1]! + log2(i));
  return LOG2_FACT[k]!;
}

export function log2Binomial(n: number, k: number): number {
  return log2Factorial(n) - log2Factorial(k) - log2Factorial(n - k);
}

/**
 * Bits to describe which k of n positions are exceptions (flipped): log₂(⌊n/2⌋+1) for k ≤ n/2, then
 * log₂ C(n, k) for the positions. This is the two-part noise code of the program MDL. More than n/2
 * exceptions are not coded (Infinity): the complemented program, also in the library, is then closer.
 */
export function exceptionBits(n: number, k: number): number {
  if (k > n / 2) return Infinity;
  return log2(Math.floor(n / 2) + 1) + log2Binomial(n, k);
}

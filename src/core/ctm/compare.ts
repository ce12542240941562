/**
 * Baselines to set beside CTM/BDM: Shannon entropy of the symbol frequencies and the deflate-compressed
 * length (fflate, level 9) of the bits packed 8 per byte (first bit = most significant; the last byte is
 * zero-padded), both in bits.
 */
import { deflateSync } from "fflate";
import { log2 } from "../math";

/** Shannon entropy per symbol (bits) of the 0/1 frequencies. */
export function shannonEntropy(bits: Uint8Array): number {
  const n = bits.length;
  if (n === 0) return 0;
  let ones = 0;
  for (let i = 0; i < n; i++) ones += bits[i]!;
  let h = 0;
  for (const k of [ones, n - ones]) if (k > 0) h -= (k / n) * log2(k / n);
  return h;
}

/** Pack bits 8 per byte, most significant first. */
export function packBits(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i]) out[i >> 3]! |= 0x80 >> (i & 7);
  return out;
}

/** Length in bits of the raw deflate stream (level 9) of the packed bits. */
export function compressedBits(bits: Uint8Array): number {
  return 8 * deflateSync(packBits(bits), { level: 9 }).length;
}

/**
 * Block statistics of binary sequences for the mechanism loop: empirical (k+1)-block distributions,
 * conditional entropy of the next bit given k previous bits, the exact block distribution of the noisy
 * truth, and KL divergence between the two.
 */
import type { Bits } from "./bits";
import { log2, pow } from "../math";

/** Empirical distribution of the (L)-blocks starting at positions 0..n−L (index = block as an integer). */
export function blockDistribution(s: Bits, L: number): Float64Array {
  const out = new Float64Array(1 << L);
  const count = s.length - L + 1;
  if (count <= 0) return out;
  for (let i = 0; i < count; i++) {
    let b = 0;
    for (let j = 0; j < L; j++) b = (b << 1) | s[i + j]!;
    out[b] = out[b]! + 1;
  }
  for (let b = 0; b < out.length; b++) out[b] = out[b]! / count;
  return out;
}

/** H(X_{L} | X_1..X_{L−1}) = H_L − H_{L−1} from the empirical L-block distribution, bits per symbol. */
export function conditionalEntropy(s: Bits, L: number): number {
  const p = blockDistribution(s, L);
  const prefix = new Float64Array(1 << (L - 1));
  for (let b = 0; b < p.length; b++) prefix[b >> 1] = prefix[b >> 1]! + p[b]!;
  let h = 0;
  for (let b = 0; b < p.length; b++) if (p[b]! > 0) h -= p[b]! * log2(p[b]! / prefix[b >> 1]!);
  return Math.max(0, h);
}

/**
 * Exact L-block distribution of the noisy truth: clean sequence `clean` with each bit flipped
 * independently with probability ε, block start uniform over positions 0..n−L (the same positions the
 * empirical distribution uses).
 */
export function noisyBlockDistribution(clean: Bits, n: number, L: number, eps: number): Float64Array {
  const out = new Float64Array(1 << L);
  const count = n - L + 1;
  for (let i = 0; i < count; i++) {
    let c = 0;
    for (let j = 0; j < L; j++) c = (c << 1) | clean[i + j]!;
    for (let b = 0; b < out.length; b++) {
      let diff = b ^ c;
      let flips = 0;
      while (diff) {
        flips += diff & 1;
        diff >>>= 1;
      }
      out[b] = out[b]! + pow(eps, flips) * pow(1 - eps, L - flips);
    }
  }
  for (let b = 0; b < out.length; b++) out[b] = out[b]! / count;
  return out;
}

/** KL(p ‖ q) in bits (Infinity if p puts mass where q has none). */
export function klBits(p: Float64Array, q: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i]! === 0) continue;
    if (q[i]! === 0) return Infinity;
    s += p[i]! * log2(p[i]! / q[i]!);
  }
  return Math.max(0, s);
}

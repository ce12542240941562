/**
 * k-gram (order-k Markov) model of a binary sequence: the distributional learner of the mechanism loop.
 * Fitting is maximum likelihood (counts of the next bit after each k-bit context); an unseen context
 * predicts 1/2. Sampling starts from the training data's first k bits (the MLE of the initial block).
 */
import type { Rng } from "../rng";
import type { Bits } from "../programs/bits";
import { log2 } from "../math";

export interface KGram {
  k: number;
  /** counts[2·ctx + b] = times bit b followed context ctx (ctx = the k previous bits, oldest first, as an integer). */
  counts: Float64Array;
  /** Initial k bits. */
  start: Bits;
}

export function fitKGram(data: Bits, k: number): KGram {
  const counts = new Float64Array(2 << k);
  const mask = (1 << k) - 1;
  let ctx = 0;
  for (let i = 0; i < data.length; i++) {
    if (i >= k) counts[2 * ctx + data[i]!] = counts[2 * ctx + data[i]!]! + 1;
    ctx = ((ctx << 1) | data[i]!) & mask;
  }
  return { k, counts, start: data.slice(0, k) };
}

/** P(next = 1 | ctx). */
export function probOne(m: KGram, ctx: number): number {
  const c0 = m.counts[2 * ctx]!;
  const c1 = m.counts[2 * ctx + 1]!;
  return c0 + c1 === 0 ? 0.5 : c1 / (c0 + c1);
}

/** Samples n bits from the model. */
export function sampleKGram(m: KGram, n: number, rng: Rng): Bits {
  const out = new Uint8Array(n);
  const mask = (1 << m.k) - 1;
  let ctx = 0;
  for (let i = 0; i < n; i++) {
    if (i < m.k) out[i] = m.start[i] ?? (rng() < 0.5 ? 1 : 0);
    else out[i] = rng() < probOne(m, ctx) ? 1 : 0;
    ctx = ((ctx << 1) | out[i]!) & mask;
  }
  return out;
}

/** Greedy (most probable next bit, ties → 0) continuation of `prefix` to n bits: the model's "mechanism". */
export function greedyKGram(m: KGram, prefix: Bits, n: number): Bits {
  const out = new Uint8Array(n);
  const mask = (1 << m.k) - 1;
  let ctx = 0;
  for (let i = 0; i < n; i++) {
    out[i] = i < Math.min(m.k, prefix.length) ? prefix[i]! : probOne(m, ctx) > 0.5 ? 1 : 0;
    ctx = ((ctx << 1) | out[i]!) & mask;
  }
  return out;
}

/** Next-bit log-loss (bits per symbol) of the model on data, after the first k bits (for held-out comparisons). */
export function kgramLogLoss(m: KGram, data: Bits): number {
  const mask = (1 << m.k) - 1;
  let ctx = 0;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    if (i >= m.k) {
      const p1 = probOne(m, ctx);
      const p = data[i] ? p1 : 1 - p1;
      bits -= log2(Math.max(p, 1e-12));
      count++;
    }
    ctx = ((ctx << 1) | data[i]!) & mask;
  }
  return count ? bits / count : 0;
}

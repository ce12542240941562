/**
 * Character n-gram language model: counting, sampling and exact metrics, for the `ngram` model.
 *
 * Characters are indices 0..V−1 of a fixed vocabulary (the training text's). An n-gram is coded
 * ctx·V + x, where ctx is the base-V code of its n − 1 preceding characters, so sorting the codes groups
 * each context's continuations together. A corpus is a character array cut into segments; only windows
 * inside one segment are counted, so no n-gram is ever made up at a junction.
 *
 * Sampling (add-δ smoothing, δ = 0 is the pure MLE): a segment starts with a whole n-gram drawn in
 * proportion to its count, then each next character is drawn from P(x | ctx) = (c(ctx x) + δ)/(c(ctx) + δV).
 * With δ = 0 a context that was only ever seen at the end of a segment has no continuation: the segment
 * ends and a new one starts. Hence every n-gram counted in a sampled corpus has positive probability under
 * the model, and with δ = 0 and no real data the support (distinct n-grams) can never grow.
 */
import type { Rng } from "../rng";
import { intPow, log2 } from "../math";

export interface Corpus {
  /** Character indices. */
  chars: Uint8Array;
  /** Segment starts, increasing, first 0; segment s is [starts[s], starts[s+1]) (last ends at chars.length). */
  starts: number[];
}

export interface NgramCounts {
  order: number;
  V: number;
  /** Sorted distinct n-gram codes and their counts. */
  codes: Float64Array;
  counts: Float64Array;
  /** Distinct contexts (sorted codes), where their n-grams start in `codes`, and their total counts. */
  ctx: Float64Array;
  ctxStart: Int32Array;
  ctxTotal: Float64Array;
  /** Total n-gram tokens. */
  tokens: number;
  /** Cumulative counts over `codes` (for drawing a whole n-gram). */
  cum: Float64Array;
}

/** Counts every n-gram inside a segment (the MLE fit). */
export function countNgrams(corpus: Corpus, order: number, V: number): NgramCounts {
  const { chars, starts } = corpus;
  const mod = intPow(V, order);
  // Int32 codes sort several times faster than doubles; V^order < 2^31 for any V ≤ 73 at order 5.
  const buf = mod < 2147483648 ? new Int32Array(chars.length) : new Float64Array(chars.length);
  let used = 0;
  for (let s = 0; s < starts.length; s++) {
    const a = starts[s]!, b = s + 1 < starts.length ? starts[s + 1]! : chars.length;
    let code = 0;
    for (let i = a; i < b; i++) {
      code = (code * V + chars[i]!) % mod;
      if (i - a + 1 >= order) buf[used++] = code;
    }
  }
  const sorted = buf.subarray(0, used).sort();
  let distinct = 0;
  for (let i = 0; i < used; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const codes = new Float64Array(distinct), counts = new Float64Array(distinct);
  for (let i = 0, g = -1; i < used; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) codes[++g] = sorted[i]!;
    counts[g]!++;
  }
  const ctx: number[] = [], ctxStart: number[] = [], ctxTotal: number[] = [];
  const cum = new Float64Array(codes.length);
  let run = 0;
  for (let g = 0; g < codes.length; g++) {
    const c = Math.floor(codes[g]! / V);
    if (ctx.length === 0 || ctx[ctx.length - 1] !== c) {
      ctx.push(c);
      ctxStart.push(g);
      ctxTotal.push(0);
    }
    ctxTotal[ctxTotal.length - 1]! += counts[g]!;
    cum[g] = run += counts[g]!;
  }
  ctxStart.push(codes.length);
  return {
    order, V, codes, counts, ctx: Float64Array.from(ctx),
    ctxStart: Int32Array.from(ctxStart), ctxTotal: Float64Array.from(ctxTotal), tokens: used, cum,
  };
}

/** Index of `key` in the sorted array, or −1. */
export function findSorted(a: Float64Array, key: number): number {
  let lo = 0, hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v < key) lo = mid + 1;
    else if (v > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** First index with cum[i] > u (cum increasing). */
function searchCum(cum: Float64Array, from: number, to: number, u: number): number {
  let lo = from, hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Appends `length` sampled characters to out[from..from+length−1] and their segment starts to `starts`.
 * Consumes the stream in a fixed way given (model, δ, length).
 */
export function sampleNgrams(m: NgramCounts, delta: number, rng: Rng, out: Uint8Array, from: number, length: number, starts: number[]): void {
  const { order, V } = m;
  const ctxMod = intPow(V, order - 1);
  const end = from + length;
  let i = from;
  let ctx = -1; // −1: start a new segment
  while (i < end) {
    if (ctx < 0) {
      starts.push(i);
      const g = searchCum(m.cum, 0, m.codes.length, rng() * m.tokens);
      let code = m.codes[g]!;
      // Write the n-gram's characters (most significant first); a segment cut short by `end` keeps its prefix.
      for (let j = order - 1; j >= 0; j--) {
        const pos = i + j;
        if (pos < end) out[pos] = code % V;
        code = Math.floor(code / V);
      }
      const wrote = Math.min(order, end - i);
      i += wrote;
      ctx = order > 1 ? m.codes[g]! % ctxMod : 0;
      continue;
    }
    const c = findSorted(m.ctx, ctx);
    const total = c >= 0 ? m.ctxTotal[c]! : 0;
    let x: number;
    if (delta > 0 && rng() * (total + delta * V) >= total) {
      x = Math.min(V - 1, Math.floor(rng() * V)); // the δ part: uniform over the vocabulary
    } else if (total > 0) {
      const a = m.ctxStart[c]!, b = m.ctxStart[c + 1]!;
      const base = a > 0 ? m.cum[a - 1]! : 0;
      const g = searchCum(m.cum, a, b, base + rng() * total);
      x = m.codes[g]! % V;
    } else {
      ctx = -1; // dead end (δ = 0 only)
      continue;
    }
    out[i++] = x;
    ctx = order > 1 ? (ctx * V + x) % ctxMod : 0;
  }
}

/** Conditional entropy (bits/char) of the add-δ model, contexts weighted by their frequency in the counts. */
export function conditionalEntropyBits(m: NgramCounts, delta: number): number {
  let h = 0;
  for (let c = 0; c < m.ctx.length; c++) {
    const a = m.ctxStart[c]!, b = m.ctxStart[c + 1]!, total = m.ctxTotal[c]!;
    const denom = total + delta * m.V;
    let hc = 0;
    for (let g = a; g < b; g++) {
      const p = (m.counts[g]! + delta) / denom;
      hc -= p * log2(p);
    }
    const unseen = m.V - (b - a);
    const pu = delta / denom;
    if (pu > 0 && unseen > 0) hc -= unseen * pu * log2(pu); // pu underflows to 0 for subnormal δ: 0·log 0 = 0
    h += (total / m.tokens) * hc;
  }
  return h;
}

/** Gini–Simpson index 1 − Σ (c_g / tokens)² of the n-gram token distribution. */
export function ngramGiniSimpson(m: NgramCounts): number {
  let s = 0;
  for (let g = 0; g < m.counts.length; g++) s += (m.counts[g]! / m.tokens) ** 2;
  return 1 - s;
}

/** Precomputed windows of an evaluation text: context code and n-gram code of every position ≥ order − 1. */
export interface EvalWindows {
  ctx: Float64Array;
  code: Float64Array;
}

export function evalWindows(text: Uint8Array, order: number, V: number): EvalWindows {
  const count = Math.max(0, text.length - order + 1);
  const ctx = new Float64Array(count), code = new Float64Array(count);
  const mod = intPow(V, order);
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    c = (c * V + text[i]!) % mod;
    if (i >= order - 1) {
      code[i - order + 1] = c;
      ctx[i - order + 1] = Math.floor(c / V);
    }
  }
  return { ctx, code };
}

/**
 * Cross-entropy (bits/char) of an evaluation text under the model smoothed with add-ε (ε > 0, for
 * evaluation only: the MLE itself gives infinite cross-entropy once one n-gram of the text is lost).
 */
export function crossEntropyBits(m: NgramCounts, w: EvalWindows, eps: number): number {
  let s = 0;
  for (let i = 0; i < w.code.length; i++) {
    const c = findSorted(m.ctx, w.ctx[i]!);
    let num = eps, den = eps * m.V;
    if (c >= 0) {
      den += m.ctxTotal[c]!;
      const g = findSorted(m.codes, w.code[i]!);
      if (g >= 0) num += m.counts[g]!;
    }
    s -= log2(num / den);
  }
  return s / w.code.length;
}

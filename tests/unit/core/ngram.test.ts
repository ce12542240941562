/**
 * N-gram family: the MLE fit reproduces a corpus's n-gram counts exactly (against naive substring
 * counting), exact entropy and cross-entropy, support never grows with δ = 0 on any path (fast-check, set
 * inclusion), entropy falls in expectation (slope test), Wright–Fisher Gini–Simpson decay for order 1
 * (3 SE), determinism of the sample text.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countNgrams, conditionalEntropyBits, crossEntropyBits, evalWindows, findSorted, type Corpus } from "../../../src/core/models/ngram-lm";
import { NGRAM_TEXT, NGRAM_VOCABULARY, ngram, ngramSampleTexts, runNgram } from "../../../src/core/models/ngram";
import { ALICE_CHAPTER_1 } from "../../../src/core/data/alice";
import { createRng, replicateRngs } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { meanSe } from "./stats";

const V = NGRAM_VOCABULARY.length;
const encode = (s: string) => Uint8Array.from(s, (ch) => NGRAM_VOCABULARY.indexOf(ch));

/** Naive counts of every length-n substring of each segment (independent of the code under test). */
function naive(segments: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of segments) for (let i = 0; i + n <= s.length; i++) m.set(s.slice(i, i + n), (m.get(s.slice(i, i + n)) ?? 0) + 1);
  return m;
}

function decodeCode(code: number, n: number): string {
  let s = "";
  for (let j = 0; j < n; j++) {
    s = NGRAM_VOCABULARY[code % V]! + s;
    code = Math.floor(code / V);
  }
  return s;
}

function asMap(segments: string[], n: number): Map<string, number> {
  const corpus: Corpus = { chars: encode(segments.join("")), starts: [] };
  let at = 0;
  for (const s of segments) {
    corpus.starts.push(at);
    at += s.length;
  }
  const c = countNgrams(corpus, n, V);
  return new Map(Array.from(c.codes, (code, g) => [decodeCode(code, n), c.counts[g]!]));
}

describe("n-gram counting (the MLE fit)", () => {
  it("the training text is the shipped public-domain chapter, with its vocabulary", () => {
    expect(NGRAM_TEXT).toBe(ALICE_CHAPTER_1);
    expect(NGRAM_TEXT.startsWith("Alice was beginning to get very tired")).toBe(true);
    expect(V).toBe(new Set(NGRAM_TEXT).size);
  });
  it("reproduces the corpus's n-gram counts exactly, orders 1–5, one segment and many (no window crosses a junction)", () => {
    for (let n = 1; n <= 5; n++) {
      expect(asMap([NGRAM_TEXT], n)).toEqual(naive([NGRAM_TEXT], n));
      const segs = [NGRAM_TEXT.slice(0, 500), NGRAM_TEXT.slice(3000, 3002), NGRAM_TEXT.slice(100, 900), "ab", NGRAM_TEXT.slice(7000)];
      expect(asMap(segs, n)).toEqual(naive(segs, n));
    }
  });
  it("conditional entropy and cross-entropy equal direct computations from the naive counts", () => {
    for (const n of [1, 3]) {
      const grams = naive([NGRAM_TEXT], n);
      const ctx = new Map<string, number>();
      let total = 0;
      for (const [g, c] of grams) {
        ctx.set(g.slice(0, n - 1), (ctx.get(g.slice(0, n - 1)) ?? 0) + c);
        total += c;
      }
      let h = 0;
      for (const [g, c] of grams) h -= (c / total) * Math.log2(c / ctx.get(g.slice(0, n - 1))!);
      const model = countNgrams({ chars: encode(NGRAM_TEXT), starts: [0] }, n, V);
      expect(conditionalEntropyBits(model, 0)).toBeCloseTo(h, 10);
      // Cross-entropy of a different text (the chapter reversed) with add-ε.
      const other = [...NGRAM_TEXT.slice(0, 2000)].reverse().join("");
      const eps = 0.05;
      let ce = 0;
      for (let i = 0; i + n <= other.length; i++) {
        const g = other.slice(i, i + n);
        ce -= Math.log2(((grams.get(g) ?? 0) + eps) / ((ctx.get(g.slice(0, n - 1)) ?? 0) + eps * V));
      }
      expect(crossEntropyBits(model, evalWindows(encode(other), n, V), eps)).toBeCloseTo(ce / (other.length - n + 1), 10);
    }
  });
});

describe("n-gram loop", () => {
  it("with δ = 0 and α = 0 every sampled corpus uses only the model's n-grams: support never grows (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 0, max: 0xffffffff }), (order, length, seed) => {
        const p = validateParams(ngram.schema, { order, length, generations: 6 });
        let model = countNgrams({ chars: encode(NGRAM_TEXT), starts: [0] }, order, V);
        const out = runNgram(p, createRng(seed), (_t, corpus) => {
          const next = countNgrams(corpus, order, V);
          for (const code of next.codes) expect(findSorted(model.codes, code)).toBeGreaterThanOrEqual(0);
          model = next;
        });
        for (let t = 1; t <= 6; t++) {
          expect(out.distinctNgrams![t]!).toBeLessThanOrEqual(out.distinctNgrams![t - 1]!);
          expect(out.vocabulary![t]!).toBeLessThanOrEqual(out.vocabulary![t - 1]!);
        }
      }),
      { seed: 20260105, numRuns: 40 },
    );
  }, 60_000);
  it("entropy falls in expectation: the mean per-run least-squares slope over 15 generations is < 0 by more than 3 SE", () => {
    const p = validateParams(ngram.schema, { order: 3, length: 2000, generations: 15 });
    const slopes = replicateRngs(31, 40).map((rng) => {
      const h = runNgram(p, rng).entropy!;
      const T = h.length, tm = (T - 1) / 2;
      let num = 0, den = 0;
      for (let t = 0; t < T; t++) {
        num += (t - tm) * h[t]!;
        den += (t - tm) ** 2;
      }
      return num / den;
    });
    const s = meanSe(slopes);
    expect(s.mean + 3 * s.se).toBeLessThan(0);
  }, 60_000);
  it("order 1, δ = 0, α = 0 is Wright–Fisher: E Gini–Simpson_t = (1 − 1/N)^t G₀ within 3 SE", () => {
    const p = validateParams(ngram.schema, { order: 1, length: 200, generations: 12 });
    const theory = ngram.theory(p).giniSimpson!;
    const runs = replicateRngs(9, 400).map((rng) => runNgram(p, rng));
    for (const t of [1, 6, 12]) {
      const s = meanSe(runs.map((r) => r.giniSimpson![t]!));
      expect(Math.abs(s.mean - theory[t]!)).toBeLessThan(3 * s.se);
    }
    expect(theory[12]! / theory[0]!).toBeCloseTo((1 - 1 / 200) ** 12, 12);
  }, 60_000);
  it("sample text is deterministic by seed, differs between seeds, and with δ = 0 generation 0 only uses n-grams of the original", () => {
    const p = validateParams(ngram.schema, { order: 4, generations: 10 });
    const a = ngramSampleTexts(p, 5, [0, 10], 300);
    expect(ngramSampleTexts(p, 5, [0, 10], 300)).toEqual(a);
    expect(ngramSampleTexts(p, 6, [0, 10], 300).get(10)).not.toBe(a.get(10));
    expect(a.get(0)!.length).toBe(300);
    const text0 = a.get(0)!;
    for (let i = 0; i + 4 <= text0.length; i++) expect(NGRAM_TEXT.includes(text0.slice(i, i + 4))).toBe(true);
  });
});

/**
 * Model "ngram" (chapter 6): a character n-gram language model trained on the opening chapter of "Alice's
 * Adventures in Wonderland", then retrained, generation after generation, on a corpus of `length`
 * characters sampled from itself (exactly round(α·length) of them real: random excerpts of the text).
 * Generation 0 is the model fitted on the original text. See ngram-lm.ts for counting and sampling.
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model, ReplicatePaths } from "../model";
import { createRng, type Rng } from "../rng";
import type { Schema } from "../schema";
import { ALICE_CHAPTER_1 } from "../data/alice";
import { realCount } from "../theory/gaussian";
import { conditionalEntropyBits, countNgrams, crossEntropyBits, evalWindows, ngramGiniSimpson, sampleNgrams, type Corpus, type EvalWindows, type NgramCounts } from "./ngram-lm";
import { pow } from "../math";

export type NgramParams = {
  /** n: characters per n-gram (context n − 1). */
  order: number;
  /** Characters sampled per generation. */
  length: number;
  generations: number;
  alpha: number;
  /** Add-δ smoothing used when sampling (0 = pure MLE loop). */
  delta: number;
  /** Add-ε smoothing used only to evaluate the cross-entropy of the original text. */
  evalDelta: number;
};

/** The training text and its vocabulary (sorted distinct characters). */
export const NGRAM_TEXT = ALICE_CHAPTER_1;
export const NGRAM_VOCABULARY = [...new Set(NGRAM_TEXT)].sort().join("");
const V = NGRAM_VOCABULARY.length;
const TEXT = Uint8Array.from(NGRAM_TEXT, (ch) => NGRAM_VOCABULARY.indexOf(ch));

/** Largest (length + text length)·(generations + 1) per replicate (characters sampled, counted and scored). */
export const MAX_NGRAM_WORK = 2e7;

export const ngramSchema: Schema<NgramParams> = {
  params: {
    order: { type: "int", label: "Order W", help: "Characters per n-gram window: each character is predicted from the W − 1 before it.", unit: "W", min: 1, max: 5, default: 3 },
    length: { type: "int", label: "Characters per generation", help: `Size of each generation's training corpus (the original text has ${NGRAM_TEXT.length}).`, unit: "N", min: 100, max: 200_000, scale: "log", default: 10_000 },
    generations: { type: "int", label: "Generations", help: "Retraining rounds after the model fitted on the original text.", unit: "t", min: 1, max: 1000, scale: "log", default: 50 },
    alpha: { type: "float", label: "Real fraction", help: "Exactly round(α·N) characters of each corpus are random excerpts of the original text.", unit: "α", min: 0, max: 1, step: 0.01, default: 0 },
    delta: { type: "float", label: "Training smoothing δ", help: "Add-δ smoothing when sampling (0: pure maximum likelihood, unseen n-grams are never generated).", unit: "δ", min: 0, max: 1, step: 0.01, default: 0 },
    evalDelta: { type: "float", label: "Evaluation smoothing ε", help: "Add-ε smoothing used only to score the original text (the unsmoothed model would give it infinite cross-entropy).", unit: "ε", min: 0.001, max: 1, step: 0.001, default: 0.05 },
  },
  check: (p) => {
    if ((p.length + TEXT.length) * (p.generations + 1) > MAX_NGRAM_WORK) {
      throw new ParamError("generations", `at most ${Math.floor(MAX_NGRAM_WORK / (p.length + TEXT.length)) - 1} when length = ${p.length} ((length + ${TEXT.length})·(generations+1) ≤ ${MAX_NGRAM_WORK})`, String(p.generations));
    }
  },
};

const METRICS: MetricSpec[] = [
  { name: "entropy", label: "Conditional entropy", help: "H(X | W − 1 previous characters) of the model, exact from the counts (contexts weighted by frequency).", unit: "bits/char" },
  { name: "distinctNgrams", label: "Distinct n-grams", help: "Support: n-grams with a positive count in the training corpus." },
  { name: "vocabulary", label: "Vocabulary", help: "Distinct characters in the training corpus." },
  { name: "crossEntropy", label: "Cross-entropy of the original text", help: "−(1/N) Σ log₂ P(x | context) of the original text under the model with add-ε smoothing (evaluation only).", unit: "bits/char" },
  { name: "giniSimpson", label: "Gini–Simpson of n-grams", help: "1 − Σ p_g² over n-gram tokens of the training corpus." },
];

const windowCache = new Map<number, EvalWindows>();
function windows(order: number): EvalWindows {
  let w = windowCache.get(order);
  if (!w) windowCache.set(order, (w = evalWindows(TEXT, order, V)));
  return w;
}

let originalKey = -1;
let originalCounts: NgramCounts | null = null;
/** The generation-0 model (fit on the original text), cached per order. */
function original(order: number): NgramCounts {
  if (originalKey !== order || !originalCounts) {
    originalCounts = countNgrams({ chars: TEXT, starts: [0] }, order, V);
    originalKey = order;
  }
  return originalCounts;
}

/** Appends real excerpts totalling `count` characters (each at most the text's length) as their own segments. */
function realExcerpts(rng: Rng, out: Uint8Array, from: number, count: number, starts: number[]): void {
  let i = from;
  while (i < from + count) {
    const len = Math.min(from + count - i, TEXT.length);
    const start = Math.min(TEXT.length - len, Math.floor(rng() * (TEXT.length - len + 1)));
    starts.push(i);
    out.set(TEXT.subarray(start, start + len), i);
    i += len;
  }
}

/** Called with each generation's corpus D_t (drawn from p_t) and where its synthetic part ends. */
export type CorpusHook = (t: number, corpus: Corpus, syntheticEnd: number) => void;

/**
 * One replicate. Synthetic characters come first in each corpus, then the real excerpts. `extra` also
 * draws the corpus of the last model (for sample text; the metrics do not use it).
 */
export function runNgram(p: NgramParams, rng: Rng, hook?: CorpusHook, extra = false): ReplicatePaths {
  const G = p.generations;
  const out: ReplicatePaths = {};
  for (const { name } of METRICS) out[name] = new Float64Array(G + 1);
  const w = windows(p.order);
  const real = realCount({ n: p.length, alpha: p.alpha });
  const chars = new Uint8Array(p.length);
  let model = original(p.order);
  let vocab = V;
  for (let t = 0; ; t++) {
    out.entropy![t] = conditionalEntropyBits(model, p.delta);
    out.distinctNgrams![t] = model.codes.length;
    out.vocabulary![t] = vocab;
    out.crossEntropy![t] = crossEntropyBits(model, w, p.evalDelta);
    out.giniSimpson![t] = ngramGiniSimpson(model);
    if (t === G && !extra) break;
    const starts: number[] = [];
    sampleNgrams(model, p.delta, rng, chars, 0, p.length - real, starts);
    realExcerpts(rng, chars, p.length - real, real, starts);
    const corpus: Corpus = { chars, starts };
    hook?.(t, corpus, p.length - real);
    if (t === G) break;
    model = countNgrams(corpus, p.order, V);
    const seen = new Uint8Array(V);
    vocab = 0;
    for (let i = 0; i < chars.length; i++) {
      if (seen[chars[i]!] === 0) {
        seen[chars[i]!] = 1;
        vocab++;
      }
    }
  }
  return out;
}

/** Characters of a corpus slice as text. */
function decode(chars: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += NGRAM_VOCABULARY[chars[i]!];
  return s;
}

/**
 * Sample text of the models of the given generations (the first `chars` synthetic characters of the corpus
 * each one generated), from the same run as replicate 0 of `runEnsemble` with this seed. Deterministic.
 * Generations outside 0..params.generations are ignored.
 */
export function ngramSampleTexts(params: NgramParams, seed: number, generations: readonly number[], chars = 400): Map<number, string> {
  const wanted = new Set(generations);
  const texts = new Map<number, string>();
  runNgram(params, createRng(seed), (t, corpus, end) => {
    if (wanted.has(t)) texts.set(t, decode(corpus.chars, 0, Math.min(end, Math.max(0, Math.floor(chars)))));
  }, true);
  return texts;
}

export const ngram: Model<NgramParams> = {
  id: "ngram",
  label: "Character n-gram language model loop",
  description:
    "A character n-gram model (order 1–5) trained on the opening chapter of Alice's Adventures in Wonderland, then retrained each generation on text sampled from itself (optionally mixed with real excerpts). With δ = 0 the set of n-grams can only shrink. Theory: for order 1 with δ = 0 and α = 0 the loop is a Wright–Fisher model, so E Gini–Simpson = (1 − 1/N)^t G₀.",
  schema: ngramSchema,
  metrics: () => METRICS,
  generations: (p) => Array.from({ length: p.generations + 1 }, (_, t) => t),
  replicate: (p, rng) => runNgram(p, rng),
  theory: (p): Record<string, number[]> => {
    if (p.order !== 1 || p.delta !== 0 || realCount({ n: p.length, alpha: p.alpha }) !== 0) return {};
    const g0 = ngramGiniSimpson(original(1));
    return { giniSimpson: Array.from({ length: p.generations + 1 }, (_, t) => g0 * pow(1 - 1 / p.length, t)) };
  },
};

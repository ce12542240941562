/**
 * The two learners of the mechanism loop (paper-math S11, reconstruction) and the per-generation metrics.
 *
 * - Distributional learner: a k-gram MLE, refitted on its own samples.
 * - Hybrid learner ("statistical fitting, symbolic projection, causal correction"): the data are projected
 *   onto the library program with the shortest description L(h) + L(exceptions), where the exceptions are
 *   counted over the generation's data plus a small fixed grounded set of real bits (its correction); the
 *   noise rate is fitted by maximum likelihood on the data and averaged, with equal weight, with the rate
 *   observed on the grounded bits (`hybridNoise`), so it cannot random-walk away; samples are h's output
 *   with independent flips at that rate.
 */
import type { Rng } from "../rng";
import { exceptionBits, hammingPacked, pack, type Bits } from "./bits";
import { blockDistribution, conditionalEntropy, klBits } from "./block-stats";
import type { Library } from "./library";
import { fitKGram, greedyKGram, sampleKGram, type KGram } from "../baselines/kgram";

/** The fixed context of one replicate: the truth and what both learners are scored against. */
export interface LoopTruth {
  /** Noise-free truth on positions 0..2n−1 (training range, then the extrapolation range). */
  clean: Bits;
  n: number;
  eps: number;
  /** Exact (k+1)-block distribution of the noisy truth. */
  blocks: Float64Array;
  k: number;
}

export interface GenMetrics {
  mechanismRecovered: number;
  errorToTruth: number;
  extrapolationError: number;
  entropy: number;
  kl: number;
}

function mismatch(a: Bits, b: Bits, from: number, to: number): number {
  let d = 0;
  for (let i = from; i < to; i++) d += a[i]! ^ b[i]!;
  return d;
}

/** Metrics shared by both learners: `mechanism` is the learner's noise-free prediction of positions 0..2n−1. */
export function generationMetrics(truth: LoopTruth, mechanism: Bits, sample: Bits): GenMetrics {
  const n = truth.n;
  const inside = mismatch(mechanism, truth.clean, 0, n);
  const outside = mismatch(mechanism, truth.clean, n, 2 * n);
  return {
    mechanismRecovered: inside + outside === 0 ? 1 : 0,
    errorToTruth: inside / n,
    extrapolationError: outside / n,
    entropy: conditionalEntropy(sample, truth.k + 1),
    kl: klBits(blockDistribution(sample, truth.k + 1), truth.blocks),
  };
}

/** One k-gram generation: fit on data, report metrics, return the next synthetic sample. */
export function kgramStep(truth: LoopTruth, data: Bits, rng: Rng): { metrics: GenMetrics; sample: Bits; model: KGram } {
  const model = fitKGram(data, truth.k);
  const sample = sampleKGram(model, truth.n, rng);
  const mechanism = greedyKGram(model, truth.clean, 2 * truth.n);
  return { metrics: generationMetrics(truth, mechanism, sample), sample, model };
}

/** The hybrid learner's fixed grounding: m real bits (positions 0..m−1), packed. */
export interface Grounding {
  m: number;
  packed: Uint32Array;
}

/**
 * Index of the program with the shortest description of data plus grounding: L(h) + L(exceptions over
 * the n + m coded bits). Ties go to the shorter program, then to library order.
 */
export function projectOnLibrary(lib: Library, data: Bits, g: Grounding): { index: number; exceptions: number; groundExceptions: number } {
  const packed = pack(data);
  const N = lib.n + g.m;
  const gw = (g.m + 31) >>> 5;
  const lastMask = g.m % 32 === 0 ? 0xffffffff : (1 << g.m % 32) - 1;
  let best = -1;
  let bestBits = Infinity;
  let bestK = 0;
  let bestG = 0;
  for (let i = 0; i < lib.programs.length; i++) {
    const kd = hammingPacked(lib.outputs, i * lib.words, packed, lib.words);
    let kg = 0;
    for (let w = 0; w < gw; w++) {
      let x = (lib.outputs[i * lib.words + w]! ^ g.packed[w]!) >>> 0;
      if (w === gw - 1) x = (x & lastMask) >>> 0;
      kg += popcount32(x);
    }
    const bits = lib.bits[i]! + exceptionBits(N, kd + kg);
    if (bits < bestBits || (bits === bestBits && lib.bits[i]! < lib.bits[best]!)) [best, bestBits, bestK, bestG] = [i, bits, kd, kg];
  }
  return { index: best, exceptions: bestK, groundExceptions: bestG };
}

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * ε̂ = ½ (k_D / n + k_G / m): the statistical estimate on this generation's data, corrected towards the
 * grounded estimate. Without grounding (m = 0) it is the plain MLE k_D / n, which drifts as a random walk.
 */
export function hybridNoise(kData: number, n: number, kGround: number, m: number): number {
  return m === 0 ? kData / n : 0.5 * (kData / n + kGround / m);
}

/** Program output ⊕ Bernoulli(ε̂) flips, n bits. */
export function sampleProgram(output: Bits, n: number, epsHat: number, rng: Rng): Bits {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = output[i]! ^ (rng() < epsHat ? 1 : 0);
  return out;
}

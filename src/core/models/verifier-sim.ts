/**
 * Hot loop of the "verifier" model: rejection-sampling fine-tuning (STaR / ReST-EM / RFT) of a policy over
 * distinct answers grouped in classes (correct, hacks, plainly wrong), each class accepted by the verifier
 * with probability a_c (paper-math §2.6, simulation S8).
 *
 * One round from π_t: weights w_i = π_t(i) a_{c(i)} (a = the gold verifier's 1-for-correct vector on gold
 * rounds), then
 * - `population`: π' = w / Σw (infinite batch: the replicator map);
 * - `accepted`: N accepted answers ~ Mult(N, w/Σw) and π' = counts/N (sampling until N are accepted;
 *   exactly Wright–Fisher with selection);
 * - `sampled`: N answers drawn, M ~ Bin(N, Σw) accepted, counts ~ Mult(M, w/Σw), π' = counts/M.
 * A round with nothing accepted (Σw = 0, or M = 0) leaves π unchanged. Then the regulariser toward π_0:
 * `geometric` π ∝ π'^{1−β} π_0^β (the minimiser of (1−β)KL(π‖π') + βKL(π‖π_0); an extinct answer stays
 * extinct), or `mixture` π = (1−β)π' + βπ_0 (refitting on accepted answers plus a β share of fresh draws
 * from π_0; keeps π_0's support).
 */
import type { Rng } from "../rng";
import { entropyBits } from "../metrics/diversity";
import { binomial } from "../sampling/binomial";
import { multinomial } from "../sampling/multinomial";
import { exp, ln, pow } from "../math";

export type VerifierMode = "population" | "accepted" | "sampled";
export type Regulariser = "geometric" | "mixture";

export interface VerifierConfig {
  /** Class names in order: "correct", the hacks, "wrong". Class 0 is the correct one. */
  classes: string[];
  /** Answers per class. */
  sizes: number[];
  /** Initial class shares (sum 1); spread uniformly over each class's answers. */
  classInit: number[];
  /** Proxy verifier acceptance per class. */
  accept: number[];
  /** Gold verifier acceptance per class (1 for correct, 0 otherwise). */
  gold: number[];
  /** goldRound[s] = 1 when round s (π_s → π_{s+1}) is checked by the gold verifier. */
  goldRound: Uint8Array;
  mode: VerifierMode;
  N: number;
  beta: number;
  regulariser: Regulariser;
  k: number;
  generations: number;
}

/** Round s is gold when ⌊(s+1)f⌋ > ⌊sf⌋: a fraction f of rounds, evenly spread (f = 0.25: rounds 3, 7, …). */
export function goldRounds(fraction: number, rounds: number): Uint8Array {
  const out = new Uint8Array(rounds);
  for (let s = 0; s < rounds; s++) out[s] = Math.floor((s + 1) * fraction + 1e-12) > Math.floor(s * fraction + 1e-12) ? 1 : 0;
  return out;
}

/** Initial policy over answers: each class's share spread uniformly over its answers. */
export function initialPolicy(cfg: Pick<VerifierConfig, "sizes" | "classInit">): { pi0: Float64Array; classOf: Int32Array } {
  const D = cfg.sizes.reduce((s, m) => s + m, 0);
  const pi0 = new Float64Array(D);
  const classOf = new Int32Array(D);
  let i = 0;
  cfg.sizes.forEach((m, c) => {
    for (let j = 0; j < m; j++, i++) {
      pi0[i] = cfg.classInit[c]! / m;
      classOf[i] = c;
    }
  });
  return { pi0, classOf };
}

/** Runs one replicate; returns per-round paths of every metric (names as in verifierMetricNames). */
export function runVerifier(cfg: VerifierConfig, rng: Rng): Record<string, Float64Array> {
  const { pi0, classOf } = initialPolicy(cfg);
  const D = pi0.length, C = cfg.classes.length, T = cfg.generations;
  const pi = Float64Array.from(pi0);
  const w = new Float64Array(D), counts = new Float64Array(D), tail = new Float64Array(D);
  const shares = cfg.classes.map(() => new Float64Array(T + 1));
  const trueAccuracy = new Float64Array(T + 1), measured = new Float64Array(T + 1), entropy = new Float64Array(T + 1);
  const passAtK = new Float64Array(T + 1), fixedWrong = new Float64Array(T + 1);
  const classShare = new Float64Array(C);

  const record = (t: number) => {
    classShare.fill(0);
    for (let i = 0; i < D; i++) classShare[classOf[i]!] += pi[i]!;
    let acc = 0;
    for (let c = 0; c < C; c++) {
      shares[c]![t] = classShare[c]!;
      acc += classShare[c]! * cfg.accept[c]!;
    }
    const correct = classShare[0]!;
    trueAccuracy[t] = correct;
    measured[t] = acc;
    entropy[t] = entropyBits(pi, D);
    passAtK[t] = 1 - pow(1 - correct, cfg.k);
    fixedWrong[t] = correct === 0 ? 1 : 0;
  };

  record(0);
  for (let s = 0; s < T; s++) {
    const a = cfg.goldRound[s] ? cfg.gold : cfg.accept;
    let W = 0;
    for (let i = 0; i < D; i++) {
      const v = pi[i]! * a[classOf[i]!]!;
      w[i] = v;
      W += v;
    }
    if (W > 0 && step(cfg, rng, pi, w, W, counts, tail)) regularise(cfg, pi, pi0);
    record(s + 1);
  }
  const out: Record<string, Float64Array> = {};
  cfg.classes.forEach((name, c) => (out[`share:${name}`] = shares[c]!));
  Object.assign(out, { trueAccuracy, measuredAccuracy: measured, entropy, passAtK, fixedWrong });
  return out;
}

/** Writes the refit policy π' into pi; false when nothing was accepted (π unchanged). */
function step(cfg: VerifierConfig, rng: Rng, pi: Float64Array, w: Float64Array, W: number, counts: Float64Array, tail: Float64Array): boolean {
  const D = pi.length;
  if (cfg.mode === "population") {
    for (let i = 0; i < D; i++) pi[i] = w[i]! / W;
    return true;
  }
  const M = cfg.mode === "accepted" ? cfg.N : binomial(rng, cfg.N, Math.min(1, W));
  if (M === 0) return false;
  multinomial(rng, M, w, counts, tail, D);
  for (let i = 0; i < D; i++) pi[i] = counts[i]! / M;
  return true;
}

/** Applies the KL regulariser toward π_0 in place (β = 0: no-op). */
function regularise(cfg: VerifierConfig, pi: Float64Array, pi0: Float64Array): void {
  const b = cfg.beta;
  if (b === 0) return;
  const D = pi.length;
  if (cfg.regulariser === "mixture") {
    for (let i = 0; i < D; i++) pi[i] = (1 - b) * pi[i]! + b * pi0[i]!;
    return;
  }
  let z = 0;
  for (let i = 0; i < D; i++) {
    const v = pi[i]! > 0 && pi0[i]! > 0 ? exp((1 - b) * ln(pi[i]!) + b * ln(pi0[i]!)) : 0;
    pi[i] = v;
    z += v;
  }
  for (let i = 0; i < D; i++) pi[i] = pi[i]! / z;
}

/**
 * Exact curves for the "verifier" model.
 * - Population limit with the geometric regulariser (or β = 0): the replicator closed form
 *   π_t(c) ∝ π_0(c) Π_s a_s(c)^{(1−β)^{t−s}} (theory/replicator.ts), with entropy over distinct answers
 *   −Σ_c π_c log2(π_c/m_c) (answers within a class stay equally likely). Keys `<metric>`; in the finite modes the
 *   same curves are returned as `<metric>:population` (the N → ∞ reference).
 * - `accepted` mode with two classes present, β = 0 and no gold round: the exact Wright–Fisher-with-selection
 *   chain on the count of one class (theory/selection-chain.ts), propagated from π_0; class totals are
 *   exactly this chain whatever the number of answers per class. Gives E of every metric (entropy only when
 *   both classes have a single answer).
 */
import { propagate } from "../theory/markov-chain";
import { binomialPmf } from "../theory/binomial-pmf";
import { replicatorPath } from "../theory/replicator";
import { selectionKernel } from "../theory/selection-chain";
import type { VerifierConfig } from "./verifier-sim";
import type { VerifierParams } from "./verifier";
import { ln, pow } from "../math";

/** Work budget N²·T for the exact chain (multiply-adds). */
export const VERIFIER_CHAIN_BUDGET = 5e7;

const LOG2E = 1 / Math.LN2;

/** The population-limit curves of every metric. */
export function populationCurves(cfg: VerifierConfig): Record<string, number[]> {
  const path = replicatorPath(cfg.classInit, (s) => (cfg.goldRound[s] ? cfg.gold : cfg.accept), cfg.generations, cfg.beta);
  const out: Record<string, number[]> = {};
  cfg.classes.forEach((name, c) => (out[`share:${name}`] = path.map((pi) => pi[c]!)));
  out.trueAccuracy = path.map((pi) => pi[0]!);
  out.measuredAccuracy = path.map((pi) => pi.reduce((s, v, c) => s + v * cfg.accept[c]!, 0));
  out.entropy = path.map((pi) =>
    pi.reduce((h, v, c) => {
      const x = v / cfg.sizes[c]!; // each answer of class c
      return x > 0 ? h - v * ln(x) * LOG2E : h;
    }, 0),
  );
  out.passAtK = path.map((pi) => 1 - pow(1 - pi[0]!, cfg.k));
  out.fixedWrong = path.map((pi) => (pi[0] === 0 ? 1 : 0));
  return out;
}

/** Exact expectations of the `accepted` mode from the two-class chain, or null when it does not apply. */
export function acceptedChainCurves(cfg: VerifierConfig): Record<string, number[]> | null {
  const live = cfg.classInit.flatMap((v, c) => (v > 0 ? [c] : []));
  const T = cfg.generations, N = cfg.N;
  if (cfg.mode !== "accepted" || cfg.beta !== 0 || cfg.goldRound.some((g) => g === 1) || live.length !== 2) return null;
  if ((N + 1) * (N + 1) * Math.max(T, 1) > VERIFIER_CHAIN_BUDGET) return null;
  const [u, v] = live as [number, number];
  const au = cfg.accept[u]!, av = cfg.accept[v]!;
  const p0 = cfg.classInit[v]!;
  // State j = number of class-v answers among the N accepted; π(v) = j/N.
  const M = selectionKernel(N, av, au);
  let d = new Float64Array(N + 1);
  const den = p0 * av + (1 - p0) * au;
  const frozen = den === 0; // nothing is ever accepted: π stays π_0
  if (!frozen) binomialPmf(N, (p0 * av) / den, d);
  const shareOf = (c: number, x: number) => (c === v ? x : c === u ? 1 - x : 0);
  const names = cfg.classes;
  const out: Record<string, number[]> = {};
  for (const n of names) out[`share:${n}`] = [];
  for (const key of ["trueAccuracy", "measuredAccuracy", "passAtK", "fixedWrong"]) out[key] = [];
  const withEntropy = cfg.sizes[u] === 1 && cfg.sizes[v] === 1;
  if (withEntropy) out.entropy = [];
  const h2 = (x: number) => (x <= 0 || x >= 1 ? 0 : -(x * ln(x) + (1 - x) * ln(1 - x)) * LOG2E);
  /** E over a distribution of x = π(v) of g(x). */
  const push = (expect: (g: (x: number) => number) => number) => {
    names.forEach((n, c) => out[`share:${n}`]!.push(expect((x) => shareOf(c, x))));
    out.trueAccuracy!.push(expect((x) => shareOf(0, x)));
    out.measuredAccuracy!.push(expect((x) => shareOf(u, x) * au + shareOf(v, x) * av));
    out.passAtK!.push(expect((x) => 1 - pow(1 - shareOf(0, x), cfg.k)));
    out.fixedWrong!.push(expect((x) => (shareOf(0, x) === 0 ? 1 : 0)));
    out.entropy?.push(expect(h2));
  };
  push((g) => g(p0));
  let next = new Float64Array(N + 1);
  for (let t = 1; t <= T; t++) {
    if (frozen) {
      push((g) => g(p0));
      continue;
    }
    push((g) => {
      let s = 0;
      for (let j = 0; j <= N; j++) if (d[j]! > 0) s += d[j]! * g(j / N);
      return s;
    });
    propagate(d, M, next, N + 1);
    [d, next] = [next, d];
  }
  return out;
}

/** Theory record of the model (see the module comment). */
export function verifierTheory(p: VerifierParams, cfg: VerifierConfig): Record<string, number[]> {
  const closedForm = cfg.beta === 0 || cfg.regulariser === "geometric";
  const population = closedForm ? populationCurves(cfg) : {};
  if (p.mode === "population") return population;
  const out: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(population)) out[`${k}:population`] = v;
  const live = cfg.classInit.flatMap((v, c) => (v > 0 ? [c] : []));
  if (live.length === 1) {
    // A single class never changes, so the finite loop follows the population curves (entropy too only
    // when that class has one answer: several answers drift within it).
    const { entropy, ...rest } = population;
    Object.assign(out, rest, cfg.sizes[live[0]!] === 1 && entropy ? { entropy } : {});
  }
  const chain = acceptedChainCurves(cfg);
  if (chain) Object.assign(out, chain);
  return out;
}

/**
 * Theory for `mechanismLoop`: the identification bound P(h* kept through generation t) ≥ 1 − (t+1) ε_n,
 * with ε_n the union bound of programs/identification-bound.ts evaluated at the true noise rate over the
 * n + m coded bits (data + grounded set). It assumes every generation's data carry noise at most ε; the
 * fitted ε̂_t drifts in the closed loop, so for later generations this is an approximation, not a proof.
 */
import { hamming } from "../programs/bits";
import { misidentificationBound, type Competitor } from "../programs/identification-bound";
import { programBits, runProgram, type SeqProgram } from "../programs/language";
import { buildLibrary, libraryOutput } from "../programs/library";
import type { MechanismLoopParams } from "./mechanism-loop";

/** The true program h*. */
export function truthProgram(p: Pick<MechanismLoopParams, "source" | "pattern" | "rule">): SeqProgram {
  return p.source === "eca" ? { base: { kind: "eca", rule: p.rule }, complement: false, reverse: false } : { base: { kind: "repeat", w: p.pattern }, complement: false, reverse: false };
}

const cache = new Map<string, number>();

/** ε_n for these parameters (cached). */
export function misidentification(p: MechanismLoopParams): number {
  const key = `${p.source}|${p.pattern}|${p.rule}|${p.noise}|${p.n}|${p.grounded}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const lib = buildLibrary(p.n);
  const h = runProgram(truthProgram(p), p.n);
  // The truth's shortest equivalent in the library (its output may have a shorter program).
  let star = -1;
  for (let i = 0; i < lib.programs.length && star < 0; i++) if (hamming(libraryOutput(lib, i), h) === 0) star = i;
  const starBits = star >= 0 ? lib.bits[star]! : programBits(truthProgram(p));
  const competitors: Competitor[] = [];
  for (let i = 0; i < lib.programs.length; i++) {
    if (i === star) continue;
    const o = libraryOutput(lib, i);
    let d = hamming(o, h);
    for (let j = 0; j < p.grounded; j++) d += o[j]! ^ h[j]!;
    competitors.push({ extraBits: lib.bits[i]! - starBits, distance: d });
  }
  const eps = misidentificationBound(competitors, p.n + p.grounded, p.noise);
  if (cache.size > 50) cache.clear();
  cache.set(key, eps);
  return eps;
}

/**
 * Theory keys: `program:kept` (the bound), plus for quoting in prose (chapter 12) `program:kept:epsilon`
 * (ε_n, constant over t) and `program:kept:horizon99` (the largest T with 1 − (T+1)ε_n ≥ 0.99).
 */
export function mechanismTheory(p: MechanismLoopParams): Record<string, number[]> {
  const eps = misidentification(p);
  const same = (v: number) => Array.from({ length: p.generations + 1 }, () => v);
  return {
    "program:kept": Array.from({ length: p.generations + 1 }, (_, t) => Math.max(0, 1 - (t + 1) * eps)),
    "program:kept:epsilon": same(eps),
    "program:kept:horizon99": same(eps > 0 ? Math.max(0, Math.floor(0.01 / eps) - 1) : Number.MAX_SAFE_INTEGER),
  };
}

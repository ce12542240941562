/**
 * Scoring one skeleton: fit its constants, then try to replace each fitted constant by a simple rational
 * (continued-fraction convergents, denominators ≤ 12) whenever that shortens the total description.
 */
import type { Rng } from "../rng";
import { compile, type Evaluator } from "./compile";
import { constantCount, type Expr } from "./expr";
import { fitConstants, type FitOptions } from "./fit";
import { structureBits, type Grammar } from "./grammar";
import { convergents, noiseSigma, rationalBits, realConstantBits, residualBits, type NoiseModel } from "./mdl";

export interface Scored {
  skeleton: Expr;
  /** Constant values (snapped ones are exactly p/q). */
  c: Float64Array;
  /** Denominator of each snapped constant, 0 for a real one. */
  den: Int32Array;
  modelBits: number;
  residualBits: number;
  bits: number;
  rss: number;
}

function rssOf(y: Float64Array, f: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const e = y[i]! - f[i]!;
    s += e * e;
  }
  return s;
}

/** Scores a skeleton; null if it cannot describe the data (non-finite values, redundant constants). */
export function scoreSkeleton(skeleton: Expr, g: Grammar, ev: Evaluator, y: Float64Array, noise: NoiseModel, rng: Rng, fit: FitOptions): Scored | null {
  const k = constantCount(skeleton);
  const p = compile(skeleton);
  const res = fitConstants(ev, p, k, y, rng, fit);
  if (!res) return null;
  const n = y.length;
  const structure = structureBits(skeleton, g);
  const c = Float64Array.from(res.c);
  const den = new Int32Array(k);
  const cost = (rss: number): { model: number; resid: number } => {
    const sigma = noiseSigma(rss, n, noise);
    let model = structure;
    for (let j = 0; j < k; j++) {
      model += 1 + (den[j]! > 0 ? rationalBits(Math.round(c[j]! * den[j]!), den[j]!) : realConstantBits(c[j]!, res.jacobian[j]!, sigma));
    }
    return { model, resid: residualBits(rss, n, noise) };
  };
  let rss = res.rss;
  let { model, resid } = cost(rss);
  const f = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const keep = c[j]!;
    let bestBits = model + resid;
    let best: [number, number] | null = null;
    let bestRss = rss;
    for (const [pn, q] of convergents(keep)) {
      c[j] = pn / q;
      den[j] = q;
      if (!ev.run(p, c, f)) continue;
      const r = rssOf(y, f);
      const b = cost(r);
      if (b.model + b.resid < bestBits) [bestBits, best, bestRss] = [b.model + b.resid, [pn, q], r];
    }
    if (best) {
      c[j] = best[0] / best[1];
      den[j] = best[1];
      rss = bestRss;
      ({ model, resid } = cost(rss));
    } else {
      c[j] = keep;
      den[j] = 0;
    }
  }
  // A real constant with no effect or an undefined derivative costs ∞ unless it snapped to a rational.
  if (!Number.isFinite(model + resid)) return null;
  return { skeleton, c, den, modelBits: model, residualBits: resid, bits: model + resid, rss };
}

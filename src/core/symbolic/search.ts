/**
 * Symbolic regression by enumeration: skeletons in order of increasing description length, constants
 * fitted by least squares, every candidate scored by MDL (mdl.ts). Returns the shortest total
 * description, the ranked distinct alternatives and the complexity–error Pareto front. More than 256
 * points: every skeleton is scored on 256 points spread over the x range, and the 48 best plus the
 * screen's Pareto front are rescored on all points (so 10 000 points cost little more than 256). Deterministic
 * for a given seed (LM restarts and the linearity probe draw from it); budgets are counts, not clocks.
 */
import { ParamError } from "../errors";
import { createRng } from "../rng";
import { Evaluator, compile } from "./compile";
import { enumerateSkeletons } from "./enumerate";
import type { Expr } from "./expr";
import { makeGrammar, type Grammar } from "./grammar";
import { defaultResolution } from "./mdl";
import type { OpName } from "./ops";
import { toLatex, toPlain } from "./print";
import { scoreSkeleton, type Scored } from "./score";
import { simplify, reduce } from "./simplify";
import { num } from "./expr";

export interface SearchOptions {
  /** Enabled operators (default all ten). */
  ops?: readonly OpName[];
  /** Largest skeleton, in coded symbols (default 6). */
  maxSymbols?: number;
  /** Most fitted constants per skeleton (default 2). */
  maxConstants?: number;
  /** Most skeletons scored, shortest first (default 8000: all 2025 of ≤ 5 symbols and the first 5975 of 6). */
  maxCandidates?: number;
  /** Known noise standard deviation; omit to estimate it per candidate. */
  sigma?: number;
  /** Data resolution Δ (default 10⁻⁶ × rms y). */
  resolution?: number;
  /** Seed of the LM restarts (default 1). */
  seed?: number;
  /** LM seeded random restarts besides c = 1, 2, 3, −1 (default 1). */
  restarts?: number;
  /** LM iterations per start (default 20). */
  iterations?: number;
  /** Alternatives returned (default 10). */
  top?: number;
  /** Called every 250 skeletons and at the end with (scored, budget); for progress bars (the worker). */
  onProgress?: (done: number, total: number) => void;
}

export interface Candidate {
  /** Plain syntax, readable by `parseLaw` and standard math parsers. */
  expression: string;
  latex: string;
  /** Total description length L(model) + L(data | model), bits. */
  bits: number;
  modelBits: number;
  residualBits: number;
  rmse: number;
  constants: number;
  /** The simplified tree (literals in place of fitted constants). */
  expr: Expr;
}

export interface SearchResult {
  best: Candidate;
  /** Distinct functions (probe-hash deduplicated), shortest total description first. */
  ranked: Candidate[];
  /** Complexity (model bits) vs RMSE, each entry strictly more accurate than the simpler ones. */
  pareto: Candidate[];
  /** Skeletons scored (on the screening subsample when n > SCREEN_POINTS). */
  scored: number;
}

export const MAX_POINTS = 10_000;
/** Default skeleton budget: about 1 s of CPU in Node for 50 points (see scripts/bench/symbolic.ts). */
export const DEFAULT_MAX_CANDIDATES = 8000;

/** Checks a data set; throws ParamError on non-finite values or a bad size. */
export function checkData(xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  if (xs.length !== ys.length) throw new ParamError("data", "equal numbers of x and y values", `${xs.length} x and ${ys.length} y`);
  if (xs.length < 3 || xs.length > MAX_POINTS) throw new ParamError("data", `3 to ${MAX_POINTS} points`, `${xs.length} points`);
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]!) || !Number.isFinite(ys[i]!)) throw new ParamError("data", "finite numbers only", `a non-finite value at point ${i + 1}`);
  }
}

/** Above this many points the search screens on a subsample (see searchExpressions). */
export const SCREEN_POINTS = 256;
/** Skeletons rescored on the full data after screening (plus the screen's Pareto front). */
const RESCORED = 48;

function screenIndices(x: Float64Array): number[] {
  const order = Array.from(x.keys()).sort((a, b) => x[a]! - x[b]! || a - b);
  return Array.from({ length: SCREEN_POINTS }, (_, i) => order[Math.round((i * (x.length - 1)) / (SCREEN_POINTS - 1))]!);
}

const cache = new Map<string, Expr[]>();

function skeletons(g: Grammar, maxSymbols: number, maxConstants: number, maxSkeletons: number): Expr[] {
  const k = `${g.ops.join(",")}|${maxSymbols}|${maxConstants}|${maxSkeletons}`;
  let list = cache.get(k);
  if (!list) {
    list = enumerateSkeletons(g, { maxSymbols, maxConstants, maxSkeletons });
    if (cache.size > 8) cache.clear();
    cache.set(k, list);
  }
  return list;
}

/** The fitted expression with snapped constants as fractions, simplified. */
export function fittedExpr(s: Scored): Expr {
  const walk = (e: Expr): Expr => {
    if (e.t === "c") return s.den[e.i]! > 0 ? reduce(Math.round(s.c[e.i]! * s.den[e.i]!), s.den[e.i]!) : num(s.c[e.i]!);
    if (e.t === "u") return { ...e, a: walk(e.a) };
    if (e.t === "b") return { ...e, a: walk(e.a), b: walk(e.b) };
    return e;
  };
  return simplify(walk(s.skeleton));
}

function toCandidate(s: Scored, n: number): Candidate {
  const expr = fittedExpr(s);
  return {
    expression: toPlain(expr),
    latex: toLatex(expr),
    bits: s.bits,
    modelBits: s.modelBits,
    residualBits: s.residualBits,
    rmse: Math.sqrt(s.rss / n),
    constants: s.c.length,
    expr,
  };
}

/** Runs the search. xs, ys must pass `checkData`. */
export function searchExpressions(xs: ArrayLike<number>, ys: ArrayLike<number>, options: SearchOptions = {}): SearchResult {
  checkData(xs, ys);
  const g = makeGrammar(options.ops);
  const x = Float64Array.from(xs);
  const y = Float64Array.from(ys);
  const n = y.length;
  if (options.sigma !== undefined && !(options.sigma > 0 && Number.isFinite(options.sigma))) throw new ParamError("noise", "a positive finite number", String(options.sigma));
  const noise = { sigma: options.sigma, resolution: options.resolution ?? defaultResolution(y) };
  const rng = createRng(options.seed ?? 1);
  const fit = { restarts: options.restarts ?? 1, iterations: options.iterations ?? 20 };
  const cap = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  const list = skeletons(g, options.maxSymbols ?? 6, options.maxConstants ?? 2, cap);
  const budget = Math.min(list.length, cap);
  // Large data sets are screened on SCREEN_POINTS points spread evenly over the sorted x values; the
  // screen's best and Pareto skeletons are then rescored on all the data.
  const sub = n > SCREEN_POINTS ? screenIndices(x) : null;
  const sx = sub ? Float64Array.from(sub, (i) => x[i]!) : x;
  const sy = sub ? Float64Array.from(sub, (i) => y[i]!) : y;
  const ev = new Evaluator(sx);
  let all: Scored[] = [];
  for (let i = 0; i < budget; i++) {
    const s = scoreSkeleton(list[i]!, g, ev, sy, noise, rng, fit);
    if (s) all.push(s);
    if (options.onProgress && (i + 1) % 250 === 0) options.onProgress(i + 1, budget);
  }
  options.onProgress?.(budget, budget);
  if (sub) {
    all.sort((a, b) => a.bits - b.bits);
    const chosen = new Set(all.slice(0, RESCORED));
    let best = Infinity;
    for (const s of [...all].sort((a, b) => a.modelBits - b.modelBits || a.rss - b.rss)) if (s.rss < best) (best = s.rss), chosen.add(s);
    const full = new Evaluator(x);
    all = [...chosen].map((s) => scoreSkeleton(s.skeleton, g, full, y, noise, rng, fit)).filter((s): s is Scored => s !== null);
  }
  if (all.length === 0) throw new ParamError("data", "data some expression can describe with finite values", "none fitted");
  all.sort((a, b) => a.bits - b.bits || a.modelBits - b.modelBits);
  // Distinct functions: hash fitted values on probe points spread over (and just beyond) the data range.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const span = hi - lo || 1;
  const probes = Float64Array.from({ length: 12 }, (_, i) => lo - 0.1 * span + ((i + 0.37) / 12) * 1.2 * span);
  const pev = new Evaluator(probes);
  const pv = new Float64Array(probes.length);
  const hash = (s: Scored): string => {
    const ok = pev.run(compile(s.skeleton), s.c, pv);
    return ok ? Array.from(pv, (v) => v.toPrecision(9)).join(",") : `nan:${s.rss.toPrecision(9)}`;
  };
  const seen = new Set<string>();
  const ranked: Candidate[] = [];
  const top = options.top ?? 10;
  for (const s of all) {
    if (ranked.length >= top) break;
    const h = hash(s);
    if (seen.has(h)) continue;
    seen.add(h);
    ranked.push(toCandidate(s, n));
  }
  const byModel = [...all].sort((a, b) => a.modelBits - b.modelBits || a.rss - b.rss);
  const pareto: Candidate[] = [];
  let bestRss = Infinity;
  const tol = n * noise.resolution * noise.resolution;
  for (const s of byModel) {
    if (s.rss < bestRss - tol || (bestRss === Infinity && Number.isFinite(s.rss))) {
      bestRss = s.rss;
      pareto.push(toCandidate(s, n));
    }
  }
  return { best: ranked[0]!, ranked, pareto, scored: budget };
}

/**
 * Chapter 11 demos, pure parts shared by the worker, the build-time fallback, the bench and the tests:
 *
 * (a) `runLawDemo(params)`: sample a hidden law on its training range with seeded Gaussian noise (σ given
 *     relative to the rms of the law on the training points), recover it by MDL symbolic regression,
 *     fit the correlation baselines (polynomial, k-NN, MLP) on the same points, and compare all of them
 *     with the truth inside and beyond the training range.
 * (b) `runEcaDemo(params)`: an ECA space-time pattern from a random (seeded) or user-drawn first row,
 *     optional seeded cell flips, and the 256 rules ranked by description length (rule prior + exceptions).
 *
 * Both are deterministic functions of their parameters; the schemas drive the URL state and controls.
 */
import { compareBaselines } from "../baselines/extrapolation";
import { fitKnn, predictKnn } from "../baselines/knn";
import { fitMlp, predictMlp } from "../baselines/mlp";
import { fitPolynomial, predictPolynomial } from "../baselines/polynomial";
import { ParamError } from "../errors";
import { createRng } from "../rng";
import type { Schema } from "../schema";
import { fromString, toString, type Bits } from "../programs/bits";
import { identifyRules, patternClasses, spaceTime } from "../programs/eca";
import { rankEcaRules, ruleTable, type RuleScore } from "../programs/ctm-prior";
import { sampleLaw } from "./cli";
import { evaluate, type Expr } from "./expr";
import { parseLaw } from "./parse";
import { toLatex } from "./print";
import { searchExpressions } from "./search";

/* ---------- (a) symbolic regression ---------- */

export type LawId = "kepler" | "damped" | "logistic" | "sine" | "custom";

export interface LawPreset {
  id: Exclude<LawId, "custom">;
  label: string;
  /** Plain syntax in x (parsed by parseLaw). */
  formula: string;
  /** Training range. */
  train: [number, number];
  /** Extrapolation range (beyond the training range). */
  beyond: [number, number];
  /** What x and y are. */
  note: string;
}

export const LAW_PRESETS: readonly LawPreset[] = [
  { id: "kepler", label: "Kepler's third law, T = a^(3/2)", formula: "x^1.5", train: [0.39, 9.6], beyond: [9.6, 30.1], note: "x: semi-major axis (AU), y: orbital period (years); trained from Mercury to Saturn, extrapolated to Uranus and Neptune" },
  { id: "damped", label: "Damped oscillation, e^(−x) sin x", formula: "exp(-x) * sin(x)", train: [0, 4], beyond: [4, 8], note: "x: time, y: displacement" },
  { id: "logistic", label: "Logistic growth, 1/(1 + e^(−x))", formula: "1 / (1 + exp(-x))", train: [-4, 2], beyond: [2, 6], note: "x: time, y: population share; trained before saturation" },
  { id: "sine", label: "Pendulum-like, sin x", formula: "sin(x)", train: [-3, 3], beyond: [3, 7.5], note: "x: phase, y: displacement" },
];

/** Training and extrapolation ranges of a user-typed law. */
export const CUSTOM_TRAIN: [number, number] = [-2, 2];
export const CUSTOM_BEYOND: [number, number] = [2, 4];

export type LawParams = {
  law: LawId;
  formula: string;
  noise: number;
  n: number;
  seed: number;
};

function checkFormula(text: string): string {
  parseLaw(text);
  return text;
}

export const lawSchema: Schema<LawParams> = {
  params: {
  law: {
    type: "enum",
    label: "Hidden law",
    help: "The mechanism that generates the data; choose “your formula” to type one.",
    default: "kepler",
    options: [...LAW_PRESETS.map((p) => ({ value: p.id, label: p.label })), { value: "custom" as const, label: "Your formula (below)" }],
  },
  formula: {
    type: "text",
    label: "Your formula in x",
    help: "Used when the hidden law is “your formula”: numbers, x, + − * / ^, pi, e, sin cos exp log sqrt; sampled on [−2, 2].",
    default: "x^3 - x",
    maxLength: 300,
    allowed: "an expression in x with numbers, + - * / ^, pi, e, sin cos exp log sqrt",
    parse: checkFormula,
  },
  noise: { type: "float", label: "Noise", help: "Gaussian noise σ as a fraction of the law's rms on the training points (0 = exact data).", unit: "× rms", default: 0, min: 0, max: 0.5, step: 0.01 },
  n: { type: "int", label: "Sample size", help: "Evenly spaced training points.", unit: "points", default: 40, min: 10, max: 200, step: 5 },
  seed: { type: "int", label: "Seed", help: "Seed of the noise and of the fit restarts.", default: 1, min: 0, max: 1_000_000 },
  },
};

export const LAW_DEFAULTS: LawParams = { law: "kepler", formula: "x^3 - x", noise: 0, n: 40, seed: 1 };

export interface CurvePoint {
  x: number;
  truth: number;
  recovered: number;
  polynomial: number;
  knn: number;
  mlp: number;
}

export interface LawDemoResult {
  params: LawParams;
  lawText: string;
  lawLatex: string;
  train: [number, number];
  beyond: [number, number];
  sigma: number;
  data: { x: number; y: number }[];
  best: { expression: string; latex: string; bits: number; modelBits: number; residualBits: number; rmse: number };
  ranked: { expression: string; latex: string; bits: number; modelBits: number; rmse: number }[];
  pareto: { expression: string; latex: string; bits: number; modelBits: number; rmse: number }[];
  scored: number;
  /** The recovered law equals the truth to 1e-6 (relative) on fresh points inside and beyond the range. */
  exact: boolean;
  /** RMS error against the truth, inside (fresh points) and beyond the training range. */
  errors: { name: string; inside: number; outside: number }[];
  curve: CurvePoint[];
}

/** The law, ranges and its text for the given params (ParamError for a malformed custom formula). */
export function resolveLaw(p: Pick<LawParams, "law" | "formula">): { expr: Expr; text: string; train: [number, number]; beyond: [number, number] } {
  const preset = LAW_PRESETS.find((l) => l.id === p.law);
  if (preset) return { expr: parseLaw(preset.formula), text: preset.formula, train: preset.train, beyond: preset.beyond };
  return { expr: parseLaw(p.formula), text: p.formula.trim(), train: CUSTOM_TRAIN, beyond: CUSTOM_BEYOND };
}

/** The MLP baseline's settings (the core's defaults, with the demo's seed). */
export const mlpOptions = (seed: number) => ({ hidden: 16, epochs: 2000, learningRate: 0.01, seed });

const grid = ([a, b]: [number, number], k: number): number[] => Array.from({ length: k }, (_, i) => a + ((b - a) * (i + 0.5)) / k);

/** Runs demo (a). `onProgress(done, total)` reports the search. */
export function runLawDemo(params: LawParams, onProgress?: (done: number, total: number) => void): LawDemoResult {
  const { expr, text, train, beyond } = resolveLaw(params);
  const clean = sampleLaw(expr, params.n, train, 0, params.seed);
  let ss = 0;
  for (const v of clean.ys) ss += v * v;
  const rms = Math.sqrt(ss / params.n);
  const sigma = params.noise * rms;
  const { xs, ys } = sampleLaw(expr, params.n, train, sigma, params.seed);
  const r = searchExpressions(xs, ys, { seed: params.seed, ...(sigma > 0 ? { sigma } : {}), onProgress });
  const truth = (x: number) => evaluate(expr, x);
  const insideXs = grid(train, 97);
  const outsideXs = grid(beyond, 97);
  const errors = compareBaselines(xs, ys, truth, insideXs, outsideXs, { law: r.best.expr, mlp: mlpOptions(params.seed) });
  const same = (x: number) => {
    const a = evaluate(r.best.expr, x);
    const b = truth(x);
    return Number.isFinite(a) && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  };
  const exact = sigma === 0 && [...insideXs, ...outsideXs].every(same);
  // The curves (baselines refitted with the same options as compareBaselines).
  const poly = fitPolynomial(xs, ys, 5);
  const knn = fitKnn(xs, ys, Math.min(5, xs.length));
  const mlp = fitMlp(xs, ys, mlpOptions(params.seed));
  const lo = Math.min(train[0], beyond[0]);
  const hi = Math.max(train[1], beyond[1]);
  const curve: CurvePoint[] = Array.from({ length: 161 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / 160;
    const f = (v: number) => (Number.isFinite(v) ? v : NaN);
    return { x, truth: f(truth(x)), recovered: f(evaluate(r.best.expr, x)), polynomial: f(predictPolynomial(poly, x)), knn: f(predictKnn(knn, x)), mlp: f(predictMlp(mlp, x)) };
  });
  const slim = (c: { expression: string; latex: string; bits: number; modelBits: number; rmse: number }) => ({ expression: c.expression, latex: c.latex, bits: c.bits, modelBits: c.modelBits, rmse: c.rmse });
  return {
    params,
    lawText: text,
    lawLatex: toLatex(expr),
    train,
    beyond,
    sigma,
    data: Array.from(xs, (x, i) => ({ x, y: ys[i]! })),
    best: { ...slim(r.best), residualBits: r.best.residualBits },
    ranked: r.ranked.slice(0, 5).map(slim),
    pareto: r.pareto.map(slim),
    scored: r.scored,
    exact,
    errors: errors.map((e) => ({ name: e.name, inside: e.inside, outside: e.outside })),
    curve,
  };
}

/* ---------- (b) which rule made this? ---------- */

export const ECA_WIDTH = 31;

export type EcaParams = {
  rule: number;
  seed: number;
  /** User-drawn first row (ECA_WIDTH bits) or "" for a random row from `seed`. */
  row: string;
  steps: number;
  /** Probability that each cell of rows 1.. is flipped (seeded). */
  flip: number;
  prior: "ctm" | "literal";
};

function checkRow(text: string): string {
  const t = text.trim();
  if (t === "") return "";
  if (!/^[01]+$/.test(t)) throw new ParamError("row", `${ECA_WIDTH} cells written as 0 and 1 (or empty for a random row)`, JSON.stringify(text.slice(0, 40)));
  if (t.length !== ECA_WIDTH) throw new ParamError("row", `exactly ${ECA_WIDTH} cells`, `${t.length} cells`);
  return t;
}

export const ecaSchema: Schema<EcaParams> = {
  params: {
  rule: { type: "int", label: "Rule", help: "The hidden elementary cellular automaton rule (Wolfram number).", default: 30, min: 0, max: 255 },
  seed: { type: "int", label: "Seed", help: "Seed of the random first row and of the cell flips.", default: 1, min: 0, max: 1_000_000 },
  row: { type: "text", label: "First row", help: `Your own first row: ${ECA_WIDTH} cells of 0 and 1 (empty: random from the seed).`, default: "", maxLength: 64, allowed: `${ECA_WIDTH} cells of 0 and 1, or empty`, parse: checkRow },
  steps: { type: "int", label: "Steps", help: "Rows generated after the first.", unit: "rows", default: 15, min: 1, max: 40 },
  flip: { type: "float", label: "Cell flips", help: "Probability that a generated cell is flipped (observation noise).", default: 0, min: 0, max: 0.2, step: 0.01 },
  prior: { type: "enum", label: "Prior over rules", help: "CTM of the 8-bit rule table (algorithmic probability) or 8 bits for every rule.", default: "ctm", options: [{ value: "ctm", label: "CTM (algorithmic probability)" }, { value: "literal", label: "Uniform (8 bits each)" }] },
  },
};

export const ECA_DEFAULTS: EcaParams = { rule: 30, seed: 1, row: "", steps: 15, flip: 0, prior: "ctm" };

export interface EcaDemoResult {
  params: EcaParams;
  /** Observed rows as "0101…" strings (after flips). */
  rows: string[];
  /** Cells flipped, as [row, column]. */
  flipped: [number, number][];
  /** Rules consistent with every observed transition (exact identification). */
  consistent: number[];
  /** Rules producing the same pattern as the hidden rule from this first row. */
  sameAsHidden: number[];
  ranking: (RuleScore & { table: string })[];
  /** Rank (1-based) of the hidden rule in `ranking`, or 0 if absent. */
  hiddenRank: number;
  /** The top-ranked rule produces the same pattern as the hidden one (identified up to equivalence). */
  identified: boolean;
}

/** The first row: user-drawn or random from the seed. */
export function firstRow(p: Pick<EcaParams, "row" | "seed">): Bits {
  if (p.row) return fromString(p.row);
  const rng = createRng(p.seed);
  return Uint8Array.from({ length: ECA_WIDTH }, () => (rng() < 0.5 ? 1 : 0));
}

export function runEcaDemo(p: EcaParams, top = 8): EcaDemoResult {
  const start = firstRow(p);
  const clean = spaceTime(p.rule, start, p.steps);
  const rng = createRng(p.seed ^ 0x5eed);
  const flipped: [number, number][] = [];
  const rows = clean.map((r, t) => {
    if (t === 0 || p.flip === 0) return r;
    const out = Uint8Array.from(r);
    for (let i = 0; i < out.length; i++) {
      if (rng() < p.flip) {
        out[i] = 1 - out[i]!;
        flipped.push([t, i]);
      }
    }
    return out;
  });
  const all = rankEcaRules(rows, { prior: p.prior });
  const classes = patternClasses(start, p.steps);
  const sameAsHidden = classes.get(p.rule)!;
  const ranking = all.slice(0, top).map((s) => ({ ...s, table: ruleTable(s.rule) }));
  const hiddenRank = all.findIndex((s) => s.rule === p.rule) + 1;
  return {
    params: p,
    rows: rows.map(toString),
    flipped,
    consistent: identifyRules(rows),
    sameAsHidden,
    ranking,
    hiddenRank,
    identified: all.length > 0 && sameAsHidden.includes(all[0]!.rule),
  };
}

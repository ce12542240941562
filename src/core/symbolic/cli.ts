/**
 * The runner's `symbolic` subcommand, pure parts (scripts/sim.ts does the file reading and printing):
 *
 *   sim symbolic --law "<expression in x>" [--noise σ] [--n N] [--range a,b] [--seed S] [--ops list] [--candidates C]
 *   sim symbolic --data file.csv [--noise σ] [--seed S] [--ops list] [--candidates C]
 *
 * A law is sampled at N evenly spaced points of [a, b] with Gaussian noise σ (seeded). Every bad flag is
 * a CliError with one line naming the flag and what it accepts.
 */
import { CliError, quote } from "../cli/args";
import { ParamError } from "../errors";
import { createNormal } from "../sampling/normal";
import { createRng, MAX_SEED } from "../rng";
import type { Expr } from "./expr";
import { evaluate } from "./expr";
import { makeGrammar } from "./grammar";
import type { OpName } from "./ops";
import { parseLaw } from "./parse";
import { MAX_POINTS, type SearchOptions } from "./search";

export type SymbolicCommand =
  | { kind: "help" }
  | { kind: "law"; law: Expr; lawText: string; noise: number; n: number; range: [number, number]; seed: number; search: SearchOptions }
  | { kind: "data"; file: string; noise: number; seed: number; search: SearchOptions };

export const SYMBOLIC_HELP = `sim symbolic: recover a law y = f(x) by MDL symbolic regression.
  --law "<expr>"     expression in x (numbers, + - * / ^, pi, e, sin cos exp log sqrt) to sample, or
  --data file.csv    columns x,y (header optional, at most ${MAX_POINTS} rows)
  --noise σ          Gaussian noise added to the law (and the σ used by the MDL code); 0 = estimate (default 0)
  --n N              points sampled from the law, 3–${MAX_POINTS} (default 50)
  --range a,b        x range of the sampled points (default -2,2)
  --seed S           seed of the noise and of the fit restarts (default 1)
  --ops list         enabled operators, comma-separated from add,sub,mul,div,pow,sin,cos,exp,log,sqrt (default all)
  --candidates C     skeletons scored, 1–200000 (default 8000)
Prints JSON {expression, latex, bits, modelBits, residualBits, rmse, pareto, ranked, scored, n}.`;

const FLAGS = ["law", "data", "noise", "n", "range", "seed", "ops", "candidates"] as const;

function num(flag: string, raw: string, min: number, max: number, integer: boolean): number {
  const v = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
  const ok = Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  if (!ok) throw new CliError(`--${flag}: expected ${integer ? "an integer" : "a number"} in [${min}, ${max}], got ${quote(raw)}`);
  return v;
}

/** Parses the arguments after "symbolic". */
export function parseSymbolicArgs(argv: readonly string[]): SymbolicCommand {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--help" || token === "-h") return { kind: "help" };
    if (!token.startsWith("--")) throw new CliError(`unexpected argument ${quote(token)}: flags look like --name value (flags: ${FLAGS.map((f) => `--${f}`).join(", ")})`);
    const eq = token.indexOf("=");
    const name = eq >= 0 ? token.slice(2, eq) : token.slice(2);
    if (!(FLAGS as readonly string[]).includes(name)) throw new CliError(`unknown flag ${quote(`--${name}`)} for symbolic (flags: ${FLAGS.map((f) => `--${f}`).join(", ")})`);
    if (name in raw) throw new CliError(`--${name}: given more than once`);
    let value: string | undefined;
    if (eq >= 0) value = token.slice(eq + 1);
    else if (i + 1 < argv.length && (!argv[i + 1]!.startsWith("--") || name === "law")) value = argv[++i]!;
    if (value === undefined) throw new CliError(`--${name}: missing value`);
    raw[name] = value;
  }
  if ((raw.law === undefined) === (raw.data === undefined)) throw new CliError("symbolic: expected exactly one of --law \"<expression in x>\" or --data file.csv");
  const noise = raw.noise === undefined ? 0 : num("noise", raw.noise, 0, 1e6, false);
  const seed = raw.seed === undefined ? 1 : num("seed", raw.seed, 0, MAX_SEED, true);
  const search: SearchOptions = { seed };
  if (noise > 0) search.sigma = noise;
  if (raw.candidates !== undefined) search.maxCandidates = num("candidates", raw.candidates, 1, 200_000, true);
  if (raw.ops !== undefined) {
    try {
      search.ops = makeGrammar(raw.ops.split(",").map((s) => s.trim())).ops as OpName[];
    } catch (e) {
      if (e instanceof ParamError) throw new CliError(`--ops: expected ${e.allowed}, got ${quote(raw.ops)}`);
      throw e;
    }
  }
  if (raw.data !== undefined) {
    if (raw.n !== undefined || raw.range !== undefined) throw new CliError("--n and --range apply to --law only");
    if (raw.data.trim() === "") throw new CliError("--data: expected a file path, got \"\"");
    return { kind: "data", file: raw.data, noise, seed, search };
  }
  let law: Expr;
  try {
    law = parseLaw(raw.law);
  } catch (e) {
    if (e instanceof ParamError) throw new CliError(`--law: expected ${e.allowed}, got ${e.received}`.replace(/\n/g, " "));
    throw e;
  }
  const n = raw.n === undefined ? 50 : num("n", raw.n, 3, MAX_POINTS, true);
  let range: [number, number] = [-2, 2];
  if (raw.range !== undefined) {
    const parts = raw.range.split(",");
    const bad = (): never => {
      throw new CliError(`--range: expected two finite numbers a,b with a < b, got ${quote(raw.range!)}`);
    };
    if (parts.length !== 2) bad();
    const [a, b] = parts.map((s) => (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s) ? Number(s) : Number.NaN)) as [number, number];
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b) || Math.abs(a) > 1e6 || Math.abs(b) > 1e6) bad();
    range = [a, b];
  }
  return { kind: "law", law, lawText: raw.law!, noise, n, range, seed, search };
}

/** Samples the law at n evenly spaced points with seeded Gaussian noise; ParamError if a value is not finite. */
export function sampleLaw(law: Expr, n: number, [a, b]: [number, number], noise: number, seed: number): { xs: Float64Array; ys: Float64Array } {
  const normal = createNormal(createRng(seed));
  const xs = Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = evaluate(law, xs[i]!);
    if (!Number.isFinite(v)) throw new ParamError("law", "a law with finite values on the whole range", `a non-finite value at x = ${xs[i]}`);
    ys[i] = v + noise * normal();
  }
  return { xs, ys };
}

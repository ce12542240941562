/**
 * Pure argument parsing for the headless runner (`npm run sim -- <model> [--param value …]`).
 * Model flags are exactly the model's schema parameters and are checked by the same `validateParams`
 * the demos use. Every failure is a CliError with one line naming the flag and what it accepts.
 */
import { MAX_REPLICATES } from "../ensemble";
import { ParamError } from "../errors";
import type { AnyModel } from "../model";
import { MAX_SEED } from "../rng";
import { describeAllowed, validateParams, type AnySpec, type Params } from "../schema";

export type OutputFormat = "json" | "csv";

/** Options of the runner itself; model parameters may not use these names. */
export const RUN_OPTIONS = {
  seed: { help: "Seed of the run (same model, params and seed give the same numbers).", allowed: `an integer in [0, ${MAX_SEED}]`, default: 1 },
  replicates: { help: "Number of independent replicates.", allowed: `an integer in [1, ${MAX_REPLICATES}]`, default: 200 },
  format: { help: "json: summary per generation with theory; csv: tidy rows generation,replicate,metric,value.", allowed: "one of json | csv", default: "json" },
} as const;

export const EXIT_USAGE = 2;

/**
 * Most per-replicate values a run may hold in memory (replicates × x-axis length × metrics): 10⁸ doubles
 * is 0.8 GB, so a mistyped --replicates gets a message instead of an out-of-memory crash.
 */
export const MAX_HELD_VALUES = 1e8;

export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode = EXIT_USAGE;
}

export type CliCommand =
  | { kind: "help"; model?: AnyModel }
  | { kind: "run"; model: AnyModel; params: Params; seed: number; replicates: number; format: OutputFormat };

/** User text as it may appear in a one-line message: quoted, escaped, truncated. */
export function quote(text: string): string {
  const q = JSON.stringify(text);
  return q.length > 60 ? `${q.slice(0, 56)}..."` : q;
}

function integerIn(flag: string, raw: string, max: number, min: number, allowed: string): number {
  const v = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(v) || v < min || v > max) throw new CliError(`--${flag}: expected ${allowed}, got ${quote(raw)}`);
  return v;
}

function flagList(model: AnyModel): string {
  return [...Object.keys(model.schema.params), ...Object.keys(RUN_OPTIONS)].map((f) => `--${f}`).join(", ");
}

/** Parses argv (without node and script) against the registry. Throws CliError on any bad input. */
export function parseArgs(argv: readonly string[], registry: Readonly<Record<string, AnyModel>>): CliCommand {
  const ids = Object.keys(registry);
  if (argv.length === 0) throw new CliError(`missing model: expected one of ${ids.join(" | ")} (try --help)`);
  const first = argv[0]!;
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first.startsWith("-")) throw new CliError(`expected a model name before ${quote(first)}: one of ${ids.join(" | ")}`);
  const model = Object.prototype.hasOwnProperty.call(registry, first) ? registry[first] : undefined;
  if (!model) throw new CliError(`unknown model ${quote(first)}: expected one of ${ids.join(" | ")}`);
  const specs = model.schema.params as Record<string, AnySpec>;
  const raw: Record<string, string> = {};
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--help" || token === "-h") return { kind: "help", model };
    if (!token.startsWith("--") || token.length < 3) {
      throw new CliError(`unexpected argument ${quote(token)}: flags look like --name value (flags: ${flagList(model)})`);
    }
    const eq = token.indexOf("=");
    const name = eq >= 0 ? token.slice(2, eq) : token.slice(2);
    const isRun = Object.prototype.hasOwnProperty.call(RUN_OPTIONS, name);
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!isRun && !spec) throw new CliError(`unknown flag ${quote(`--${name}`)} for model ${model.id} (flags: ${flagList(model)})`);
    if (seen.has(name)) throw new CliError(`--${name}: given more than once`);
    seen.add(name);
    let value: string;
    if (eq >= 0) value = token.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith("--")) value = argv[++i]!;
    else if (spec?.type === "bool") value = "true";
    else {
      const allowed = isRun ? RUN_OPTIONS[name as keyof typeof RUN_OPTIONS].allowed : describeAllowed(spec!);
      throw new CliError(`--${name}: missing value; expected ${allowed}`);
    }
    raw[name] = value;
  }
  const seed = raw.seed === undefined ? RUN_OPTIONS.seed.default : integerIn("seed", raw.seed, MAX_SEED, 0, RUN_OPTIONS.seed.allowed);
  const replicates =
    raw.replicates === undefined ? RUN_OPTIONS.replicates.default : integerIn("replicates", raw.replicates, MAX_REPLICATES, 1, RUN_OPTIONS.replicates.allowed);
  const format = raw.format ?? RUN_OPTIONS.format.default;
  if (format !== "json" && format !== "csv") throw new CliError(`--format: expected ${RUN_OPTIONS.format.allowed}, got ${quote(format)}`);
  const modelRaw: Record<string, string> = {};
  for (const name of Object.keys(raw)) if (!(name in RUN_OPTIONS)) modelRaw[name] = raw[name]!;
  let params: Params;
  try {
    params = validateParams(model.schema, modelRaw);
  } catch (error) {
    if (error instanceof ParamError) throw new CliError(`--${error.param}: expected ${error.allowed}, got ${error.received}`);
    throw error;
  }
  const perReplicate = model.generations(params).length * model.metrics(params).length;
  if (replicates * perReplicate > MAX_HELD_VALUES) {
    const most = Math.max(1, Math.floor(MAX_HELD_VALUES / perReplicate));
    throw new CliError(`--replicates: expected at most ${most} for these parameters (replicates × points × metrics ≤ ${MAX_HELD_VALUES.toExponential()} values in memory), got ${replicates}`);
  }
  return { kind: "run", model, params, seed, replicates, format };
}


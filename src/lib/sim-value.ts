/**
 * Numbers quoted in prose, computed at build time by the core (never typed by hand). One ensemble per
 * distinct (model, params, seed, replicates) is run once per build and shared by every quote of it.
 */
import { runEnsemble, type RunResult } from "../core/ensemble";
import { validateParams } from "../core/schema";
import { lookupModel } from "../demos/registry";

/** Which number of a run to quote. */
export type SimStat = "mean" | "se" | "q05" | "q25" | "q50" | "q75" | "q95" | "theory";

export interface SimValueInput {
  model: string;
  /** Overrides of the model's schema defaults (validated strictly: a bad value fails the build). */
  params?: Record<string, unknown>;
  seed?: number;
  replicates?: number;
  metric: string;
  /** Index on the model's x axis (generation); negative counts from the end (-1 = last). */
  at?: number;
  stat?: SimStat;
}

const cache = new Map<string, RunResult>();

function run(input: SimValueInput): RunResult {
  const model = lookupModel(input.model);
  const params = validateParams(model.schema, input.params ?? {});
  const seed = input.seed ?? 1;
  const replicates = input.replicates ?? 200;
  const key = JSON.stringify([input.model, params, seed, replicates]);
  let result = cache.get(key);
  if (!result) {
    result = runEnsemble(model, params, { seed, replicates, keepPaths: 0 });
    cache.set(key, result);
  }
  return result;
}

/** The quoted number; throws (failing the build) with a message naming the model and metric. */
export function simValue(input: SimValueInput): number {
  const result = run(input);
  const stat = input.stat ?? "mean";
  const series = stat === "theory" ? result.theory[input.metric] : result.metrics[input.metric]?.[stat];
  const where = `SimValue ${input.model}.${input.metric} (${stat})`;
  if (!series) throw new Error(`${where}: no such metric${stat === "theory" ? " theory" : ""} for these parameters`);
  const at = input.at ?? -1;
  const index = at < 0 ? series.length + at : at;
  const value = series[index];
  if (value === undefined || !Number.isFinite(value)) throw new Error(`${where}: no finite value at index ${at}`);
  return value;
}

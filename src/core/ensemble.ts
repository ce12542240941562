/**
 * Runs a model over many replicates and summarises. Replicate r always uses stream r of the seed, so a
 * run split into chunks (workers, progress) gives exactly the numbers of a run in one piece.
 */
import { ParamError } from "./errors";
import type { AnyModel, ReplicatePaths } from "./model";
import { replicateRngs } from "./rng";
import type { Params } from "./schema";
import { summarize, type Series } from "./summary";

export const MAX_REPLICATES = 100_000;

export interface EnsembleOptions {
  seed: number;
  replicates: number;
  /** How many replicates' raw paths to keep for drawing sample paths (default 5). */
  keepPaths?: number;
}

export interface RunResult {
  model: string;
  params: Params;
  seed: number;
  replicates: number;
  generations: number[];
  metrics: Record<string, Series>;
  /** Raw paths of the first `keepPaths` replicates, per metric. */
  paths: Record<string, number[][]>;
  theory: Record<string, number[]>;
}

export function checkRunOptions(options: EnsembleOptions): void {
  const { seed, replicates } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new ParamError("seed", "an integer in [0, 4294967295]", String(seed));
  }
  if (!Number.isInteger(replicates) || replicates < 1 || replicates > MAX_REPLICATES) {
    throw new ParamError("replicates", `an integer in [1, ${MAX_REPLICATES}]`, String(replicates));
  }
}

/** Simulates replicates first..first+count-1 (a chunk). Params must already be validated. */
export function runReplicates(model: AnyModel, params: Params, seed: number, first: number, count: number): ReplicatePaths[] {
  return replicateRngs(seed, count, first).map((rng) => model.replicate(params, rng));
}

/** Summarises replicate paths (from one or many chunks, in replicate order) into a RunResult. */
export function combine(model: AnyModel, params: Params, options: EnsembleOptions, all: ReplicatePaths[]): RunResult {
  const keep = Math.min(options.keepPaths ?? 5, all.length);
  const metrics: Record<string, Series> = {};
  const paths: Record<string, number[][]> = {};
  for (const { name } of model.metrics(params)) {
    const perReplicate = all.map((rep) => {
      const path = rep[name];
      if (!path) throw new Error(`model ${model.id} did not report metric ${name}`);
      return path;
    });
    metrics[name] = summarize(perReplicate);
    paths[name] = perReplicate.slice(0, keep).map((p) => Array.from(p));
  }
  return {
    model: model.id,
    params,
    seed: options.seed,
    replicates: all.length,
    generations: model.generations(params),
    metrics,
    paths,
    theory: model.theory(params),
  };
}

/** Validated params in, full summary out. */
export function runEnsemble(model: AnyModel, params: Params, options: EnsembleOptions): RunResult {
  checkRunOptions(options);
  return combine(model, params, options, runReplicates(model, params, options.seed, 0, options.replicates));
}

/**
 * The contract every simulation model fulfils. Views, workers and the command-line runner only ever
 * talk to models through this interface and `runEnsemble`.
 */
import type { Rng } from "./rng";
import type { Params, Schema } from "./schema";

/** A per-generation quantity a model reports. */
export interface MetricSpec {
  /** Key in results, e.g. "entropy" or "share:hack". */
  name: string;
  label: string;
  help: string;
  unit?: string;
}

/** One replicate's output: for each metric, its value at every point of the x axis. */
export type ReplicatePaths = Record<string, Float64Array>;

export interface Model<P extends Params> {
  /** Stable id used by the runner and URLs, e.g. "categorical". */
  id: string;
  label: string;
  /** One paragraph: what the model is, which chapter uses it. */
  description: string;
  schema: Schema<P>;
  /** Metrics reported, possibly depending on the parameters (e.g. one share per class). */
  metrics(params: P): MetricSpec[];
  /** The x axis: usually generations 0..T. */
  generations(params: P): number[];
  /** Simulates one replicate with its own stream. Must be deterministic given (params, rng). */
  replicate(params: P, rng: Rng): ReplicatePaths;
  /** Closed forms or exact computations, on the same x axis, for metrics that have them. */
  theory(params: P): Record<string, number[]>;
}

/** Any model, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = Model<any>;

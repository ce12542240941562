/**
 * The run a "bars" view replays: replicate 1 (stream 0) of the categorical model, traced generation by
 * generation. Computed in the simulation worker with the run (and by Demo.astro for the build-time
 * figure), so the island never imports the model.
 */
import { traceCategorical, type CategoricalParams, type CategoricalTrace } from "../core/models/categorical";
import { replicateRngs } from "../core/rng";

const cache = new Map<string, CategoricalTrace>();

/** The trace of replicate 1 for these (validated) params and seed; memoised. */
export function barsTrace(params: CategoricalParams, seed: number): CategoricalTrace {
  const key = `${seed}|${JSON.stringify(params)}`;
  let trace = cache.get(key);
  if (!trace) {
    trace = traceCategorical(params, replicateRngs(seed, 1, 0)[0]!);
    if (cache.size > 8) cache.clear();
    cache.set(key, trace);
  }
  return trace;
}

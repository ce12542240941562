/**
 * The texts a "text" view shows: what sample run 1 (replicate stream 0) of the n-gram model generated at a
 * few generations. Computed in the simulation worker with the run (and by Demo.astro for the build-time
 * figure), so the island never imports the model.
 */
import { ngramSampleTexts, type NgramParams } from "../core/models/ngram";

/** [generation, first `chars` characters] pairs, in the order of `generations`. */
export function textTrace(params: NgramParams, seed: number, request: { generations: number[]; chars: number }): [number, string][] {
  const texts = ngramSampleTexts(params, seed, request.generations, request.chars);
  return request.generations.map((g) => [g, texts.get(g) ?? ""]);
}

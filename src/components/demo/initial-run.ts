/**
 * The demo's default run as the build computed it (src/lib/demo-data.ts). The island shows it as its
 * first live result at the default state, so no worker has to start and recompute it.
 */
import { sameState } from "../../demos/definition";
import type { DemoRunResult as RunResult } from "../../demos/protocol";
import { decodeResult } from "../../demos/result-codec";
import type { DemoState } from "../../demos/types";

/** The build's default run, or null if it cannot be fetched or does not match the state (then run live). */
export async function fetchInitial(url: string, state: DemoState, modelId: string): Promise<RunResult | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const res = decodeResult(await response.text());
    const matches = res.model === modelId && sameState({ params: res.params, seed: res.seed, replicates: res.replicates }, state);
    return matches ? res : null;
  } catch {
    return null;
  }
}

/**
 * The worker protocol and the chunked run loop behind it. The loop is plain TypeScript so the worker,
 * the main-thread fallback and the unit tests all run exactly the same code.
 */
import { checkRunOptions, combine, runReplicates, type RunResult } from "../core/ensemble";
import type { AnyModel } from "../core/model";
import { ParamError } from "../core/errors";
import type { CategoricalTrace } from "../core/models/categorical";
import { coerceParams, type Notice, validateParams, type Params } from "../core/schema";
import { barsTrace } from "./bars-trace";
import { textTrace } from "./text-trace";
import { withDefaults } from "./url-state";

/**
 * Most per-replicate values a demo run may hold (replicates × x-axis points × metrics): quantiles need
 * every replicate at once, and 2·10⁷ doubles (160 MB) is as much as a browser tab should take.
 */
export const MAX_DEMO_VALUES = 2e7;

/** The largest replicate count these (validated) params allow under MAX_DEMO_VALUES. */
export function replicateBudget(model: AnyModel, params: Params): number {
  const perReplicate = Math.max(1, model.generations(params).length * model.metrics(params).length);
  return Math.max(1, Math.floor(MAX_DEMO_VALUES / perReplicate));
}

export interface RunRequest {
  model: string;
  params: Params;
  seed: number;
  replicates: number;
  keepPaths: number;
  /** Also trace sample run 1 (replicate stream 0) of the categorical model, for "bars" views. */
  trace?: boolean;
  /** Also generate sample run 1's text at these generations (n-gram model), for a "text" view. */
  texts?: { generations: number[]; chars: number };
}

/** A run as the demo shell gets it: the ensemble result, plus what a "bars" or "text" view replays. */
export type DemoRunResult = RunResult & { trace?: CategoricalTrace; texts?: [number, string][] };

/** Values checked by the model's own schema (text parsers, cross-parameter checks), leniently. */
export interface Coerced {
  params: Params;
  notices: Notice[];
}

export interface Progress {
  done: number;
  total: number;
}

/** What the worker exposes (through comlink). `run` resolves to null when cancelled or superseded. */
export interface SimApi {
  run(id: number, request: RunRequest, onProgress: (progress: Progress) => void): Promise<DemoRunResult | null>;
  cancel(id: number): void;
  /**
   * coerceParams with the model's full schema (the island's copy has no text parsers or checks):
   * bad values of `raw` are replaced by those of `base`, each with a notice.
   */
  coerce(model: string, raw: Record<string, unknown>, base: Params): Promise<Coerced>;
}

export interface RunnerOptions {
  /** Wall time one chunk should take: bounds progress latency and cancel latency. */
  targetChunkMs?: number;
  now?: () => number;
  /** Lets queued messages (cancel, a newer run) in between chunks. */
  yieldToEvents?: () => Promise<void>;
}

/** Next chunk size: aims at the target time, grows at most 4× per step, never below 1. */
export function nextChunkSize(count: number, elapsedMs: number, targetMs: number): number {
  const ideal = elapsedMs <= 0 ? count * 4 : Math.floor((count * targetMs) / elapsedMs);
  return Math.max(1, Math.min(count * 4, ideal));
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A run loop over replicate chunks. Starting a run supersedes any earlier one; cancel(id) stops that
 * run at its next chunk boundary.
 */
export function createRunner(lookup: (id: string) => AnyModel, options: RunnerOptions = {}): SimApi {
  const target = options.targetChunkMs ?? 40;
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToEvents ?? macrotask;
  let latest = 0;
  const cancelled = new Set<number>();
  return {
    async run(id, request, onProgress) {
      latest = id;
      const model = lookup(request.model);
      const params = validateParams(model.schema, request.params);
      const { seed, replicates, keepPaths } = request;
      checkRunOptions({ seed, replicates });
      const budget = replicateBudget(model, params);
      if (replicates > budget) {
        throw new ParamError("replicates", `at most ${budget} for these parameters (replicates × points × metrics ≤ ${MAX_DEMO_VALUES})`, String(replicates));
      }
      const all: ReturnType<typeof runReplicates> = [];
      let chunk = 1;
      while (all.length < replicates) {
        if (cancelled.delete(id) || latest !== id) return null;
        const count = Math.min(chunk, replicates - all.length);
        const start = now();
        for (const paths of runReplicates(model, params, seed, all.length, count)) all.push(paths);
        chunk = nextChunkSize(count, now() - start, target);
        onProgress({ done: all.length, total: replicates });
        await pause();
      }
      if (cancelled.delete(id) || latest !== id) return null;
      const result: DemoRunResult = combine(model, params, { seed, replicates, keepPaths }, all);
      if (request.trace && model.id === "categorical") result.trace = barsTrace(params as never, seed);
      if (request.texts && model.id === "ngram") result.texts = textTrace(params as never, seed, request.texts);
      return result;
    },
    async coerce(modelId, raw, base) {
      const model = lookup(modelId);
      return coerceParams(withDefaults(model.schema, base), raw);
    },
    cancel(id) {
      cancelled.add(id);
    },
  };
}

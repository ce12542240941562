/**
 * Resolves what an author wrote in MDX into a validated DemoConfig. Strict on purpose: a typo in a
 * preset or a metric name fails the build with the demo id, instead of shipping a broken demo.
 */
import { checkRunOptions, MAX_REPLICATES } from "../core/ensemble";
import type { AnyModel } from "../core/model";
import { defaultParams, validateParams, type Params } from "../core/schema";
import { viewKey, viewMetrics } from "./view-keys";
import type { DemoConfig, DemoInput, DemoState, Preset, ViewSpec } from "./types";

const VIEW_KINDS: readonly ViewSpec["kind"][] = ["fan", "bars", "stack", "density", "points", "shares", "text", "lines", "pair"];

export const DEFAULT_SEED = 1;
export const DEFAULT_REPLICATES = 200;
export const DEFAULT_MAX_REPLICATES = 5000;
export const DEFAULT_KEEP_PATHS = 5;
/** Reserved URL keys: a model parameter may not use these names. */
export const RESERVED_KEYS = ["seed", "replicates"] as const;

const ID = /^[a-z][a-z0-9-]{0,39}$/;

export class DemoConfigError extends Error {
  override readonly name = "DemoConfigError";
  constructor(demo: string, message: string) {
    super(`Demo "${demo}": ${message}`);
  }
}

function state(demoId: string, model: AnyModel, base: Params, raw: { params?: Params; seed?: number; replicates?: number }, fallback: { seed: number; replicates: number }, maxReplicates: number): DemoState {
  let params: Params;
  try {
    params = validateParams(model.schema, { ...base, ...(raw.params ?? {}) });
  } catch (error) {
    throw new DemoConfigError(demoId, (error as Error).message);
  }
  const seed = raw.seed ?? fallback.seed;
  const replicates = raw.replicates ?? fallback.replicates;
  try {
    checkRunOptions({ seed, replicates });
  } catch (error) {
    throw new DemoConfigError(demoId, (error as Error).message);
  }
  if (replicates > maxReplicates) throw new DemoConfigError(demoId, `replicates ${replicates} exceeds maxReplicates ${maxReplicates}`);
  return { params, seed, replicates };
}

/** Validates a demo description against its model. Throws DemoConfigError naming the demo. */
export function resolveDemo(input: DemoInput, model: AnyModel): DemoConfig {
  const id = input.id;
  if (typeof id !== "string" || !ID.test(id)) throw new DemoConfigError(String(id), "id must match [a-z][a-z0-9-]* (it prefixes URL keys)");
  for (const key of RESERVED_KEYS) {
    if (key in model.schema.params) throw new DemoConfigError(id, `model parameter "${key}" clashes with a reserved URL key`);
  }
  const maxReplicates = input.maxReplicates ?? DEFAULT_MAX_REPLICATES;
  if (!Number.isInteger(maxReplicates) || maxReplicates < 1 || maxReplicates > MAX_REPLICATES) {
    throw new DemoConfigError(id, `maxReplicates must be an integer in [1, ${MAX_REPLICATES}]`);
  }
  const keepPaths = input.keepPaths ?? DEFAULT_KEEP_PATHS;
  if (!Number.isInteger(keepPaths) || keepPaths < 0 || keepPaths > 5) throw new DemoConfigError(id, "keepPaths must be an integer in [0, 5]");

  const base = defaultParams(model.schema);
  const initial = state(id, model, base, input, { seed: DEFAULT_SEED, replicates: DEFAULT_REPLICATES }, maxReplicates);
  const presets: Preset[] = [{ id: "default", label: "Default", state: initial }];
  for (const p of input.presets ?? []) {
    if (typeof p.id !== "string" || !ID.test(p.id)) throw new DemoConfigError(id, `preset id ${JSON.stringify(p.id)} must match [a-z][a-z0-9-]*`);
    if (presets.some((q) => q.id === p.id)) throw new DemoConfigError(id, `duplicate preset id "${p.id}"`);
    if (typeof p.label !== "string" || p.label.trim() === "") throw new DemoConfigError(id, `preset "${p.id}" needs a label`);
    const s = state(id, model, initial.params, p, initial, maxReplicates);
    presets.push({ id: p.id, label: p.label, ...(p.note ? { note: p.note } : {}), state: s });
  }

  const available = new Set(model.metrics(initial.params).map((m) => m.name));
  const views: ViewSpec[] = input.views ?? (input.metrics ?? [...available]).map((metric) => ({ kind: "fan" as const, metric }));
  if (views.length === 0) throw new DemoConfigError(id, "needs at least one metric or view");
  const keys = new Set<string>();
  for (const v of views) {
    if (!VIEW_KINDS.includes(v.kind)) throw new DemoConfigError(id, `unknown view kind ${JSON.stringify(v.kind)} (known: ${VIEW_KINDS.join(", ")})`);
    for (const metric of viewMetrics(v)) {
      if (!available.has(metric)) throw new DemoConfigError(id, `model ${model.id} has no metric "${metric}" (has ${[...available].join(", ")})`);
    }
    // The bar chart replays one run's p_t, which only the categorical model can trace.
    if (v.kind === "bars" && model.id !== "categorical") throw new DemoConfigError(id, `view "bars" needs the categorical model, not ${model.id}`);
    if (v.kind === "shares" && (!Array.isArray(v.metrics) || v.metrics.length < 2)) throw new DemoConfigError(id, `view "shares" needs at least two metrics`);
    // The text view replays one run's generated text, which only the n-gram model produces.
    if (v.kind === "text" && model.id !== "ngram") throw new DemoConfigError(id, `view "text" needs the ngram model, not ${model.id}`);
    if (v.kind === "lines" && (v.metrics.length === 0 || (v.labels && v.labels.length !== v.metrics.length))) {
      throw new DemoConfigError(id, `view "lines" needs at least one metric and, if given, one label per metric`);
    }
    if (v.kind === "points" && !v.xLabel) throw new DemoConfigError(id, `view "points" of ${v.metric} needs an xLabel`);
    if (v.kind === "pair" && (!Array.isArray(v.metrics) || v.metrics.length !== 2 || !Array.isArray(v.labels) || v.labels.length !== 2)) throw new DemoConfigError(id, `view "pair" needs two metrics and two labels`);
    const key = viewKey(v);
    if (keys.has(key)) throw new DemoConfigError(id, `two views draw the same chart (${key})`);
    keys.add(key);
  }
  if (input.controls) {
    for (const name of input.controls) {
      if (!(name in model.schema.params)) throw new DemoConfigError(id, `controls: model ${model.id} has no parameter "${name}"`);
    }
  }
  return {
    id,
    model: model.id,
    views,
    presets,
    keepPaths,
    maxReplicates,
    ...(input.controls ? { controls: [...input.controls] } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.equation ? { equation: input.equation } : {}),
  };
}

/** Same state? (params compared by their values, lists element-wise) */
export function sameState(a: DemoState, b: DemoState): boolean {
  if (a.seed !== b.seed || a.replicates !== b.replicates) return false;
  const keys = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  for (const k of keys) {
    const x = a.params[k], y = b.params[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

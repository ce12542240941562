/**
 * What the live island needs to know about its model, serialised by Demo.astro at build time so the
 * island never imports the model registry (only the Web Worker does): the label, the parameter schema
 * without its functions, and the metric specs at the demo's default parameters.
 *
 * A schema's functions cannot cross into island props: a text parameter's `parse` and the schema's
 * cross-parameter `check`. On the island, text values are therefore only length-checked, and the
 * worker has the final word (`SimApi.coerce`), so a bad text value or an inconsistent combination
 * still ends in a notice and a valid run.
 */
import type { AnyModel, MetricSpec } from "../core/model";
import type { AnySpec, Params, Schema, TextSpec } from "../core/schema";

/** A parameter spec as JSON: a text spec loses its parse function. */
export type WireSpec = Exclude<AnySpec, TextSpec> | Omit<TextSpec, "parse">;

export interface ModelInfo {
  id: string;
  label: string;
  params: Record<string, WireSpec>;
  /** The model's metrics at the demo's default parameters (labels, units, help of the charts). */
  metrics: MetricSpec[];
}

/** Build time: the JSON-safe description of a model for the island. */
export function modelInfo(model: AnyModel, defaults: Params): ModelInfo {
  const params: Record<string, WireSpec> = {};
  for (const [name, spec] of Object.entries(model.schema.params) as [string, AnySpec][]) {
    if (spec.type === "text") {
      const { parse: _parse, ...rest } = spec;
      params[name] = rest;
    } else params[name] = spec;
  }
  const metrics = (model.metrics(defaults) as MetricSpec[]).map(({ name, label, help, unit }) => ({ name, label, help, ...(unit !== undefined ? { unit } : {}) }));
  return { id: model.id, label: model.label, params: JSON.parse(JSON.stringify(params)) as Record<string, WireSpec>, metrics };
}

/**
 * Island side: a schema usable by the controls and the URL codec. Text values pass through trimmed
 * (parseParam still enforces maxLength); the worker validates them for real.
 */
export function islandSchema(info: ModelInfo): Schema<Params> {
  const params: Record<string, AnySpec> = {};
  for (const [name, spec] of Object.entries(info.params)) {
    params[name] = spec.type === "text" ? { ...spec, parse: (text: string) => text } : spec;
  }
  return { params } as Schema<Params>;
}

/** Model lookup by id for the demo shell (island, worker and build-time figure). */
import type { AnyModel } from "../core/model";
import { models } from "../core/models/index";

export function lookupModel(id: string): AnyModel {
  const model = Object.hasOwn(models, id) ? models[id] : undefined;
  if (!model) throw new Error(`unknown model "${id}" (known: ${Object.keys(models).join(", ")})`);
  return model;
}

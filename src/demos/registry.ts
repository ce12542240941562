/** Model lookup by id for the demo shell (island, worker and build-time figure). */
import type { AnyModel } from "../core/model";
import { coinModel } from "./dev-model";

const MODELS: Record<string, AnyModel> = { [coinModel.id]: coinModel };

export function lookupModel(id: string): AnyModel {
  const model = Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
  if (!model) throw new Error(`unknown model "${id}" (known: ${Object.keys(MODELS).join(", ")})`);
  return model;
}

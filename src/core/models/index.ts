/** The model registry: every simulation the demos, workers and the command-line runner can run, by id. */
import type { AnyModel } from "../model";
import { gaussian } from "./gaussian";
import { regression } from "./regression";

export const models: Record<string, AnyModel> = {
  [gaussian.id]: gaussian,
  [regression.id]: regression,
};

export { gaussian, regression };

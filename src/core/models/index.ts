/** The model registry: every simulation the demos, workers and the command-line runner can run, by id. */
import type { AnyModel } from "../model";
import { bounded } from "./bounded";
import { categorical } from "./categorical";
import { dpi } from "./dpi";
import { dpiSample } from "./dpi-sample";
import { gaussian } from "./gaussian";
import { groundingSweep } from "./grounding-sweep";
import { regression } from "./regression";

export const models: Record<string, AnyModel> = {
  [categorical.id]: categorical,
  [bounded.id]: bounded,
  [gaussian.id]: gaussian,
  [regression.id]: regression,
  [dpi.id]: dpi,
  [groundingSweep.id]: groundingSweep,
  [dpiSample.id]: dpiSample,
};

export { bounded, categorical, dpi, dpiSample, gaussian, groundingSweep, regression };

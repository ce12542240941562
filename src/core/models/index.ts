/** The model registry: every simulation the demos, workers and the command-line runner can run, by id. */
import type { AnyModel } from "../model";
import { bounded } from "./bounded";
import { categorical } from "./categorical";
import { collapseTime } from "./collapse-time";
import { dpi } from "./dpi";
import { gaussian } from "./gaussian";
import { regression } from "./regression";
import { tailCut } from "./tail-cut";
import { winner } from "./winner";

export const models: Record<string, AnyModel> = {
  [categorical.id]: categorical,
  [bounded.id]: bounded,
  [gaussian.id]: gaussian,
  [regression.id]: regression,
  [dpi.id]: dpi,
  [winner.id]: winner,
  [collapseTime.id]: collapseTime,
  [tailCut.id]: tailCut,
};

export { bounded, categorical, collapseTime, dpi, gaussian, regression, tailCut, winner };

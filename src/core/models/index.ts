/** The model registry: every simulation the demos, workers and the command-line runner can run, by id. */
import type { AnyModel } from "../model";
import { bounded } from "./bounded";
import { categorical } from "./categorical";
import { dpi } from "./dpi";
import { gaussian } from "./gaussian";
import { policyGradient } from "./policy-gradient";
import { regression } from "./regression";
import { verifier } from "./verifier";
import { bestOfN } from "./best-of-n";

export const models: Record<string, AnyModel> = {
  [categorical.id]: categorical,
  [bounded.id]: bounded,
  [gaussian.id]: gaussian,
  [regression.id]: regression,
  [dpi.id]: dpi,
  [verifier.id]: verifier,
  [policyGradient.id]: policyGradient,
  [bestOfN.id]: bestOfN,
};

export { bestOfN, bounded, categorical, dpi, gaussian, policyGradient, regression, verifier };

/** The model registry: every simulation the demos, workers and the command-line runner can run, by id. */
import type { AnyModel } from "../model";
import { bestOfN } from "./best-of-n";
import { bounded } from "./bounded";
import { categorical } from "./categorical";
import { collapseTime } from "./collapse-time";
import { dpi } from "./dpi";
import { dpiSample } from "./dpi-sample";
import { fixation } from "./fixation";
import { families } from "./families";
import { gaussian } from "./gaussian";
import { groundingSweep } from "./grounding-sweep";
import { kde } from "./kde";
import { mechanismLoop } from "./mechanism-loop";
import { mixture } from "./mixture";
import { ngram } from "./ngram";
import { policyGradient } from "./policy-gradient";
import { regression } from "./regression";
import { tailCut } from "./tail-cut";
import { verifier } from "./verifier";
import { winner } from "./winner";

export const models: Record<string, AnyModel> = {
  // Chapters 2–5 and 7: the self-training loop and its experiments.
  [categorical.id]: categorical,
  [bounded.id]: bounded,
  [gaussian.id]: gaussian,
  [regression.id]: regression,
  [dpi.id]: dpi,
  [winner.id]: winner,
  [collapseTime.id]: collapseTime,
  [tailCut.id]: tailCut,
  [groundingSweep.id]: groundingSweep,
  [dpiSample.id]: dpiSample,
  // Chapter 6: other model families.
  [mixture.id]: mixture,
  [kde.id]: kde,
  [ngram.id]: ngram,
  [families.id]: families,
  // Chapter 8: verifiers and RL.
  [verifier.id]: verifier,
  [policyGradient.id]: policyGradient,
  [bestOfN.id]: bestOfN,
  [fixation.id]: fixation,
  // Chapters 11–12: mechanisms.
  [mechanismLoop.id]: mechanismLoop,
};

export {
  bestOfN, bounded, categorical, collapseTime, dpi, dpiSample, families, fixation, gaussian, groundingSweep, kde, mechanismLoop, mixture, ngram, policyGradient,
  regression, tailCut, verifier, winner,
};

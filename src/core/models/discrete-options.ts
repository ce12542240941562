/** Enum parameter specs shared by the discrete models (categorical, bounded). */
import type { EnumSpec } from "../schema";
import type { Sampling, Workflow } from "./categorical-sim";

export const samplingSpec: EnumSpec<Sampling> = {
  type: "enum",
  label: "Mixing",
  help: "iid: each draw is real with probability α_t; stratified: exactly round(α_t n) real draws.",
  options: [
    { value: "iid", label: "i.i.d. mixture" },
    { value: "stratified", label: "stratified" },
  ],
  default: "iid",
};

export const workflowSpec: EnumSpec<Workflow> = {
  type: "enum",
  label: "Data workflow",
  help: "replace: train on the newest data; accumulate: keep all data; accumulate-subsample: n draws without replacement from all data.",
  options: [
    { value: "replace", label: "replace" },
    { value: "accumulate", label: "accumulate" },
    { value: "accumulate-subsample", label: "accumulate, subsample n" },
  ],
  default: "replace",
};

/**
 * Schedules for α_t, the exogenous ("real data") fraction at generation t (paper-math §2.4).
 *
 * Every non-constant schedule starts at α_0 = 1 (the first training set is all real data) and
 * decays: "inverse" 1/(t+1) (the real fraction of the "accumulate" workflow, Σα = ∞),
 * "inverse-square" t^-2 with α_0 = 1 (summable: Borel–Cantelli closes the loop a.s.),
 * "geometric" ratio^t (summable for ratio < 1). "custom" uses alphaList[t] and holds its last value.
 */
import { ParamError } from "./errors";
import type { EnumSpec, FloatSpec, ListSpec } from "./schema";
import { pow } from "./math";

export type ScheduleKind = "constant" | "inverse" | "inverse-square" | "geometric" | "custom";

/** The schedule part of a model's parameters (names match the CLI flags). */
export interface ScheduleParams {
  /** α for the "constant" schedule. */
  alpha: number;
  schedule: ScheduleKind;
  /** r of the "geometric" schedule α_t = r^t. */
  ratio: number;
  /** α_0, α_1, … for the "custom" schedule (last value held). */
  alphaList: number[];
}

/** α_t for one generation t ≥ 0; always in [0, 1]. */
export function alphaAt(s: ScheduleParams, t: number): number {
  switch (s.schedule) {
    case "constant":
      return s.alpha;
    case "inverse":
      return 1 / (t + 1);
    case "inverse-square":
      return t === 0 ? 1 : 1 / (t * t);
    case "geometric":
      return pow(s.ratio, t);
    case "custom": {
      const list = s.alphaList;
      if (list.length === 0) throw new ParamError("alphaList", "at least one value in [0, 1]", "an empty list");
      return list[Math.min(t, list.length - 1)]!;
    }
  }
}

/** α_0..α_{count−1} as a typed array (precomputed once per replicate, read in the hot loop). */
export function alphaSeries(s: ScheduleParams, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let t = 0; t < count; t++) out[t] = alphaAt(s, t);
  return out;
}

/** ∏_{s<t} (1 − α_s) for t = 0..count−1: the factor by which E p_t − π* shrinks (§2.4 iv). */
export function survivingBias(s: ScheduleParams, count: number): Float64Array {
  const out = new Float64Array(count);
  let prod = 1;
  for (let t = 0; t < count; t++) {
    out[t] = prod;
    prod *= 1 - alphaAt(s, t);
  }
  return out;
}

/** Schema entries shared by every model with an α schedule. */
export const scheduleSchema: {
  alpha: FloatSpec;
  schedule: EnumSpec<ScheduleKind>;
  ratio: FloatSpec;
  alphaList: ListSpec;
} = {
  alpha: {
    type: "float",
    label: "Real-data fraction α",
    help: "Share of each generation's training data drawn from the truth (used by the constant schedule).",
    unit: "α",
    min: 0,
    max: 1,
    step: 0.001,
    default: 0,
  },
  schedule: {
    type: "enum",
    label: "α schedule",
    help: "How α_t changes over generations: constant α, 1/(t+1), t^-2, ratio^t, or a custom list.",
    options: [
      { value: "constant", label: "constant α" },
      { value: "inverse", label: "1/(t+1)" },
      { value: "inverse-square", label: "t⁻²" },
      { value: "geometric", label: "ratioᵗ" },
      { value: "custom", label: "custom list" },
    ],
    default: "constant",
  },
  ratio: {
    type: "float",
    label: "Geometric ratio r",
    help: "α_t = r^t for the geometric schedule.",
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.9,
  },
  alphaList: {
    type: "list",
    label: "Custom α_t list",
    help: "α_0, α_1, … for the custom schedule; the last value is held.",
    minLength: 1,
    maxLength: 10_000,
    min: 0,
    max: 1,
    default: [0],
  },
};

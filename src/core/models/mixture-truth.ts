/**
 * The true distribution π* of the `mixture` and `kde` models: a 1-D Gaussian mixture chosen by preset or
 * given as three lists. Shared parameter specs, so both models accept exactly the same truths.
 */
import { ParamError } from "../errors";
import type { EnumSpec, ListSpec } from "../schema";
import { makeMixture, type Mixture } from "../theory/mixture-density";

export type TruthPreset = "bimodal" | "trimodal" | "skewed" | "custom";

/** Weights, means and standard deviations of the presets. */
export const TRUTH_PRESETS: Record<Exclude<TruthPreset, "custom">, { w: number[]; mu: number[]; sd: number[] }> = {
  bimodal: { w: [0.5, 0.5], mu: [-2, 2], sd: [0.6, 0.6] },
  trimodal: { w: [0.3, 0.4, 0.3], mu: [-3, 0, 3], sd: [0.5, 0.8, 0.5] },
  skewed: { w: [0.7, 0.3], mu: [0, 2.5], sd: [1, 0.5] },
};

export const MAX_TRUTH_COMPONENTS = 8;

export type TruthParams = {
  truth: TruthPreset;
  weights: number[];
  means: number[];
  sds: number[];
};

const list = (label: string, help: string, min: number, max: number, def: number[]): ListSpec => ({
  type: "list", label, help, minLength: 1, maxLength: MAX_TRUTH_COMPONENTS, min, max, default: def,
});

/** Spread into a model schema. */
export const truthSchema: { truth: EnumSpec<TruthPreset>; weights: ListSpec; means: ListSpec; sds: ListSpec } = {
  truth: {
    type: "enum",
    label: "True distribution π*",
    help: "A preset mixture, or custom (the weights, means and sds lists).",
    options: [
      { value: "bimodal", label: "Bimodal: ½N(−2, 0.6²) + ½N(2, 0.6²)" },
      { value: "trimodal", label: "Trimodal: 0.3N(−3, 0.5²) + 0.4N(0, 0.8²) + 0.3N(3, 0.5²)" },
      { value: "skewed", label: "Skewed: 0.7N(0, 1) + 0.3N(2.5, 0.5²)" },
      { value: "custom", label: "Custom (lists)" },
    ],
    default: "bimodal",
  },
  weights: list("Custom weights", "Component weights of a custom truth (normalised; used when truth = custom).", 0.001, 1000, [0.5, 0.5]),
  means: list("Custom means", "Component means of a custom truth (same length as weights).", -50, 50, [-2, 2]),
  sds: list("Custom standard deviations", "Component standard deviations of a custom truth (same length as weights).", 0.05, 20, [0.6, 0.6]),
};

/** Throws ParamError unless the custom lists have equal lengths (checked whatever the preset, so links stay valid if it changes). */
export function checkTruth(p: TruthParams): void {
  const k = p.weights.length;
  if (p.means.length !== k) throw new ParamError("means", `${k} numbers (as many as weights)`, `${p.means.length} numbers`);
  if (p.sds.length !== k) throw new ParamError("sds", `${k} numbers (as many as weights)`, `${p.sds.length} numbers`);
}

/** The truth as a mixture. */
export function resolveTruth(p: TruthParams): Mixture {
  if (p.truth === "custom") return makeMixture(p.weights, p.means, p.sds);
  const t = TRUTH_PRESETS[p.truth];
  return makeMixture(t.w, t.mu, t.sd);
}

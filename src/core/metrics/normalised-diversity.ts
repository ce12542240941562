/**
 * One diversity scale for the chapter-6 comparison chart (eq:normalised-diversity): every family's "effective
 * support" divided by its generation-0 value, the normalised diversity ν_t, so all curves start at 1.
 *
 * The effective support is the exponential of the family's entropy, i.e. the size of a uniform distribution with the same
 * entropy: perplexity for discrete models, effective length of the support for densities.
 *
 * | model | metric used | ν_t |
 * |---|---|---|
 * | categorical | `entropy` (bits) | 2^(H_t − H_0): effective number of categories |
 * | gaussian | `logSigma2` | exp((ℓ_t − ℓ_0)/2) = σ_t/σ_0 (a normal's exp-entropy is σ√(2πe)) |
 * | mixture, kde | `entropy` (nats) | exp(h_t − h_0): effective support length |
 * | ngram | `entropy` (bits/char) | 2^(H_t − H_0): per-character perplexity |
 *
 * Applied to one replicate's paths it gives that run's curve; applied to ensemble means of the metric it
 * gives exp of the mean entropy (a geometric-type average), which is what the chart should say it shows.
 */
import { ParamError } from "../errors";
import { exp } from "../math";

export interface DiversitySpec {
  /** Metric the ratio is computed from. */
  metric: string;
  /** How the metric maps to the log of the effective support: bits → ln 2 · H, nats → h, halfLog → ℓ/2. */
  scale: "bits" | "nats" | "halfLog";
  /** Short description for legends. */
  label: string;
}

export const DIVERSITY_METRICS: Readonly<Record<string, DiversitySpec>> = {
  categorical: { metric: "entropy", scale: "bits", label: "perplexity 2^H (effective categories)" },
  gaussian: { metric: "logSigma2", scale: "halfLog", label: "σ_t (∝ exp of differential entropy)" },
  mixture: { metric: "entropy", scale: "nats", label: "exp of differential entropy (effective support length)" },
  kde: { metric: "entropy", scale: "nats", label: "exp of differential entropy (effective support length)" },
  ngram: { metric: "entropy", scale: "bits", label: "per-character perplexity 2^H" },
};

const FACTOR = { bits: Math.LN2, nats: 1, halfLog: 0.5 } as const;

/**
 * ν_t for t = 0..T from a model's metric series (one replicate's paths, or ensemble means).
 * Throws ParamError for a model without a diversity metric or a missing series.
 */
export function normalisedDiversity(modelId: string, series: Readonly<Record<string, ArrayLike<number>>>): Float64Array {
  const spec = Object.hasOwn(DIVERSITY_METRICS, modelId) ? DIVERSITY_METRICS[modelId] : undefined;
  if (!spec) throw new ParamError("model", `one of ${Object.keys(DIVERSITY_METRICS).join(" | ")}`, JSON.stringify(String(modelId).slice(0, 40)));
  const values = series[spec.metric];
  if (!values || values.length === 0) throw new ParamError(spec.metric, `a non-empty series of metric ${spec.metric}`, "nothing");
  const f = FACTOR[spec.scale];
  const base = values[0]!;
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) out[t] = exp(f * (values[t]! - base));
  return out;
}

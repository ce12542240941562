/**
 * Shapes a RunResult into the rows a fan chart draws, and into the sentence that describes it. Pure:
 * used by the live island and by the build-time figure, so both say the same thing.
 */
import type { RunResult } from "../core/ensemble";
import type { MetricSpec } from "../core/model";
import { formatNumber } from "./format";

export interface FanRow {
  x: number;
  mean: number;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}
export interface PointRow {
  x: number;
  y: number;
  /** Sample path index, or the series name for overlays. */
  series: number | string;
}

export interface FanData {
  rows: FanRow[];
  paths: PointRow[];
  theory: PointRow[];
}

/**
 * Rows of one metric up to generation index `upto` (inclusive; default: all), so playback can reveal
 * a run generation by generation. Non-finite values are dropped rather than drawn as spikes.
 */
export function fanData(result: RunResult, metric: string, upto = Number.POSITIVE_INFINITY): FanData {
  const series = result.metrics[metric];
  if (!series) throw new Error(`result has no metric "${metric}"`);
  const last = Math.min(result.generations.length - 1, upto);
  const rows: FanRow[] = [];
  for (let g = 0; g <= last; g++) {
    const row = {
      x: result.generations[g]!,
      mean: series.mean[g]!,
      q05: series.q05[g]!,
      q25: series.q25[g]!,
      q50: series.q50[g]!,
      q75: series.q75[g]!,
      q95: series.q95[g]!,
    };
    if (Object.values(row).every(Number.isFinite)) rows.push(row);
  }
  const paths: PointRow[] = [];
  (result.paths[metric] ?? []).forEach((path, r) => {
    for (let g = 0; g <= last && g < path.length; g++) {
      const y = path[g]!;
      if (Number.isFinite(y)) paths.push({ x: result.generations[g]!, y, series: r });
    }
  });
  const theory: PointRow[] = [];
  const curve = result.theory[metric];
  // Theory is drawn over the whole axis even during playback: it is the prediction being tested.
  if (curve) {
    curve.forEach((y, g) => {
      if (g < result.generations.length && Number.isFinite(y)) theory.push({ x: result.generations[g]!, y, series: "theory" });
    });
  }
  return { rows, paths, theory };
}

/** "Entropy H(p_t)" → "entropy H(p_t)", but names stay: "Gini–Simpson G" and "KL divergence" keep their capitals. */
export function lowerFirst(label: string): string {
  const first = label.split(/\s/)[0] ?? "";
  return /\p{Lu}/u.test(first.slice(1)) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function withUnit(value: number, unit?: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/**
 * One or two sentences for screen readers and the no-JS page, e.g. "After 200 generations, mean
 * entropy is 0.41 bits (theory 0.40); 90% of 500 replicates lie between 0.30 and 0.52 bits."
 */
export function describeFan(result: RunResult, metric: MetricSpec, upto = Number.POSITIVE_INFINITY, xLabel = "generations"): string {
  const series = result.metrics[metric.name];
  if (!series || result.generations.length === 0) return `No results for ${metric.label}.`;
  const g = Math.min(result.generations.length - 1, upto);
  const x = result.generations[g]!;
  const name = lowerFirst(metric.label);
  const theory = result.theory[metric.name]?.[g];
  const start = series.mean[0]!;
  const parts = [
    // Generations read as "After 200 generations"; a swept axis (n, θ, …) as "At n = 200".
    xLabel === "generations"
      ? `After ${x} ${x === 1 ? "generation" : xLabel}, mean ${name} is ${withUnit(series.mean[g]!, metric.unit)}`
      : `At ${xLabel} = ${formatNumber(x)}, mean ${name} is ${withUnit(series.mean[g]!, metric.unit)}`,
    theory !== undefined && Number.isFinite(theory) ? ` (theory ${formatNumber(theory)})` : "",
    g > 0 && Number.isFinite(start) ? `, from ${formatNumber(start)} at the start` : "",
    ".",
  ];
  if (result.replicates > 1) {
    parts.push(` 90% of ${result.replicates} replicates lie between ${formatNumber(series.q05[g]!)} and ${withUnit(series.q95[g]!, metric.unit)}.`);
  }
  return parts.join("");
}

/**
 * Pair chart: two metrics of one run over generations in one chart (for example the same quantity for
 * two learners run side by side), each as its simulated mean with a band, plus the model's theory for
 * either (dashed, drawn last). The first series is drawn solid in the mean colour, the second dotted in the compare
 * colour, so they differ in print and for colour-blind readers. Bands: 5–95% of replicates, or, for
 * rates (means of 0/1 metrics), the 95% interval of the mean (±1.96 SE).
 * A pinned run A adds its two means only (no bands), in the compare colour, thin, told apart by dash
 * pattern: long dashes for the first series, dash-dot for the second (the legend says which).
 */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../core/ensemble";
import type { MetricSpec } from "../core/model";
import { lowerFirst } from "../demos/chart-data";
import { formatNumber } from "../demos/format";
import type { PairView } from "../demos/types";
import { pinnedLegend, pinnedLine } from "./compare";
import { CHART_HEIGHT, type LegendItem } from "./fan";
import { axes, frameBase, framedPlot, hidden } from "./frame";
import { COLOR, OPACITY } from "./palette";

export interface PairRow {
  x: number;
  mean: number;
  lo: number;
  hi: number;
  series: 0 | 1;
}

export interface PairData {
  rows: PairRow[];
  theory: { x: number; y: number; series: string }[];
}

/** Dash patterns of pinned run A's two series (B's second series is already dotted). */
export const PAIR_PINNED_DASH = ["8 3", "8 3 1.5 3"] as const;

function band(result: RunResult, metric: string, g: number, kind: "quantiles" | "ci"): [number, number] {
  const s = result.metrics[metric]!;
  if (kind === "ci") return [s.mean[g]! - 1.96 * s.se[g]!, s.mean[g]! + 1.96 * s.se[g]!];
  return [s.q05[g]!, s.q95[g]!];
}

/** Rows of both metrics up to generation index `upto`; theory over the whole axis. */
export function pairData(result: RunResult, view: PairView, upto = Number.POSITIVE_INFINITY): PairData {
  const last = Math.min(result.generations.length - 1, upto);
  const rows: PairRow[] = [];
  view.metrics.forEach((metric, i) => {
    const s = result.metrics[metric];
    if (!s) throw new Error(`result has no metric "${metric}"`);
    for (let g = 0; g <= last; g++) {
      const [lo, hi] = band(result, metric, g, view.band ?? "quantiles");
      const row = { x: result.generations[g]!, mean: s.mean[g]!, lo, hi, series: i as 0 | 1 };
      if ([row.mean, lo, hi].every(Number.isFinite)) rows.push(row);
    }
  });
  const theory: PairData["theory"] = [];
  for (const metric of view.metrics) {
    result.theory[metric]?.forEach((y, g) => {
      if (g < result.generations.length && Number.isFinite(y)) theory.push({ x: result.generations[g]!, y, series: metric });
    });
  }
  return { rows, theory };
}

/** Domain covering the data's bands, means and theory, and the means of a pinned run `compare`. */
export function pairExtent(d: PairData, compare?: PairData): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const r of d.rows) { lo = Math.min(lo, r.lo, r.mean); hi = Math.max(hi, r.hi, r.mean); }
  for (const r of compare?.rows ?? []) { lo = Math.min(lo, r.mean); hi = Math.max(hi, r.mean); }
  for (const p of d.theory) { lo = Math.min(lo, p.y); hi = Math.max(hi, p.y); }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

export function pairChart(o: { data: PairData; compare?: PairData; ariaLabel: string; yLabel: string; xLabel: string; xDomain: [number, number]; yDomain: [number, number]; width?: number; height?: number; document?: Document }): SVGSVGElement {
  const a = o.data.rows.filter((r) => r.series === 0);
  const b = o.data.rows.filter((r) => r.series === 1);
  const marks: Plot.Markish[] = [
    Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
    Plot.areaY(b, { ...hidden, x: "x", y1: "lo", y2: "hi", fill: COLOR.compare, fillOpacity: OPACITY.compareBand + 0.04 }),
    Plot.areaY(a, { ...hidden, x: "x", y1: "lo", y2: "hi", fill: COLOR.band, fillOpacity: OPACITY.outer + 0.04 }),
    Plot.lineY(b, { ...hidden, x: "x", y: "mean", stroke: COLOR.compare, strokeWidth: 2.4, strokeDasharray: "1.5 3" }),
    Plot.lineY(a, { ...hidden, x: "x", y: "mean", stroke: COLOR.mean, strokeWidth: 2.2 }),
  ];
  if (o.compare) {
    for (const series of [0, 1] as const) {
      const rows = o.compare.rows.filter((r) => r.series === series);
      marks.push(Plot.lineY(rows, { ...pinnedLine, x: "x", y: "mean", strokeWidth: 1.6, strokeDasharray: PAIR_PINNED_DASH[series] }));
    }
  }
  // Theory on top: a bound near 1 would otherwise hide under a mean that sits at 1.
  marks.push(Plot.lineY(o.data.theory, { ...hidden, x: "x", y: "y", z: "series", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }));
  return framedPlot({
    ...frameBase(o, CHART_HEIGHT),
    x: { domain: o.xDomain, label: null },
    y: { domain: o.yDomain, label: null },
    marks: [...marks, ...axes(o.xLabel, o.yLabel)],
  });
}

export function pairLegend(view: PairView, hasTheory: boolean, compareLabel?: string): LegendItem[] {
  const bandText = view.band === "ci" ? "mean, 95% interval" : "mean, 5–95% of replicates";
  const items: LegendItem[] = [
    { key: "first", label: `${view.labels[0]} (${bandText})`, color: COLOR.mean, shape: "line" },
    { key: "second", label: `${view.labels[1]} (${bandText})`, color: COLOR.compare, shape: "dotted" },
  ];
  if (hasTheory) items.push({ key: "theory", label: view.theoryLabel ?? "Theory", color: COLOR.theory, shape: "dashed" });
  if (compareLabel !== undefined) {
    items.push(
      pinnedLegend(compareLabel, `${view.labels[0]}, mean, long dashes`, "compare0", PAIR_PINNED_DASH[0]),
      pinnedLegend(compareLabel, `${view.labels[1]}, mean, dash-dot`, "compare1", PAIR_PINNED_DASH[1]),
    );
  }
  return items;
}

/** E.g. "After 50 generations, mean error to truth: hybrid 0.000, distributional 0.161 (theory …)." */
export function describePair(result: RunResult, view: PairView, metrics: MetricSpec[], upto = Number.POSITIVE_INFINITY): string {
  if (result.generations.length === 0) return "No results.";
  const g = Math.min(result.generations.length - 1, upto);
  const label = (name: string) => metrics.find((m) => m.name === name)?.label ?? name;
  const what = view.title ?? label(view.metrics[0]);
  const parts = view.metrics.map((metric, i) => {
    const s = result.metrics[metric];
    if (!s) return `${view.labels[i]}: no result`;
    const [lo, hi] = band(result, metric, g, view.band ?? "quantiles");
    const th = result.theory[metric]?.[g];
    const bandText = view.band === "ci" ? `95% interval ${formatNumber(lo)} to ${formatNumber(hi)}` : `90% of runs between ${formatNumber(lo)} and ${formatNumber(hi)}`;
    return `${view.labels[i]} ${formatNumber(s.mean[g]!)} (${bandText}${th !== undefined && Number.isFinite(th) ? `; ${lowerFirst(view.theoryLabel ?? "theory")} ${formatNumber(th)}` : ""})`;
  });
  const x = result.generations[g]!;
  return `After ${x} ${x === 1 ? "generation" : "generations"}, ${lowerFirst(what)}, mean over ${result.replicates} replicates: ${parts.join("; ")}.`;
}

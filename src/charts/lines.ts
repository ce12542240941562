/**
 * Several metrics of one run on one chart (chapter 6: normalised diversity of five model families): the
 * simulated mean of each metric as a solid line, labelled at its right end (so the series read without
 * colour), its theory curve dashed where the model has one, and a pinned run A dotted.
 */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../core/ensemble";
import type { MetricSpec } from "../core/model";
import { formatNumber } from "../demos/format";
import type { LinesView } from "../demos/types";
import { CHART_HEIGHT, CHART_WIDTH, type LegendItem } from "./fan";
import { COLOR } from "./palette";

/** Series colours (fixed: readable on light and dark backgrounds and in print; end labels carry the names). */
export const SERIES_COLORS = ["#2563eb", "#c2410c", "#059669", "#9333ea", "#be185d", "#0e7490", "#a16207", "#4b5563"] as const;

export interface LinesRow {
  x: number;
  y: number;
  series: string;
}

export interface LinesData {
  names: string[];
  mean: LinesRow[];
  theory: LinesRow[];
  /** Mean at the last generation shown, per series (NaN when missing). */
  last: number[];
  lastX: number;
  lastTheory: (number | undefined)[];
}

const hidden = { ariaHidden: "true" } as const;

/** Names used in the legend and the end labels. */
export function lineNames(view: LinesView, metrics: MetricSpec[]): string[] {
  return view.metrics.map((m, i) => view.labels?.[i] ?? metrics.find((s) => s.name === m)?.label ?? m);
}

export function linesData(result: RunResult, view: LinesView, names: string[], upto = Number.POSITIVE_INFINITY): LinesData {
  const lastIndex = Math.max(0, Math.min(result.generations.length - 1, upto));
  const mean: LinesRow[] = [];
  const theory: LinesRow[] = [];
  const last: number[] = [];
  const lastTheory: (number | undefined)[] = [];
  view.metrics.forEach((metric, i) => {
    const series = names[i]!;
    const s = result.metrics[metric];
    for (let g = 0; g <= lastIndex && s; g++) {
      const y = s.mean[g]!;
      if (Number.isFinite(y)) mean.push({ x: result.generations[g]!, y, series });
    }
    last.push(s ? s.mean[lastIndex]! : Number.NaN);
    const curve = result.theory[metric];
    // Theory is drawn over the whole axis even during playback: it is the prediction being tested.
    curve?.forEach((y, g) => {
      if (g < result.generations.length && Number.isFinite(y)) theory.push({ x: result.generations[g]!, y, series });
    });
    lastTheory.push(curve?.[lastIndex]);
  });
  return { names, mean, theory, last, lastX: result.generations[lastIndex] ?? 0, lastTheory };
}

export function linesChart(o: {
  data: LinesData;
  compare?: LinesData;
  ariaLabel: string;
  yLabel: string;
  xLabel: string;
  xDomain: [number, number];
  yDomain?: [number, number];
  document?: Document;
}): SVGSVGElement {
  const { data } = o;
  const domain = data.names;
  const range = domain.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]!);
  const ends = data.names.map((series) => {
    const rows = data.mean.filter((r) => r.series === series);
    return rows[rows.length - 1];
  }).filter((r): r is LinesRow => r !== undefined);
  // End labels: nudged apart so that no two overlap (at least 13 px), keeping their order.
  const [lo, hi] = o.yDomain ?? linesDomain(data) ?? [0, 1];
  const height = CHART_HEIGHT + 40, plotHeight = height - 56;
  const gap = (13 * (hi - lo)) / plotHeight;
  const labels = ends.map((r) => ({ ...r, ly: r.y })).sort((a, b) => a.ly - b.ly);
  for (let i = 1; i < labels.length; i++) labels[i]!.ly = Math.max(labels[i]!.ly, labels[i - 1]!.ly + gap);
  const overflow = labels.length ? labels[labels.length - 1]!.ly - hi : 0;
  if (overflow > 0) for (const l of labels) l.ly -= overflow;
  const marks: Plot.Markish[] = [Plot.gridY({ ...hidden, strokeOpacity: 0.12 })];
  if (o.compare) marks.push(Plot.lineY(o.compare.mean, { ...hidden, x: "x", y: "y", z: "series", stroke: COLOR.compare, strokeWidth: 1.6, strokeDasharray: "1.5 3" }));
  marks.push(
    Plot.lineY(data.theory, { ...hidden, x: "x", y: "y", z: "series", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
    Plot.lineY(data.mean, { ...hidden, x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 2.2 }),
    Plot.text(labels, { ...hidden, x: "x", y: "ly", text: "series", fill: "series", textAnchor: "start", dx: 6, fontSize: 11, clip: false }),
    Plot.axisX({ ...hidden, label: o.xLabel, labelAnchor: "right", labelArrow: "none" }),
    Plot.axisY({ ...hidden, label: o.yLabel, labelAnchor: "top", labelArrow: "none" }),
  );
  const svg = Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: o.ariaLabel,
    width: CHART_WIDTH,
    height,
    marginLeft: 56,
    marginRight: 150,
    marginBottom: 36,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    x: { domain: o.xDomain, label: null },
    y: { domain: [lo, hi], label: null },
    color: { domain, range },
    marks,
  }) as SVGSVGElement;
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("aria-hidden", "true");
  return svg;
}

export function linesLegend(names: string[], o: { hasTheory: boolean; compareLabel?: string }): LegendItem[] {
  const items: LegendItem[] = names.map((label, i) => ({ key: `series-${i}`, label: `${label} (mean)`, color: SERIES_COLORS[i % SERIES_COLORS.length]!, shape: "line" }));
  if (o.hasTheory) items.push({ key: "theory", label: "Theory (exact)", color: COLOR.theory, shape: "dashed" });
  if (o.compareLabel) items.push({ key: "compare", label: `Pinned A: ${o.compareLabel} (means)`, color: COLOR.compare, shape: "dotted" });
  return items;
}

/** "After 100 generations, the means are: Categorical 0.42, Gaussian 0.61 (theory 0.61), … (200 replicates)." */
export function describeLines(data: LinesData, replicates: number, yName: string): string {
  const parts = data.names.map((name, i) => {
    const th = data.lastTheory[i];
    return `${name} ${formatNumber(data.last[i]!)}${th !== undefined && Number.isFinite(th) ? ` (theory ${formatNumber(th)})` : ""}`;
  });
  const when = data.lastX === 1 ? "After 1 generation" : `After ${data.lastX} generations`;
  return `${when}, mean ${yName} by series: ${parts.join("; ")} (${replicates} replicates).`;
}

/** A y domain covering the whole run (and the pinned run), so playback does not rescale the axis. */
export function linesDomain(...datas: (LinesData | undefined)[]): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (const d of datas) {
    if (!d) continue;
    for (const r of [...d.mean, ...d.theory]) { lo = Math.min(lo, r.y); hi = Math.max(hi, r.y); }
  }
  if (!Number.isFinite(lo)) return undefined;
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.04;
  return [Math.min(0, lo - pad), hi + pad];
}

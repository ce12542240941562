/**
 * Fan chart of one metric over generations: 5–95% and 25–75% bands, the simulated mean, a few sample
 * paths and, when the model has one, the theory curve (dashed). Optionally overlays a pinned run "A".
 * The same function draws the build-time figure (with a server-side `document`) and the live one.
 */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../core/ensemble";
import type { MetricSpec } from "../core/model";
import { fanData, type FanData } from "../demos/chart-data";
import type { FanView } from "../demos/types";
import { axes, frameBase, framedPlot, hidden } from "./frame";
import { COLOR, OPACITY } from "./palette";

export interface FanChartOptions {
  data: FanData;
  /** Pinned run drawn underneath for comparison (mean line and 5–95% band). */
  compare?: FanData;
  /** Accessible name of the svg, e.g. "Fan chart of entropy over 200 generations". */
  ariaLabel: string;
  yLabel: string;
  xLabel?: string;
  /** Fixed domains keep the axes still during playback and between runs. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  width?: number;
  height?: number;
  /** A DOM `document` for server-side rendering (linkedom); the browser's by default. */
  document?: Document;
}

export interface LegendItem {
  /** Unique within one legend (other chart kinds add their own keys). */
  key: string;
  label: string;
  color: string;
  /** How the swatch is drawn. */
  shape: "line" | "dashed" | "dotted" | "band" | "thin";
  opacity?: number;
  /** Dash pattern of a line swatch, overriding the shape's (the pair chart's two pinned series). */
  dash?: string;
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;


export function fanChart(o: FanChartOptions): SVGSVGElement {
  const { rows, paths, theory } = o.data;
  const marks: Plot.Markish[] = [Plot.gridY({ ...hidden, strokeOpacity: 0.12 })];
  if (o.compare) {
    marks.push(
      Plot.areaY(o.compare.rows, { ...hidden, x: "x", y1: "q05", y2: "q95", fill: COLOR.compare, fillOpacity: OPACITY.compareBand }),
      // Dotted as well as coloured, so A and B differ in print and for colour-blind readers.
      Plot.lineY(o.compare.rows, { ...hidden, x: "x", y: "mean", stroke: COLOR.compare, strokeWidth: 2.2, strokeDasharray: "1.5 3" }),
    );
  }
  marks.push(
    Plot.areaY(rows, { ...hidden, x: "x", y1: "q05", y2: "q95", fill: COLOR.band, fillOpacity: OPACITY.outer }),
    Plot.areaY(rows, { ...hidden, x: "x", y1: "q25", y2: "q75", fill: COLOR.band, fillOpacity: OPACITY.inner }),
    Plot.lineY(paths, { ...hidden, x: "x", y: "y", z: "series", stroke: COLOR.path, strokeOpacity: OPACITY.path, strokeWidth: 0.8 }),
    Plot.lineY(theory, { ...hidden, x: "x", y: "y", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
    Plot.lineY(rows, { ...hidden, x: "x", y: "mean", stroke: COLOR.mean, strokeWidth: 2.2 }),
    ...axes(o.xLabel ?? "Generation", o.yLabel),
  );
  return framedPlot({
    ...frameBase(o, CHART_HEIGHT),
    x: { domain: o.xDomain, label: null },
    y: { domain: o.yDomain, label: null, nice: !o.yDomain },
    marks,
  });
}

/** Legend entries matching what fanChart draws for these inputs (rendered as HTML by the shell). */
export function fanLegend(o: { hasPaths: boolean; hasTheory: boolean; compareLabel?: string; currentLabel?: string }): LegendItem[] {
  const items: LegendItem[] = [
    { key: "mean", label: o.currentLabel ? `Mean (${o.currentLabel})` : "Simulated mean", color: COLOR.mean, shape: "line" },
    { key: "inner", label: "25–75% of replicates", color: COLOR.band, shape: "band", opacity: OPACITY.inner },
    { key: "outer", label: "5–95% of replicates", color: COLOR.band, shape: "band", opacity: OPACITY.outer },
  ];
  if (o.hasPaths) items.push({ key: "paths", label: "Sample runs", color: COLOR.path, shape: "thin", opacity: OPACITY.path });
  if (o.hasTheory) items.push({ key: "theory", label: "Theory", color: COLOR.theory, shape: "dashed" });
  if (o.compareLabel) items.push({ key: "compare", label: `Pinned A: ${o.compareLabel} (mean, 5–95%)`, color: COLOR.compare, shape: "dotted" });
  return items;
}

/** Domain covering all finite values of the data (and the overlay), for a still y axis. */
export function fanExtent(...datas: (FanData | undefined)[]): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (const d of datas) {
    if (!d) continue;
    for (const r of d.rows) { lo = Math.min(lo, r.q05, r.mean); hi = Math.max(hi, r.q95, r.mean); }
    for (const p of d.paths) { lo = Math.min(lo, p.y); hi = Math.max(hi, p.y); }
    for (const p of d.theory) { lo = Math.min(lo, p.y); hi = Math.max(hi, p.y); }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

/**
 * Chart options for one view of a run (shared by the build-time figure and the live island). Axes are
 * fixed to the full run (and the pinned run) so playback and comparisons do not rescale them.
 */
export function fanViewOptions(
  view: FanView,
  metric: MetricSpec,
  result: RunResult,
  o: { upto?: number; compare?: RunResult } = {},
): Omit<FanChartOptions, "document"> {
  const full = fanData(result, view.metric);
  const data = o.upto === undefined ? full : fanData(result, view.metric, o.upto);
  const compare = o.compare?.metrics[view.metric] ? fanData(o.compare, view.metric) : undefined;
  const xs = [...result.generations, ...(o.compare?.generations ?? [])];
  const xLabel = view.xLabel ?? "Generation";
  const yLabel = view.yLabel ?? (metric.unit ? `${metric.label} (${metric.unit})` : metric.label);
  return {
    data,
    ...(compare ? { compare } : {}),
    ariaLabel: `${view.title ?? metric.label}: fan chart over ${result.generations.length - 1} ${xLabel.toLowerCase()}s, ${result.replicates} replicates, seed ${result.seed}${compare ? ", with pinned run A" : ""}`,
    yLabel,
    xLabel,
    ...(xs.length ? { xDomain: [Math.min(...xs), Math.max(...xs)] as [number, number] } : {}),
    ...((view.yDomain ?? fanExtent(full, compare)) ? { yDomain: view.yDomain ?? fanExtent(full, compare)! } : {}),
  };
}

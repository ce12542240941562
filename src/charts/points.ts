/**
 * Experiment chart: the mean of a metric at each x (a category, a sample size n or T) with a 95%
 * interval (mean ± 1.96 SE over replicates), against theory (dashed) and optional extra theory series
 * (dotted, e.g. a diffusion approximation or a floor). With `bars`, the means are drawn as a histogram.
 */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../core/ensemble";
import { formatNumber } from "../demos/format";
import type { PointsView } from "../demos/types";
import type { LegendItem } from "./fan";
import { axes, frameBase, framedPlot, hidden } from "./frame";
import { COLOR, OPACITY } from "./palette";

export interface PointRowCI {
  x: number;
  mean: number;
  lo: number;
  hi: number;
}
export interface PointsData {
  rows: PointRowCI[];
  theory: { x: number; y: number; series: string }[];
  extra: { x: number; y: number; series: string }[];
}

export function pointsData(result: RunResult, view: PointsView, upto = Number.POSITIVE_INFINITY): PointsData {
  const s = result.metrics[view.metric];
  if (!s) throw new Error(`result has no metric "${view.metric}"`);
  const last = Math.min(result.generations.length - 1, upto);
  const rows: PointRowCI[] = [];
  for (let g = 0; g <= last; g++) {
    const half = 1.96 * s.se[g]!;
    const row = { x: result.generations[g]!, mean: s.mean[g]!, lo: s.mean[g]! - half, hi: s.mean[g]! + half };
    if (Object.values(row).every(Number.isFinite)) rows.push(row);
  }
  const series = (key: string, name: string) =>
    (result.theory[key] ?? []).flatMap((y, g) => (g < result.generations.length && Number.isFinite(y) ? [{ x: result.generations[g]!, y, series: name }] : []));
  return {
    rows,
    theory: series(view.metric, "theory"),
    extra: (view.extra ?? []).flatMap((e) => series(`${view.metric}:${e.key}`, e.key)),
  };
}

export function pointsChart(o: { data: PointsData; compare?: PointsData; view: PointsView; ariaLabel: string; yLabel: string; xDomain: [number, number]; yDomain: [number, number]; width?: number; height?: number; document?: Document }): SVGSVGElement {
  const { rows, theory, extra } = o.data;
  const v = o.view;
  const marks: Plot.Markish[] = [Plot.gridY({ ...hidden, strokeOpacity: 0.12 })];
  if (o.compare) {
    marks.push(Plot.lineY(o.compare.rows, { ...hidden, x: "x", y: "mean", stroke: COLOR.compare, strokeWidth: 2.2, strokeDasharray: "1.5 3" }));
  }
  if (v.bars) {
    marks.push(
      Plot.rectY(rows, { ...hidden, x1: (r: PointRowCI) => r.x - 0.35, x2: (r: PointRowCI) => r.x + 0.35, y: "mean", fill: COLOR.band, fillOpacity: OPACITY.inner + 0.35 }),
      Plot.ruleX(rows, { ...hidden, x: "x", y1: "lo", y2: "hi", stroke: COLOR.mean, strokeWidth: 1.6 }),
      Plot.link(theory, { ...hidden, x1: (d: { x: number }) => d.x - 0.42, x2: (d: { x: number }) => d.x + 0.42, y1: "y", y2: "y", stroke: COLOR.theory, strokeWidth: 2, strokeDasharray: "4 3" }),
      Plot.ruleY([0], hidden),
    );
  } else {
    marks.push(
      Plot.lineY(theory, { ...hidden, x: "x", y: "y", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
      Plot.lineY(extra, { ...hidden, x: "x", y: "y", z: "series", stroke: COLOR.path, strokeWidth: 1.6, strokeDasharray: "1.5 3" }),
      Plot.ruleX(rows, { ...hidden, x: "x", y1: "lo", y2: "hi", stroke: COLOR.mean, strokeWidth: 1.6 }),
      Plot.dot(rows, { ...hidden, x: "x", y: "mean", fill: COLOR.mean, r: 3.5 }),
    );
  }
  marks.push(...axes(v.xLabel, o.yLabel, v.bars ? { ticks: rows.map((r) => r.x), tickFormat: "d" } : {}));
  return framedPlot({
    ...frameBase(o, 280),
    x: { domain: o.xDomain, label: null, ...(v.logX ? { type: "log" as const } : {}) },
    y: { domain: o.yDomain, label: null, ...(v.logY ? { type: "log" as const } : { nice: true }) },
    marks,
  });
}

/** Axis extents over data, theory and the pinned run; log axes keep only positive values. */
export function pointsDomains(view: PointsView, ...datas: (PointsData | undefined)[]): { x: [number, number]; y: [number, number] } {
  let xl = Infinity, xh = -Infinity, yl = Infinity, yh = -Infinity;
  const okY = (y: number) => Number.isFinite(y) && (!view.logY || y > 0);
  for (const d of datas) {
    if (!d) continue;
    for (const r of d.rows) {
      xl = Math.min(xl, r.x); xh = Math.max(xh, r.x);
      for (const y of [r.lo, r.hi, r.mean]) if (okY(y)) { yl = Math.min(yl, y); yh = Math.max(yh, y); }
    }
    for (const p of [...d.theory, ...d.extra]) {
      xl = Math.min(xl, p.x); xh = Math.max(xh, p.x);
      if (okY(p.y)) { yl = Math.min(yl, p.y); yh = Math.max(yh, p.y); }
    }
  }
  if (!Number.isFinite(xl)) { xl = 0; xh = 1; }
  if (!Number.isFinite(yl)) { yl = view.logY ? 1e-3 : 0; yh = 1; }
  if (view.bars) { xl -= 0.6; xh += 0.6; yl = Math.min(0, yl); }
  else if (view.logX) { xl /= 1.15; xh *= 1.15; }
  else { const pad = (xh - xl || 1) * 0.04; xl -= pad; xh += pad; }
  if (view.logY) { yl /= 1.3; yh *= 1.3; }
  else { const pad = (yh - yl || 1) * 0.06; yl = view.bars ? yl : yl - pad; yh += pad; }
  return { x: [xl, xh], y: [yl, yh] };
}

export function pointsLegend(view: PointsView, o: { hasTheory: boolean; compareLabel?: string }): LegendItem[] {
  const items: LegendItem[] = [
    view.bars
      ? { key: "mean", label: "Simulated share of runs", color: COLOR.band, shape: "band", opacity: OPACITY.inner + 0.35 }
      : { key: "mean", label: "Simulated mean", color: COLOR.mean, shape: "line" },
    { key: "inner", label: "95% interval (± 1.96 SE)", color: COLOR.mean, shape: "thin" },
  ];
  if (o.hasTheory) items.push({ key: "theory", label: view.theoryLabel ?? "Theory (exact)", color: COLOR.theory, shape: "dashed" });
  for (const e of view.extra ?? []) items.push({ key: `extra-${e.key}`, label: e.label, color: COLOR.path, shape: "dotted" });
  if (o.compareLabel) items.push({ key: "compare", label: `Pinned A: ${o.compareLabel} (mean)`, color: COLOR.compare, shape: "dotted" });
  return items;
}

export function describePoints(data: PointsData, view: PointsView, replicates: number, unit?: string): string {
  if (data.rows.length === 0) return "No results.";
  const u = unit ? ` ${unit}` : "";
  const parts = data.rows.map((r) => {
    const th = data.theory.find((p) => p.x === r.x);
    return `${view.xLabel} ${r.x}: ${formatNumber(r.mean)}${u} (95% interval ${formatNumber(r.lo)} to ${formatNumber(r.hi)}${th ? `; theory ${formatNumber(th.y)}` : ""})`;
  });
  return `Means over ${replicates} replicates. ${parts.join("; ")}.`;
}

/**
 * Stacked area of the variance within runs (ensemble mean of s_t²) and between runs (variance of m_t
 * across replicates), chapter 4. Their sum is conserved in the closed loop (E s_t² + Var m_t = s₀²);
 * theory lines (dashed) mark the exact boundary between the layers and the exact total.
 */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../core/ensemble";
import { formatNumber } from "../demos/format";
import type { StackView } from "../demos/types";
import type { LegendItem } from "./fan";
import { pinnedLegend, pinnedLine } from "./compare";
import { axes, frameBase, framedPlot, hidden } from "./frame";
import { COLOR, OPACITY } from "./palette";

export interface StackRow {
  x: number;
  within: number;
  between: number;
}

export interface StackData {
  rows: StackRow[];
  /** Theory of the lower boundary (E s_t²) and of the top (E s_t² + Var m_t), when known. */
  theoryWithin: { x: number; y: number }[];
  theoryTotal: { x: number; y: number }[];
}

/** Between-run variance = sample variance across replicates = se² · R (se uses the R − 1 divisor). */
export function stackData(result: RunResult, view: StackView, upto = Number.POSITIVE_INFINITY): StackData {
  const w = result.metrics[view.within], b = result.metrics[view.between];
  if (!w || !b) throw new Error(`result lacks "${view.within}" or "${view.between}"`);
  const last = Math.min(result.generations.length - 1, upto);
  const R = result.replicates;
  const rows: StackRow[] = [];
  for (let g = 0; g <= last; g++) {
    const raw = R > 1 ? b.se[g]! ** 2 * R : 0;
    // Identical values across runs (generation 0) leave rounding dust like 2e-28: show it as 0.
    const between = raw < 1e-12 * Math.max(1, Math.abs(w.mean[g]!)) ? 0 : raw;
    const row = { x: result.generations[g]!, within: w.mean[g]!, between };
    if (Number.isFinite(row.within) && Number.isFinite(row.between)) rows.push(row);
  }
  const tw = result.theory[view.within], tb = result.theory[`${view.between}:var`];
  const theoryWithin: StackData["theoryWithin"] = [], theoryTotal: StackData["theoryTotal"] = [];
  result.generations.forEach((x, g) => {
    if (tw && Number.isFinite(tw[g]!)) theoryWithin.push({ x, y: tw[g]! });
    if (tw && tb && Number.isFinite(tw[g]! + tb[g]!)) theoryTotal.push({ x, y: tw[g]! + tb[g]! });
  });
  return { rows, theoryWithin, theoryTotal };
}

/** Largest total (within + between, or the theory total) of the data: the top of the y axis. */
export function stackMax(...datas: (StackData | undefined)[]): number {
  let yMax = 0;
  for (const d of datas) {
    for (const r of d?.rows ?? []) yMax = Math.max(yMax, r.within + r.between);
    for (const p of d?.theoryTotal ?? []) yMax = Math.max(yMax, p.y);
  }
  return yMax;
}

/** `compare`: pinned run A, drawn as its total (dotted) and its within-run boundary (thin dotted). */
export function stackChart(o: { data: StackData; compare?: StackData; ariaLabel: string; yLabel: string; xLabel: string; xDomain: [number, number]; yMax: number; width?: number; height?: number; document?: Document }): SVGSVGElement {
  const long = o.data.rows.flatMap((r) => [
    { x: r.x, y: r.within, layer: "within" },
    { x: r.x, y: r.between, layer: "between" },
  ]);
  const marks: Plot.Markish[] = [
    Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
    Plot.areaY(long, { ...hidden, x: "x", y: "y", fill: "layer", z: "layer", fillOpacity: OPACITY.inner + 0.2, order: ["within", "between"] }),
    Plot.lineY(o.data.theoryTotal, { ...hidden, x: "x", y: "y", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
    Plot.lineY(o.data.theoryWithin, { ...hidden, x: "x", y: "y", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
  ];
  if (o.compare) {
    const total = o.compare.rows.map((r) => ({ x: r.x, y: r.within + r.between }));
    marks.push(
      Plot.lineY(total, { ...pinnedLine, x: "x", y: "y", strokeWidth: 2.4 }),
      Plot.lineY(o.compare.rows, { ...pinnedLine, x: "x", y: "within", strokeWidth: 1.2 }),
    );
  }
  return framedPlot({
    ...frameBase(o, 280),
    x: { domain: o.xDomain, label: null },
    y: { domain: [0, o.yMax], label: null },
    color: { domain: ["within", "between"], range: [COLOR.band, COLOR.compare] },
    marks: [...marks, ...axes(o.xLabel, o.yLabel)],
  });
}

export function stackLegend(view: StackView, hasTheory: boolean, compareLabel?: string): LegendItem[] {
  const items: LegendItem[] = [
    { key: "inner", label: view.withinLabel ?? `Within runs: mean of ${view.within}`, color: COLOR.band, shape: "band", opacity: OPACITY.inner + 0.2 },
    { key: "outer", label: view.betweenLabel ?? `Between runs: variance of ${view.between}`, color: COLOR.compare, shape: "band", opacity: OPACITY.inner + 0.2 },
  ];
  if (hasTheory) items.push({ key: "theory", label: "Theory: boundary and total (exact)", color: COLOR.theory, shape: "dashed" });
  if (compareLabel !== undefined) items.push(pinnedLegend(compareLabel, "total variance, dotted; within runs, thin dotted"));
  return items;
}

export function describeStack(data: StackData, replicates: number): string {
  const last = data.rows[data.rows.length - 1];
  if (!last) return "No results.";
  const first = data.rows[0]!;
  const total = data.theoryTotal.find((p) => p.x === last.x);
  return `At ${last.x} generations, within-run variance is ${formatNumber(last.within)} and between-run variance ${formatNumber(last.between)} (total ${formatNumber(last.within + last.between)}${total ? `, theory ${formatNumber(total.y)}` : ""}), from ${formatNumber(first.within)} and ${formatNumber(first.between)} at the start; ${replicates} replicates.`;
}

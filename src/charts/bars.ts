/**
 * Bar chart of one run's distribution p_t over the categories (chapter 3, the categorical loop), with
 * the theory E p_t = p₀ as dashed ticks. The run is replicate 1 (stream 0), traced by the core in the
 * worker (src/demos/bars-trace.ts), so the bars are the same run as the first sample path in the fans.
 */
import * as Plot from "@observablehq/plot";
import type { CategoricalTrace } from "../core/models/categorical";
import { formatNumber } from "../demos/format";
import type { LegendItem } from "./fan";
import { PINNED_CLASS, pinnedLegend, pinnedLine } from "./compare";
import { axes, frameBase, framedPlot, hidden } from "./frame";
import { COLOR, OPACITY } from "./palette";

export interface BarsChartOptions {
  trace: CategoricalTrace;
  /** Generation index to show (clamped to the trace). */
  t: number;
  /** Pinned run A: its trace and the generation index shown (A's K may differ: the x axis covers both). */
  compare?: { trace: CategoricalTrace; t: number };
  ariaLabel: string;
  yLabel: string;
  xLabel: string;
  width?: number;
  height?: number;
  document?: Document;
}

export function frameAt(trace: CategoricalTrace, t: number): Float64Array {
  const g = Math.max(0, Math.min(trace.generations, t));
  return trace.frames.subarray(g * trace.K, (g + 1) * trace.K);
}

function maxFrame(trace: CategoricalTrace): number {
  let m = 0;
  for (let i = 0; i < trace.frames.length; i++) m = Math.max(m, trace.frames[i]!);
  return m;
}

export function barsChart(o: BarsChartOptions): SVGSVGElement {
  const { trace, compare } = o;
  const K = Math.max(trace.K, compare?.trace.K ?? 0);
  const p = frameAt(trace, o.t);
  const p0 = frameAt(trace, 0);
  const yMax = Math.max(maxFrame(trace), compare ? maxFrame(compare.trace) : 0);
  const bars = Array.from(p, (y, i) => ({ x1: i + 0.6, x2: i + 1.4, y }));
  const ticks = Array.from(p0, (y, i) => ({ x1: i + 0.55, x2: i + 1.45, y }));
  const marks: Plot.Markish[] = [
    Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
    Plot.rectY(bars, { ...hidden, x1: "x1", x2: "x2", y: "y", fill: COLOR.band, fillOpacity: OPACITY.inner + 0.35 }),
    Plot.link(ticks, { ...hidden, x1: "x1", x2: "x2", y1: "y", y2: "y", stroke: COLOR.theory, strokeWidth: 2, strokeDasharray: "4 3" }),
  ];
  if (compare) {
    // A's p_t at the same generation: a dotted tick and a dot per category, over B's bars.
    const a = Array.from(frameAt(compare.trace, compare.t), (y, i) => ({ x: i + 1, x1: i + 0.62, x2: i + 1.38, y }));
    marks.push(
      Plot.link(a, { ...pinnedLine, x1: "x1", x2: "x2", y1: "y", y2: "y", strokeWidth: 2.4 }),
      Plot.dot(a, { ...hidden, className: PINNED_CLASS, x: "x", y: "y", r: 2.8, fill: COLOR.compare }),
    );
  }
  marks.push(Plot.ruleY([0], { ...hidden }), ...axes(o.xLabel, o.yLabel));
  return framedPlot({
    ...frameBase(o, 260),
    x: { domain: [0.5, K + 0.5], label: null, ticks: K <= 20 ? Array.from({ length: K }, (_, i) => i + 1) : undefined, tickFormat: "d" },
    y: { domain: [0, Math.max(yMax, 1e-9) * 1.05], label: null },
    marks,
  });
}

export function barsLegend(compareLabel?: string): LegendItem[] {
  const items: LegendItem[] = [
    { key: "mean", label: "p_t of one run (sample run 1)", color: COLOR.band, shape: "band", opacity: OPACITY.inner + 0.35 },
    { key: "theory", label: "Theory: E p_t = p₀", color: COLOR.theory, shape: "dashed" },
  ];
  if (compareLabel !== undefined) items.push(pinnedLegend(compareLabel, "p_t of its sample run 1, same generation"));
  return items;
}

export function describeBars(trace: CategoricalTrace, t: number): string {
  const g = Math.max(0, Math.min(trace.generations, t));
  const p = frameAt(trace, g);
  let alive = 0, best = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i]! > 0) alive++;
    if (p[i]! > p[best]!) best = i;
  }
  return `Generation ${g} of sample run 1: ${alive} of ${trace.K} categories left; the largest is category ${best + 1} with p = ${formatNumber(p[best]!)} (p₀ = ${formatNumber(frameAt(trace, 0)[best]!)}).`;
}

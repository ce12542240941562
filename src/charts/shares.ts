/**
 * Stacked area of class shares (chapter 8, the verifier loop): the ensemble mean of each share metric
 * (`share:correct`, `share:hack`, …), stacked in the order given, so the layers fill [0, 1] when the shares
 * sum to 1. Theory (dashed): the cumulative boundaries of theory[metric] when the model has every one of them,
 * otherwise of theory[`${metric}:${view.theorySuffix}`] (e.g. the population limit N → ∞).
 */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../core/ensemble";
import { formatNumber } from "../demos/format";
import type { SharesView } from "../demos/types";
import { pinnedLegend, pinnedLine } from "./compare";
import type { LegendItem } from "./fan";
import { axes, frameBase, framedPlot, hidden } from "./frame";
import { COLOR, OPACITY } from "./palette";

export interface SharesData {
  /** Layer names in stacking order (the view's labels or the metric names). */
  layers: string[];
  /** Long rows: one per generation and layer, the mean share. */
  rows: { x: number; y: number; layer: string }[];
  /** Cumulative theory boundaries (one series per layer except the last), when known. */
  theory: { x: number; y: number; boundary: string }[];
  /** Theory share of each layer at the last generation drawn (empty when none). */
  theoryLast: number[];
  /** "exact", "suffix" (theory[`metric:suffix`]) or "none". */
  theorySource: "exact" | "suffix" | "none";
}

/** Layer fills, cycled: the three demo colours that are not the theory red. */
const FILLS = [COLOR.band, COLOR.compare, COLOR.path, COLOR.mean];

export function sharesLayerNames(view: SharesView): string[] {
  return view.metrics.map((m, i) => view.labels?.[i] ?? m.replace(/^share:/, ""));
}

export function sharesData(result: RunResult, view: SharesView, upto = Number.POSITIVE_INFINITY): SharesData {
  const layers = sharesLayerNames(view);
  const last = Math.min(result.generations.length - 1, upto);
  const rows: SharesData["rows"] = [];
  for (let g = 0; g <= last; g++) {
    view.metrics.forEach((m, i) => {
      const s = result.metrics[m];
      if (!s) throw new Error(`result has no metric "${m}"`);
      const y = s.mean[g]!;
      if (Number.isFinite(y)) rows.push({ x: result.generations[g]!, y, layer: layers[i]! });
    });
  }
  const exact = view.metrics.every((m) => result.theory[m]);
  const suffixed = !exact && view.theorySuffix !== undefined && view.metrics.every((m) => result.theory[`${m}:${view.theorySuffix}`]);
  const curves = exact ? view.metrics.map((m) => result.theory[m]!) : suffixed ? view.metrics.map((m) => result.theory[`${m}:${view.theorySuffix}`]!) : [];
  const theory: SharesData["theory"] = [];
  if (curves.length) {
    result.generations.forEach((x, g) => {
      let acc = 0;
      for (let i = 0; i < curves.length - 1; i++) {
        acc += curves[i]![g]!;
        if (Number.isFinite(acc)) theory.push({ x, y: acc, boundary: layers[i]! });
      }
    });
  }
  const theoryLast = curves.map((c) => c[last]!);
  return { layers, rows, theory, theoryLast, theorySource: exact ? "exact" : suffixed ? "suffix" : "none" };
}

/** Cumulative boundaries of the mean shares (every layer but the last), e.g. correct, correct + hack. */
export function shareBoundaries(data: SharesData): { x: number; y: number; boundary: string }[] {
  const out: { x: number; y: number; boundary: string }[] = [];
  const acc = new Map<number, number>();
  const inner = new Set(data.layers.slice(0, -1));
  for (const r of data.rows) {
    if (!inner.has(r.layer)) continue;
    const y = (acc.get(r.x) ?? 0) + r.y;
    acc.set(r.x, y);
    out.push({ x: r.x, y, boundary: r.layer });
  }
  return out;
}

/** `compare`: pinned run A, drawn as its cumulative share boundaries (dotted). */
export function sharesChart(o: { data: SharesData; compare?: SharesData; ariaLabel: string; yLabel: string; xLabel: string; xDomain: [number, number]; width?: number; height?: number; document?: Document }): SVGSVGElement {
  const { layers } = o.data;
  const marks: Plot.Markish[] = [
    Plot.areaY(o.data.rows, { ...hidden, x: "x", y: "y", fill: "layer", z: "layer", fillOpacity: OPACITY.inner + 0.25, order: layers }),
    Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
    Plot.lineY(o.data.theory, { ...hidden, x: "x", y: "y", z: "boundary", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
  ];
  if (o.compare) marks.push(Plot.lineY(shareBoundaries(o.compare), { ...pinnedLine, x: "x", y: "y", z: "boundary", strokeWidth: 2.4 }));
  return framedPlot({
    ...frameBase(o, 280),
    x: { domain: o.xDomain, label: null },
    y: { domain: [0, 1], label: null },
    color: { domain: layers, range: layers.map((_, i) => FILLS[i % FILLS.length]!) },
    marks: [...marks, ...axes(o.xLabel, o.yLabel)],
  });
}

export function sharesLegend(view: SharesView, data: SharesData, compareLabel?: string): LegendItem[] {
  const items: LegendItem[] = data.layers.map((label, i) => ({ key: `layer${i}`, label: `Mean share: ${label}`, color: FILLS[i % FILLS.length]!, shape: "band" as const, opacity: OPACITY.inner + 0.25 }));
  if (data.theorySource !== "none") {
    const label = data.theorySource === "exact" ? "Theory: boundaries between classes (exact)" : (view.theoryLabel ?? `Boundaries between classes (${view.theorySuffix})`);
    items.push({ key: "theory", label, color: COLOR.theory, shape: "dashed" });
  }
  if (compareLabel !== undefined) items.push(pinnedLegend(compareLabel, "boundaries between its mean shares"));
  return items;
}

export function describeShares(data: SharesData, replicates: number): string {
  const lastX = data.rows[data.rows.length - 1]?.x;
  if (lastX === undefined) return "No results.";
  const firstX = data.rows[0]!.x;
  const at = (x: number) => data.layers.map((l) => `${l} ${formatNumber(data.rows.find((r) => r.x === x && r.layer === l)?.y ?? NaN)}`).join(", ");
  const th = data.theoryLast.length
    ? ` (${data.theorySource === "exact" ? "theory" : "N → ∞ limit"} ${data.layers.map((l, i) => `${l} ${formatNumber(data.theoryLast[i]!)}`).join(", ")})`
    : "";
  return `Mean class shares at round ${lastX}: ${at(lastX)}${th}; at round ${firstX}: ${at(firstX)}; ${replicates} replicates.`;
}

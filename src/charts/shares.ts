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
import type { LegendItem } from "./fan";
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

const hidden = { ariaHidden: "true" } as const;
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

export function sharesChart(o: { data: SharesData; ariaLabel: string; yLabel: string; xLabel: string; xDomain: [number, number]; width?: number; height?: number; document?: Document }): SVGSVGElement {
  const { layers } = o.data;
  const svg = Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: o.ariaLabel,
    width: o.width ?? 640,
    height: o.height ?? 280,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 36,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    x: { domain: o.xDomain, label: null },
    y: { domain: [0, 1], label: null },
    color: { domain: layers, range: layers.map((_, i) => FILLS[i % FILLS.length]!) },
    marks: [
      Plot.areaY(o.data.rows, { ...hidden, x: "x", y: "y", fill: "layer", z: "layer", fillOpacity: OPACITY.inner + 0.25, order: layers }),
      Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
      Plot.lineY(o.data.theory, { ...hidden, x: "x", y: "y", z: "boundary", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
      Plot.axisX({ ...hidden, label: o.xLabel, labelAnchor: "right", labelArrow: "none" }),
      Plot.axisY({ ...hidden, label: o.yLabel, labelAnchor: "top", labelArrow: "none" }),
    ],
  }) as SVGSVGElement;
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("aria-hidden", "true");
  return svg;
}

export function sharesLegend(view: SharesView, data: SharesData): LegendItem[] {
  const items: LegendItem[] = data.layers.map((label, i) => ({ key: `layer${i}`, label: `Mean share: ${label}`, color: FILLS[i % FILLS.length]!, shape: "band" as const, opacity: OPACITY.inner + 0.25 }));
  if (data.theorySource !== "none") {
    const label = data.theorySource === "exact" ? "Theory: boundaries between classes (exact)" : (view.theoryLabel ?? `Boundaries between classes (${view.theorySuffix})`);
    items.push({ key: "theory", label, color: COLOR.theory, shape: "dashed" });
  }
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

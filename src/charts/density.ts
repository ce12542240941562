/**
 * Densities N(μ_t, σ_t²) of one run (the first replicate, sample run 1 of the fans) at a few
 * generations up to the playhead (chapter 4, Gaussian refit). Theory: the generation-0 density,
 * dashed. Curves taller than the axis are clipped, so a collapsing σ_t shows as a spike at μ_t.
 */
import * as Plot from "@observablehq/plot";
import type { RunResult } from "../core/ensemble";
import { formatNumber } from "../demos/format";
import type { DensityView } from "../demos/types";
import type { LegendItem } from "./fan";
import { axes, framedPlot, hidden } from "./frame";
import { COLOR } from "./palette";

export interface DensityCurve {
  generation: number;
  mu: number;
  sigma: number;
}

export interface DensityData {
  curves: DensityCurve[];
  initial: DensityCurve | null;
}

const POINTS = 161;

/** Generations drawn: evenly spaced from 0 to the playhead (inclusive), at most `count`. */
export function densityData(result: RunResult, view: DensityView, upto = Number.POSITIVE_INFINITY): DensityData {
  const mu = result.paths[view.mean]?.[0], v = result.paths[view.variance]?.[0];
  if (!mu || !v || mu.length === 0) return { curves: [], initial: null };
  const last = Math.min(mu.length - 1, upto);
  const count = Math.max(2, Math.min(8, view.curves ?? 5));
  const picks = new Set<number>();
  for (let i = 0; i < count; i++) picks.add(Math.round((last * i) / (count - 1)));
  const at = (g: number): DensityCurve => ({ generation: result.generations[g]!, mu: mu[g]!, sigma: Math.sqrt(v[g]!) });
  const curves = [...picks].sort((a, b) => a - b).map(at).filter((c) => Number.isFinite(c.mu) && Number.isFinite(c.sigma));
  return { curves, initial: at(0) };
}

function pdf(x: number, c: DensityCurve): number {
  if (!(c.sigma > 0)) return 0;
  const z = (x - c.mu) / c.sigma;
  return Math.exp(-0.5 * z * z) / (c.sigma * Math.sqrt(2 * Math.PI));
}

export function densityChart(o: { data: DensityData; full: DensityData; ariaLabel: string; xLabel: string; width?: number; height?: number; document?: Document }): SVGSVGElement {
  const init = o.full.initial;
  // x range: the initial density ±4σ₀, widened to every drawn mean of the whole run (axes stay still).
  let lo = init ? init.mu - 4 * init.sigma : -4, hi = init ? init.mu + 4 * init.sigma : 4;
  for (const c of o.full.curves) { lo = Math.min(lo, c.mu - 0.5); hi = Math.max(hi, c.mu + 0.5); }
  const peak0 = init && init.sigma > 0 ? 1 / (init.sigma * Math.sqrt(2 * Math.PI)) : 1;
  const yMax = peak0 * 4;
  const xs = Array.from({ length: POINTS }, (_, i) => lo + ((hi - lo) * i) / (POINTS - 1));
  const rows = o.data.curves.flatMap((c) => {
    // Add the mean itself so a narrow spike is not missed between grid points.
    const grid = [...xs, c.mu].sort((a, b) => a - b);
    return grid.map((x) => ({ x, y: Math.min(pdf(x, c), yMax * 1.02), series: `t = ${c.generation}` }));
  });
  // Label only the first and the last curve: collapsed spikes would stack their labels.
  const ends = o.data.curves.length > 1 ? [o.data.curves[0]!, o.data.curves[o.data.curves.length - 1]!] : o.data.curves;
  const labels = ends.map((c) => ({ x: c.mu, y: Math.min(pdf(c.mu, c), yMax), text: `t = ${c.generation}` }));
  const truth = init ? xs.map((x) => ({ x, y: pdf(x, init) })) : [];
  const n = Math.max(1, o.data.curves.length - 1);
  return framedPlot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: o.ariaLabel,
    width: o.width ?? 640,
    height: o.height ?? 280,
    marginTop: 20,
    x: { domain: [lo, hi], label: null },
    y: { domain: [0, yMax], label: null },
    marks: [
      Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
      ...o.data.curves.map((c, i) =>
        Plot.lineY(rows.filter((r) => r.series === `t = ${c.generation}`), { ...hidden, x: "x", y: "y", stroke: COLOR.mean, strokeOpacity: 0.3 + (0.7 * i) / n, strokeWidth: 1.8, clip: true }),
      ),
      Plot.lineY(truth, { ...hidden, x: "x", y: "y", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
      Plot.text(labels, { ...hidden, x: "x", y: "y", text: "text", dy: -8, fill: "currentColor", fontSize: 11 }),
      ...axes(o.xLabel, "Density"),
    ],
  });
}

export function densityLegend(): LegendItem[] {
  return [
    { key: "mean", label: "N(μ_t, σ_t²) of sample run 1, darker = later", color: COLOR.mean, shape: "line" },
    { key: "theory", label: "Generation 0 (the truth when μ₀ = μ*, σ₀ = σ*)", color: COLOR.theory, shape: "dashed" },
  ];
}

export function describeDensity(data: DensityData): string {
  const first = data.curves[0], last = data.curves[data.curves.length - 1];
  if (!first || !last) return "No sample run to draw.";
  return `Sample run 1: at generation ${first.generation} the model is N(${formatNumber(first.mu)}, ${formatNumber(first.sigma)}²); at generation ${last.generation} it is N(${formatNumber(last.mu)}, ${formatNumber(last.sigma)}²).`;
}

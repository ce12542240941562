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
import { pinnedLegend, pinnedLine } from "./compare";
import { axes, frameBase, framedPlot, hidden } from "./frame";
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

/** The density of sample run 1 at generation index `g` (clamped to the run), or null when it cannot be drawn. */
export function densityAt(result: RunResult, view: DensityView, g: number): DensityCurve | null {
  const mu = result.paths[view.mean]?.[0], v = result.paths[view.variance]?.[0];
  if (!mu || !v || mu.length === 0) return null;
  const i = Math.max(0, Math.min(mu.length - 1, g));
  const c = { generation: result.generations[i] ?? i, mu: mu[i]!, sigma: Math.sqrt(v[i]!) };
  return Number.isFinite(c.mu) && Number.isFinite(c.sigma) ? c : null;
}

function pdf(x: number, c: DensityCurve): number {
  if (!(c.sigma > 0)) return 0;
  const z = (x - c.mu) / c.sigma;
  return Math.exp(-0.5 * z * z) / (c.sigma * Math.sqrt(2 * Math.PI));
}

const peak = (c: DensityCurve | null): number => (c && c.sigma > 0 ? 1 / (c.sigma * Math.sqrt(2 * Math.PI)) : 1);

/**
 * `compare`: pinned run A, its density at the generation shown (`curve`, dotted) and its whole run
 * (`full`), which widens the axes like B's so nothing clips that B would not clip.
 */
export function densityChart(o: { data: DensityData; full: DensityData; compare?: { curve: DensityCurve; full: DensityData }; ariaLabel: string; xLabel: string; width?: number; height?: number; document?: Document }): SVGSVGElement {
  const init = o.full.initial;
  // x range: the initial density ±4σ₀, widened to every drawn mean of the whole run (axes stay still).
  let lo = init ? init.mu - 4 * init.sigma : -4, hi = init ? init.mu + 4 * init.sigma : 4;
  for (const c of o.full.curves) { lo = Math.min(lo, c.mu - 0.5); hi = Math.max(hi, c.mu + 0.5); }
  let yMax = peak(init) * 4;
  const a = o.compare;
  if (a) {
    const aInit = a.full.initial;
    if (aInit && Number.isFinite(aInit.mu) && aInit.sigma > 0) { lo = Math.min(lo, aInit.mu - 4 * aInit.sigma); hi = Math.max(hi, aInit.mu + 4 * aInit.sigma); }
    for (const c of [...a.full.curves, a.curve]) { lo = Math.min(lo, c.mu - 0.5); hi = Math.max(hi, c.mu + 0.5); }
    yMax = Math.max(yMax, peak(aInit) * 4);
  }
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
  const marks: Plot.Markish[] = [];
  if (a) {
    const grid = [...xs, a.curve.mu].sort((p, q) => p - q);
    marks.push(Plot.lineY(grid.map((x) => ({ x, y: Math.min(pdf(x, a.curve), yMax * 1.02) })), { ...pinnedLine, x: "x", y: "y", strokeWidth: 2.4, clip: true }));
  }
  return framedPlot({
    ...frameBase(o, 280),
    marginTop: 20,
    x: { domain: [lo, hi], label: null },
    y: { domain: [0, yMax], label: null },
    marks: [
      Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
      ...o.data.curves.map((c, i) =>
        Plot.lineY(rows.filter((r) => r.series === `t = ${c.generation}`), { ...hidden, x: "x", y: "y", stroke: COLOR.mean, strokeOpacity: 0.3 + (0.7 * i) / n, strokeWidth: 1.8, clip: true }),
      ),
      Plot.lineY(truth, { ...hidden, x: "x", y: "y", stroke: COLOR.theory, strokeWidth: 1.6, strokeDasharray: "6 4" }),
      ...marks,
      Plot.text(labels, { ...hidden, x: "x", y: "y", text: "text", dy: -8, fill: "currentColor", fontSize: 11 }),
      ...axes(o.xLabel, "Density"),
    ],
  });
}

export function densityLegend(compareLabel?: string): LegendItem[] {
  const items: LegendItem[] = [
    { key: "mean", label: "N(μ_t, σ_t²) of sample run 1, darker = later", color: COLOR.mean, shape: "line" },
    { key: "theory", label: "Generation 0 (the truth when μ₀ = μ*, σ₀ = σ*)", color: COLOR.theory, shape: "dashed" },
  ];
  if (compareLabel !== undefined) items.push(pinnedLegend(compareLabel, "its sample run 1 at the same generation"));
  return items;
}

/** "Sample run 1 at generation 30 is N(0.1, 0.4²)." */
export function describeDensityAt(c: DensityCurve): string {
  return `Sample run 1 at generation ${c.generation} is N(${formatNumber(c.mu)}, ${formatNumber(c.sigma)}²).`;
}

export function describeDensity(data: DensityData): string {
  const first = data.curves[0], last = data.curves[data.curves.length - 1];
  if (!first || !last) return "No sample run to draw.";
  return `Sample run 1: at generation ${first.generation} the model is N(${formatNumber(first.mu)}, ${formatNumber(first.sigma)}²); at generation ${last.generation} it is N(${formatNumber(last.mu)}, ${formatNumber(last.sigma)}²).`;
}

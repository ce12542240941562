/**
 * Chapter 11 charts (Observable Plot), drawn in the browser and at build time (pass `document` from
 * src/charts/ssr.ts): the complexity–error Pareto front, the extrapolation comparison and the ECA
 * space-time pattern. Pure functions of a demo result; each returns one <svg> with an aria-label.
 */
import * as Plot from "@observablehq/plot";
import type { EcaDemoResult, LawDemoResult } from "../../core/symbolic/demo";
import { COLOR } from "../../charts/palette";

const hidden = { ariaHidden: "true" } as const;
const style = { background: "transparent", color: "currentColor", fontSize: "12px" };

/** Series of the extrapolation chart: key in CurvePoint, label, colour, dash. */
export const SERIES = [
  { key: "truth", label: "Hidden law", color: COLOR.theory, dash: "6 4", width: 2 },
  { key: "recovered", label: "Recovered formula", color: COLOR.mean, dash: "", width: 2.2 },
  { key: "polynomial", label: "Polynomial (degree 5)", color: "var(--demo-compare, #b45309)", dash: "", width: 1.4 },
  { key: "knn", label: "k-NN (k = 5)", color: "var(--demo-path, #6b7280)", dash: "2 3", width: 1.4 },
  { key: "mlp", label: "MLP (16 tanh units)", color: "var(--demo-mlp, #7c3aed)", dash: "", width: 1.4 },
] as const;

function finiteRange(values: number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}

export function extrapolationChart(r: LawDemoResult, o: { document?: Document; width?: number } = {}): SVGSVGElement {
  // The y range follows the truth and the data (baselines that leave it are clipped, not rescaled).
  const [lo, hi] = finiteRange([...r.curve.map((c) => c.truth), ...r.data.map((d) => d.y)]);
  const pad = (hi - lo) * 0.25;
  const yDomain: [number, number] = [lo - pad, hi + pad];
  const xDomain: [number, number] = [r.curve[0]!.x, r.curve[r.curve.length - 1]!.x];
  const marks: Plot.Markish[] = [
    Plot.rectX([r.train], { ...hidden, x1: (d: [number, number]) => d[0], x2: (d: [number, number]) => d[1], y1: yDomain[0], y2: yDomain[1], fill: "currentColor", fillOpacity: 0.06 }),
    Plot.text([{ x: (r.train[0] + r.train[1]) / 2, y: yDomain[1] }], { ...hidden, x: "x", y: "y", text: () => "training range", dy: 8, fontSize: 11, fillOpacity: 0.7 }),
    Plot.text([{ x: (r.beyond[0] + r.beyond[1]) / 2, y: yDomain[1] }], { ...hidden, x: "x", y: "y", text: () => "beyond the data", dy: 8, fontSize: 11, fillOpacity: 0.7 }),
    Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
  ];
  for (const s of [...SERIES].reverse()) {
    marks.push(Plot.lineY(r.curve.filter((c) => Number.isFinite(c[s.key])), { ...hidden, x: "x", y: s.key, stroke: s.color, strokeWidth: s.width, ...(s.dash ? { strokeDasharray: s.dash } : {}), clip: true }));
  }
  marks.push(
    Plot.dot(r.data, { ...hidden, x: "x", y: "y", r: 2.2, fill: "currentColor", fillOpacity: 0.55 }),
    Plot.axisX({ ...hidden, label: "x", labelAnchor: "right", labelArrow: "none" }),
    Plot.axisY({ ...hidden, label: "y", labelAnchor: "top", labelArrow: "none" }),
  );
  const svg = Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: `Extrapolation: the hidden law ${r.lawText}, the recovered formula ${r.best.expression} and three correlation baselines, over the training range and beyond it.`,
    width: o.width ?? 640,
    height: 300,
    marginLeft: 56,
    marginRight: 16,
    style,
    x: { domain: xDomain, label: null },
    y: { domain: yDomain, label: null },
    marks,
  }) as SVGSVGElement;
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("aria-hidden", "true");
  return svg;
}

export function paretoChart(r: LawDemoResult, o: { document?: Document; width?: number } = {}): SVGSVGElement {
  const floor = 1e-12;
  const rows = r.pareto.map((p) => ({ ...p, y: Math.max(p.rmse, floor), best: p.expression === r.best.expression }));
  const marks: Plot.Markish[] = [
    Plot.gridY({ ...hidden, strokeOpacity: 0.12 }),
    Plot.lineY(rows, { ...hidden, x: "modelBits", y: "y", curve: "step-after", stroke: COLOR.path, strokeWidth: 1.2 }),
    Plot.dot(rows, { ...hidden, x: "modelBits", y: "y", r: 4, fill: (d: { best: boolean }) => (d.best ? COLOR.theory : COLOR.mean) }),
    Plot.text(rows, { ...hidden, x: "modelBits", y: "y", text: "expression", dx: 7, textAnchor: "start", fontSize: 10.5, lineWidth: 14 }),
    Plot.axisX({ ...hidden, label: "model bits (structure + constants)", labelAnchor: "right", labelArrow: "none" }),
    Plot.axisY({ ...hidden, label: "rms error (log)", labelAnchor: "top", labelArrow: "none" }),
  ];
  const xs = rows.map((d) => d.modelBits);
  const svg = Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: `Pareto front of model bits against rms error: ${rows.map((d) => `${d.expression} (${d.modelBits.toFixed(1)} bits, rms ${d.rmse.toPrecision(2)})`).join("; ")}. The best total description is ${r.best.expression}.`,
    width: o.width ?? 640,
    height: 260,
    marginLeft: 56,
    marginRight: 110,
    style,
    x: { domain: [Math.min(...xs) - 2, Math.max(...xs) + 4], label: null },
    y: { type: "log", label: null },
    marks,
  }) as SVGSVGElement;
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("aria-hidden", "true");
  return svg;
}

export function ecaChart(r: EcaDemoResult, o: { document?: Document; width?: number } = {}): SVGSVGElement {
  const cells: { t: number; i: number; v: number; flipped: boolean }[] = [];
  const flips = new Set(r.flipped.map(([t, i]) => `${t},${i}`));
  r.rows.forEach((row, t) => {
    for (let i = 0; i < row.length; i++) cells.push({ t, i, v: row.charCodeAt(i) - 48, flipped: flips.has(`${t},${i}`) });
  });
  const w = r.rows[0]!.length;
  const size = Math.min(14, Math.floor((o.width ?? 480) / w));
  const svg = Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: `Space-time pattern of ${r.rows.length} rows of ${w} cells (time runs down)${r.flipped.length ? `, ${r.flipped.length} cells flipped` : ""}.`,
    width: w * size + 2,
    height: r.rows.length * size + 2,
    margin: 1,
    style,
    x: { axis: null, domain: Array.from({ length: w }, (_, i) => i), padding: 0.06 },
    y: { axis: null, domain: r.rows.map((_, t) => t), padding: 0.06 },
    marks: [
      Plot.cell(cells, { ...hidden, x: "i", y: "t", fill: (d: { v: number }) => (d.v ? "currentColor" : "transparent"), stroke: "currentColor", strokeOpacity: 0.15 }),
      Plot.dot(cells.filter((c) => c.flipped), { ...hidden, x: "i", y: "t", r: size / 5, fill: COLOR.theory }),
    ],
  }) as SVGSVGElement;
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("aria-hidden", "true");
  return svg;
}

/**
 * Observable Plot chart of the comparison set: for each string, BDM, Shannon entropy × length and the
 * deflate length, all in bits, on one axis. Used at build time (linkedom document) and in the browser.
 */
import * as Plot from "@observablehq/plot";
import type { SetRow } from "./analysis";

export const SERIES = [
  { key: "bdm", label: "BDM", colour: "#4e79a7", symbol: "circle" },
  { key: "shannonTotal", label: "Shannon entropy × length", colour: "#f28e2b", symbol: "square" },
  { key: "deflateBits", label: "deflate length", colour: "#59a14f", symbol: "triangle" },
] as const;

export function compareChart(rows: readonly SetRow[], o: { width?: number; document?: Document } = {}): SVGSVGElement {
  const data = rows.flatMap((r, i) => SERIES.map((s) => ({ y: `${i + 1}. ${r.label}`, x: r[s.key], series: s.label })));
  const order = rows.map((r, i) => `${i + 1}. ${r.label}`);
  return Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    width: o.width ?? 640,
    height: 60 + 34 * rows.length,
    marginLeft: 190,
    ariaLabel: `For each of ${rows.length} strings: BDM, Shannon entropy times length, and deflate length, in bits.`,
    x: { label: "bits →", grid: true, zero: true },
    y: { label: null, domain: order },
    color: { domain: SERIES.map((s) => s.label), range: SERIES.map((s) => s.colour), legend: false },
    symbol: { domain: SERIES.map((s) => s.label), range: SERIES.map((s) => s.symbol) },
    marks: [
      Plot.ruleY(order, { stroke: "#ddd", ariaHidden: "true" }),
      Plot.dot(data, { x: "x", y: "y", stroke: "series", fill: "series", symbol: "series", r: 5, fillOpacity: 0.75, title: (d: { series: string; x: number }) => `${d.series}: ${d.x.toFixed(1)} bits` }),
    ],
  }) as SVGSVGElement;
}

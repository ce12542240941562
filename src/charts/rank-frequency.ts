/**
 * Rank–frequency chart of an output distribution D(n): strings ranked by count (rank 1 = most frequent),
 * D(s) on a log y axis against the rank on a log x axis. Shared by the live island and the build-time figure.
 */
import * as Plot from "@observablehq/plot";
import { COLOR } from "./palette";

export interface RankRow {
  rank: number;
  d: number;
  string: string;
}

const hidden = { ariaHidden: "true" } as const;

export function rankFrequencyChart(o: { rows: RankRow[]; ariaLabel: string; width?: number; height?: number; document?: Document; id?: string }): SVGSVGElement {
  const rows = o.rows;
  const ymin = Math.min(...rows.map((r) => r.d)), ymax = Math.max(...rows.map((r) => r.d));
  const svg = Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: o.ariaLabel,
    width: o.width ?? 640,
    height: o.height ?? 300,
    marginLeft: 64,
    marginRight: 16,
    marginBottom: 40,
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    x: { type: "log", domain: [0.8, Math.max(2, rows.length) * 1.25], label: null },
    y: { type: "log", domain: [ymin / 1.6, ymax * 1.6], label: null },
    marks: [
      Plot.gridY({ ...hidden, strokeOpacity: 0.12, ticks: 6 }),
      Plot.lineY(rows, { ...hidden, x: "rank", y: "d", stroke: COLOR.band, strokeOpacity: 0.5, strokeWidth: 1 }),
      Plot.dot(rows, { ...hidden, x: "rank", y: "d", fill: COLOR.mean, r: rows.length > 2000 ? 1.2 : 2.2 }),
      Plot.axisX({ ...hidden, label: "rank of the string (1 = most frequent output)", labelAnchor: "right", labelArrow: "none" }),
      Plot.axisY({ ...hidden, label: "D(n)(s), share of halting (machine, blank) pairs", labelAnchor: "top", labelArrow: "none", tickFormat: "~e" }),
    ],
  }) as SVGSVGElement;
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("aria-hidden", "true");
  if (o.id) svg.setAttribute("id", o.id);
  return svg;
}

/**
 * The frame every demo chart shares (fan, bars, stack, density, points): size, margins, text style,
 * the two axes with their labels at the ends, and decorative marks hidden from assistive technology
 * (the svg's aria-label and the text description under the chart say what it shows).
 */
import * as Plot from "@observablehq/plot";

/** Spread into every mark: marks are decorative. */
export const hidden = { ariaHidden: "true" } as const;

export interface FrameOptions {
  ariaLabel: string;
  width: number;
  height: number;
  /** linkedom's document at build time (src/charts/ssr.ts); the page's otherwise. */
  document?: Document;
  marginTop?: number;
  x: Plot.ScaleOptions;
  y: Plot.ScaleOptions;
  color?: Plot.ScaleOptions;
  marks: Plot.Markish[];
}

/** What every chart's options pass through to its frame: the document, the accessible name and the size. */
export interface ChartBase {
  ariaLabel: string;
  width?: number;
  height?: number;
  document?: Document;
}

/** The frame options of a chart `o` (width 640 unless given, `height` by default). */
export function frameBase(o: ChartBase, height: number): Pick<FrameOptions, "document" | "ariaLabel" | "width" | "height"> {
  return { ...(o.document ? { document: o.document } : {}), ariaLabel: o.ariaLabel, width: o.width ?? 640, height: o.height ?? height };
}

export function framedPlot(o: FrameOptions): SVGSVGElement {
  const svg = Plot.plot({
    ...(o.document ? { document: o.document } : {}),
    ariaLabel: o.ariaLabel,
    width: o.width,
    height: o.height,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 36,
    ...(o.marginTop !== undefined ? { marginTop: o.marginTop } : {}),
    style: { background: "transparent", color: "currentColor", fontSize: "12px" },
    x: o.x,
    y: o.y,
    ...(o.color ? { color: o.color } : {}),
    marks: o.marks,
  }) as SVGSVGElement;
  // Plot's axis-label groups ignore ariaHidden; a role-less <g> with aria-label fails axe, and the
  // svg's own aria-label plus the text description already say what the chart shows.
  for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("aria-hidden", "true");
  return svg;
}

/** The x axis labelled at its right end and the y axis at its top (`x` adds x-axis options, e.g. ticks). */
export function axes(xLabel: string, yLabel: string, x: Plot.AxisXOptions = {}): Plot.Markish[] {
  return [
    Plot.axisX({ ...hidden, label: xLabel, labelAnchor: "right", labelArrow: "none", ...x }),
    Plot.axisY({ ...hidden, label: yLabel, labelAnchor: "top", labelArrow: "none" }),
  ];
}

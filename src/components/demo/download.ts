/** Browser-only helpers: downloads, chart serialisation (SVG, PNG), clipboard and page metadata. */

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

const PAINT = ["fill", "stroke", "color"] as const;

/**
 * A standalone copy of a chart: CSS variables and currentColor resolved to the colours on screen,
 * explicit size, XML namespace. Works in other programs, without the page's stylesheet.
 */
export function serializeSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  live.forEach((el, i) => {
    const copy = copies[i] as Element;
    const style = getComputedStyle(el);
    for (const prop of PAINT) {
      const attr = el.getAttribute(prop);
      if (attr && (attr.includes("var(") || attr === "currentColor")) copy.setAttribute(prop, style.getPropertyValue(prop));
    }
  });
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth || 640;
  const height = box?.height || svg.clientHeight || 300;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.setAttribute("color", getComputedStyle(svg).color);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`, width, height };
}

/** PNG at 2× of a chart, on the page's background colour. */
export async function svgToPng(svg: SVGSVGElement, background: string): Promise<Blob> {
  const { text, width, height } = serializeSvg(svg);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies text; resolves false where the clipboard is unavailable (the caller shows the text to copy). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface PageMeta {
  title: string;
  authors: string[];
  version: string;
  year: string;
  canonical: string;
}

/** Citation metadata the layout emits (html-contract.md), with fallbacks for bare pages. */
export function pageMeta(): PageMeta {
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? "";
  const authors = [...document.querySelectorAll<HTMLMetaElement>('meta[name="citation_author"]')].map((m) => m.content.trim()).filter(Boolean);
  const date = meta("citation_publication_date") || meta("build-date");
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? "";
  return {
    title: meta("citation_title") || document.title || "Self-consuming loops",
    authors: authors.length ? authors : ["Self-consuming loops contributors"],
    version: meta("site-version") || "unknown",
    year: /^\d{4}/.test(date) ? date.slice(0, 4) : String(new Date().getFullYear()),
    canonical,
  };
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Downloads the chart inside element `elementId` as a standalone SVG or a 2× PNG on the page background. */
export async function downloadChart(elementId: string, filename: string, kind: "svg" | "png"): Promise<void> {
  const svg = document.getElementById(elementId)?.querySelector("svg");
  if (!svg) return;
  if (kind === "svg") downloadText(serializeSvg(svg).text, `${filename}.svg`, "image/svg+xml");
  else {
    const bg = getComputedStyle(document.body).backgroundColor;
    downloadBlob(await svgToPng(svg, bg && bg !== "rgba(0, 0, 0, 0)" ? bg : "#ffffff"), `${filename}.png`);
  }
}

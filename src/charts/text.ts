/**
 * Generated text of one run of the n-gram model (chapter 6): the first characters of the corpus that sample
 * run 1 (replicate stream 0, the first sample path of the fans) generated at a few generations, drawn as SVG
 * text so it exports like every other chart. The texts are generated in the worker with the run
 * (RunRequest.texts, src/demos/text-trace.ts). Everything is inserted with textContent, never as HTML.
 */
import type { TextView } from "../demos/types";
import { COMPARE_DASH, PINNED_CLASS, pinnedLegend } from "./compare";
import type { LegendItem } from "./fan";
import { CHART_WIDTH } from "./fan";
import { COLOR } from "./palette";

const SVG_NS = "http://www.w3.org/2000/svg";
const LINE_CHARS = 84;
const LINE_HEIGHT = 15;
const DEFAULT_CHARS = 240;

export interface TextSample {
  generation: number;
  text: string;
  /** Distinct words (maximal runs of letters, lower-cased) in the sample. */
  words: number;
}

/** Which generations a text view shows for a run of T generations. */
export function textGenerations(view: TextView, T: number): number[] {
  const wanted = view.generations ?? [0, 1, Math.round(T / 5), Math.round(T / 2), T];
  return [...new Set(wanted.filter((g) => Number.isInteger(g) && g >= 0 && g <= T))].sort((a, b) => a - b);
}

export function textChars(view: TextView): number {
  const c = view.chars ?? DEFAULT_CHARS;
  return Math.max(20, Math.min(1000, Math.floor(c)));
}

/** Distinct words (letter runs, lower-cased). */
export function distinctWords(text: string): number {
  return new Set(text.toLowerCase().match(/[a-z]+/g) ?? []).size;
}

/** What the worker must generate for a text view of a run of T generations (RunRequest.texts). */
export function textRequest(view: TextView, T: number): { generations: number[]; chars: number } {
  return { generations: textGenerations(view, T), chars: textChars(view) };
}

/**
 * Samples of sample run 1 at the view's generations, from the texts the worker generated with the run
 * (src/demos/text-trace.ts), so this module needs no model.
 */
export function textSamples(texts: readonly (readonly [number, string])[], view: TextView, T: number): TextSample[] {
  const byGeneration = new Map(texts);
  return textGenerations(view, T).map((generation) => {
    const text = byGeneration.get(generation) ?? "";
    return { generation, text, words: distinctWords(text) };
  });
}

/** The samples of run `r` up to generation index `upto` (the playhead), from its texts. */
export function textSamplesUpTo(texts: readonly (readonly [number, string])[], view: TextView, r: { generations: readonly number[]; params: Record<string, unknown> }, upto: number): TextSample[] {
  const last = r.generations[Math.max(0, Math.min(upto, r.generations.length - 1))] ?? 0;
  return textSamples(texts, view, Number(r.params.generations)).filter((s) => s.generation <= last);
}

/** Line breaks shown as ¶, then wrapped at word boundaries (or hard, for long runs) into lines. */
export function wrapText(text: string, width = LINE_CHARS): string[] {
  const flat = text.replace(/\r?\n/g, "¶");
  const lines: string[] = [];
  let rest = flat;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(" ", width);
    if (cut <= width / 2) cut = width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, "");
  }
  if (rest.length > 0 || lines.length === 0) lines.push(rest);
  return lines;
}

const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
const SANS = "system-ui, sans-serif";

/** One SVG text node; `content` goes in as textContent, never as markup. */
function textNode(doc: Document, x: number, y: number, content: string, attrs: Record<string, string>): SVGTextElement {
  const t = doc.createElementNS(SVG_NS, "text") as SVGTextElement;
  t.setAttribute("x", String(x));
  t.setAttribute("y", String(y));
  for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, v);
  t.textContent = content;
  return t;
}

/** Appends the samples' blocks (bold heading, then the wrapped text) from `y` on; returns the next y. */
function drawBlocks(svg: Element, doc: Document, samples: TextSample[], y: number, o: { indent: number; fill: string; head: (s: TextSample) => string }): number {
  for (const s of samples) {
    svg.appendChild(textNode(doc, o.indent, y, o.head(s), { fill: o.fill, "font-size": "12", "font-weight": "bold", "font-family": SANS }));
    y += LINE_HEIGHT;
    for (const line of wrapText(s.text)) {
      svg.appendChild(textNode(doc, o.indent + 8, y, line, { fill: "currentColor", "font-size": "12", "font-family": MONO, "xml:space": "preserve" }));
      y += LINE_HEIGHT;
    }
    y += 10;
  }
  return y;
}

const blocksHeight = (samples: TextSample[]) => samples.reduce((h, s) => h + LINE_HEIGHT * (wrapText(s.text).length + 1) + 10, 0);

/**
 * The samples of run B, and with `compare` those of pinned run A under them: a section heading for each
 * ("B, this run" and "Pinned A: <label>"), A's headings in the compare colour and a dotted compare rule
 * along A's section (so A reads as A in print too).
 */
export function textChart(o: { samples: TextSample[]; compare?: { samples: TextSample[]; label: string }; currentLabel?: string; ariaLabel: string; document?: Document }): SVGSVGElement {
  const doc = o.document ?? document;
  const a = o.compare;
  const aTitle = a ? wrapText(`Pinned A: ${a.label}`) : [];
  const sections = a ? LINE_HEIGHT + 10 + LINE_HEIGHT * aTitle.length + 6 + blocksHeight(a.samples) : 0;
  const height = 12 + blocksHeight(o.samples) + sections;
  const svg = doc.createElementNS(SVG_NS, "svg") as SVGSVGElement;
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", String(CHART_WIDTH));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${CHART_WIDTH} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", o.ariaLabel);
  svg.setAttribute("style", "background: transparent; color: currentColor; max-width: 100%; height: auto;");
  const head = (s: TextSample) => `Generation ${s.generation} (${s.words} distinct words)`;
  let y = 16;
  if (a) {
    svg.appendChild(textNode(doc, 0, y, o.currentLabel ?? "B, this run", { fill: "currentColor", "font-size": "13", "font-weight": "bold", "font-family": SANS }));
    y += LINE_HEIGHT + 6;
  }
  y = drawBlocks(svg, doc, o.samples, y, { indent: 0, fill: "currentColor", head });
  if (a) {
    const g = doc.createElementNS(SVG_NS, "g");
    g.setAttribute("class", PINNED_CLASS);
    svg.appendChild(g);
    const top = y - LINE_HEIGHT + 2;
    y += 4;
    for (const line of aTitle) {
      g.appendChild(textNode(doc, 8, y, line, { fill: COLOR.compare, "font-size": "13", "font-weight": "bold", "font-family": SANS }));
      y += LINE_HEIGHT;
    }
    y += 6;
    y = drawBlocks(g, doc, a.samples, y, { indent: 8, fill: COLOR.compare, head: (s) => `A, ${head(s)}` });
    const rule = doc.createElementNS(SVG_NS, "line");
    for (const [k, v] of Object.entries({ x1: "2", x2: "2", y1: String(top), y2: String(y - 10), stroke: COLOR.compare, "stroke-width": "2.4", "stroke-dasharray": COMPARE_DASH })) rule.setAttribute(k, v);
    g.appendChild(rule);
  }
  return svg;
}

export function textLegend(compareLabel?: string): LegendItem[] {
  return compareLabel === undefined ? [] : [pinnedLegend(compareLabel, "its text under this run's, headings in this colour, dotted rule")];
}

/** "Text generated by sample run 1 (seed 3), 240 characters each; distinct words: 41 at generation 0 … 12 at generation 50. Generation 50 reads: “…”." */
export function describeText(samples: TextSample[], seed: number, chars: number): string {
  if (samples.length === 0) return "No text generated.";
  const words = samples.map((s) => `${s.words} at generation ${s.generation}`).join(", ");
  const last = samples[samples.length - 1]!;
  const excerpt = last.text.replace(/\s+/g, " ").slice(0, 100);
  return `Text generated by sample run 1 (seed ${seed}), the first ${chars} characters at each generation shown; distinct words: ${words}. Generation ${last.generation} begins: “${excerpt}”.`;
}

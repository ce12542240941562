/**
 * One entry point for every chart kind of the demo shell (fan, bars, stack, density, points, shares, text,
 * lines, pair): the build-time figure (Demo.astro) and the live island both call `renderView`, so both draw
 * and describe a run the same way. Returns the chart's title, legend, text description and a draw function,
 * and, when a pinned run A is drawn over it, A's description (`pinned`). B is cut at the playhead; A stays
 * complete, except on bars, density and text, which show A at the same generation index (clamped to A's run).
 */
import type { RunResult } from "../core/ensemble";
import type { MetricSpec } from "../core/model";
import { describeFan } from "../demos/chart-data";
import type { ViewSpec } from "../demos/types";
import { viewKey } from "../demos/view-keys";
import type { DemoRunResult } from "../demos/protocol";
import { barsChart, barsLegend, describeBars } from "./bars";
import { attempt, clampIndex, pinnedAria } from "./compare";
import { densityAt, densityChart, densityData, densityLegend, describeDensity } from "./density";
import { fanChart, fanLegend, fanViewOptions, type LegendItem } from "./fan";
import { describePair, pairChart, pairData, pairExtent, pairLegend } from "./pair";
import { describePoints, pointsChart, pointsData, pointsDomains, pointsLegend } from "./points";
import { describeShares, sharesChart, sharesData, sharesLegend } from "./shares";
import { describeStack, stackChart, stackData, stackLegend, stackMax } from "./stack";
import { describeLines, lineNames, linesChart, linesData, linesDomain, linesLegend } from "./lines";
import { describeText, textChars, textChart, textLegend, textSamplesUpTo } from "./text";

export interface RenderedView {
  /** Stable key, unique within a demo (used in element ids). */
  key: string;
  title: string;
  legend: LegendItem[];
  description: string;
  /** "Pinned A: …" (A's own description) when a pinned run is drawn on this chart. */
  pinned?: string;
  draw(document?: Document): SVGSVGElement;
}

export interface RenderOptions {
  /** Generation index the playhead shows (default: all). */
  upto?: number;
  /** Pinned run A, drawn over every chart kind whose data it has (otherwise left out). */
  compare?: RunResult;
  compareLabel?: string;
  currentLabel?: string;
}

function spec(metrics: MetricSpec[], name: string): MetricSpec {
  return metrics.find((m) => m.name === name) ?? { name, label: name, help: "" };
}

const lastIndex = (r: RunResult) => r.generations.length - 1;

/** x domain covering the generations of the runs given (B, and A when it is drawn). */
function span(...runs: (RunResult | undefined)[]): [number, number] {
  const xs = runs.flatMap((r) => r?.generations ?? []);
  return xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
}

/** Does run `r` have what `view` draws? (A pinned run from other settings may not: it is then left out.) */
function fits(view: ViewSpec, r: RunResult): boolean {
  switch (view.kind) {
    case "fan": case "points": return !!r.metrics[view.metric];
    case "lines": case "shares": case "pair": return view.metrics.every((m) => r.metrics[m]);
    case "stack": return !!(r.metrics[view.within] && r.metrics[view.between]);
    case "density": return densityAt(r, view, 0) !== null;
    case "bars": return !!(r as DemoRunResult).trace;
    case "text": return !!(r as DemoRunResult).texts;
  }
}

/** Kinds that show A at B's generation index (one frame of A), not A's whole run. */
const AT_PLAYHEAD = new Set<ViewSpec["kind"]>(["bars", "density", "text"]);

export function renderView(view: ViewSpec, metrics: MetricSpec[], result: RunResult, o: RenderOptions = {}): RenderedView {
  const a = o.compare && fits(view, o.compare) ? o.compare : undefined;
  const { compare: _, ...rest } = o;
  const r = renderKind(view, metrics, result, a ? { ...rest, compare: a } : rest);
  if (!a || !r.drewCompare) return r.view;
  const aUpto = AT_PLAYHEAD.has(view.kind) && o.upto !== undefined ? { upto: clampIndex(o.upto, a.generations) } : {};
  const text = attempt(() => renderKind(view, metrics, a, aUpto).view.description);
  return text === undefined ? r.view : { ...r.view, pinned: `Pinned A: ${text}` };
}

function renderKind(view: ViewSpec, metrics: MetricSpec[], result: RunResult, o: RenderOptions): { view: RenderedView; drewCompare: boolean } {
  const upto = o.upto ?? Number.POSITIVE_INFINITY;
  const key = viewKey(view);
  const runText = `${result.replicates} replicates, seed ${result.seed}`;
  const A = o.compare;
  const aLabel = o.compareLabel ?? "pinned run";
  const done = (v: RenderedView, drewCompare: boolean) => ({ view: v, drewCompare });
  switch (view.kind) {
    case "fan": {
      const m = spec(metrics, view.metric);
      const options = fanViewOptions(view, m, result, { ...(o.upto !== undefined ? { upto: o.upto } : {}), ...(A ? { compare: A } : {}) });
      return done({
        key,
        title: view.title ?? m.label,
        legend: fanLegend({
          hasPaths: options.data.paths.length > 0,
          hasTheory: options.data.theory.length > 0,
          ...(o.compareLabel ? { compareLabel: o.compareLabel } : {}),
          ...(o.currentLabel ? { currentLabel: o.currentLabel } : {}),
        }),
        description: describeFan(result, m, upto, view.xLabel ?? "generations"),
        draw: (document) => fanChart({ ...options, ...(document ? { document } : {}) }),
      }, options.compare !== undefined);
    }
    case "bars": {
      // Traced with the run (RunRequest.trace; src/demos/bars-trace.ts), so this module needs no model.
      const trace = (result as DemoRunResult).trace;
      if (!trace) throw new Error("a bars view needs the run's trace of sample run 1 (RunRequest.trace)");
      const t = Math.min(upto, lastIndex(result));
      const aTrace = A && (A as DemoRunResult).trace;
      const compare = aTrace ? { trace: aTrace, t: Math.min(clampIndex(upto, A.generations), aTrace.generations) } : undefined;
      return done({
        key,
        title: view.title ?? "Distribution p_t of one run",
        legend: barsLegend(compare ? aLabel : undefined),
        description: describeBars(trace, t),
        draw: (document) =>
          barsChart({
            trace, t,
            ...(compare ? { compare } : {}),
            ariaLabel: `${view.title ?? "Distribution p_t"}: bar chart of sample run 1 at generation ${t}, seed ${result.seed}${pinnedAria(!!compare)}`,
            yLabel: view.yLabel ?? "Probability p_t(x)",
            xLabel: view.xLabel ?? "Category x",
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
    case "stack": {
      const full = stackData(result, view);
      const data = o.upto === undefined ? full : stackData(result, view, upto);
      const compare = A && attempt(() => stackData(A, view));
      return done({
        key,
        title: view.title ?? "Variance within and between runs",
        legend: stackLegend(view, full.theoryTotal.length > 0, compare ? aLabel : undefined),
        description: describeStack(data, result.replicates),
        draw: (document) =>
          stackChart({
            data,
            ...(compare ? { compare } : {}),
            ariaLabel: `${view.title ?? "Variance within and between runs"}: stacked area over ${result.generations.length - 1} generations, ${runText}${pinnedAria(!!compare)}`,
            yLabel: view.yLabel ?? "Variance",
            xLabel: view.xLabel ?? "Generation",
            xDomain: span(result, compare && A),
            yMax: (stackMax(full, compare) || 1) * 1.06,
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
    case "density": {
      const full = densityData(result, view);
      const data = o.upto === undefined ? full : densityData(result, view, upto);
      const curve = A && densityAt(A, view, clampIndex(upto, A.generations));
      const compare = A && curve ? { curve, full: densityData(A, view) } : undefined;
      return done({
        key,
        title: view.title ?? "Densities of one run across generations",
        legend: densityLegend(compare ? aLabel : undefined),
        description: describeDensity(data),
        draw: (document) =>
          densityChart({
            data, full,
            ...(compare ? { compare } : {}),
            ariaLabel: `${view.title ?? "Densities"}: normal densities of sample run 1 at ${data.curves.length} generations, seed ${result.seed}${pinnedAria(!!compare)}`,
            xLabel: view.xLabel ?? "x",
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
    case "shares": {
      const full = sharesData(result, view);
      const data = o.upto === undefined ? full : sharesData(result, view, upto);
      const compare = A && attempt(() => sharesData(A, view));
      const title = view.title ?? "Class shares";
      return done({
        key,
        title,
        legend: sharesLegend(view, full, compare ? aLabel : undefined),
        description: describeShares(data, result.replicates),
        draw: (document) =>
          sharesChart({
            data,
            ...(compare ? { compare } : {}),
            ariaLabel: `${title}: stacked area of mean class shares over ${result.generations.length - 1} rounds, ${runText}${pinnedAria(!!compare)}`,
            yLabel: view.yLabel ?? "Share of the policy",
            xLabel: view.xLabel ?? "Round",
            xDomain: span(result, compare && A),
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
    case "points": {
      const m = spec(metrics, view.metric);
      const full = pointsData(result, view);
      const data = o.upto === undefined ? full : pointsData(result, view, upto);
      const compare = A?.metrics[view.metric] ? pointsData(A, view) : undefined;
      const dom = pointsDomains(view, full, compare);
      const yLabel = view.yLabel ?? (m.unit ? `${m.label} (${m.unit})` : m.label);
      return done({
        key,
        title: view.title ?? m.label,
        legend: pointsLegend(view, { hasTheory: full.theory.length > 0, ...(o.compareLabel ? { compareLabel: o.compareLabel } : {}) }),
        description: describePoints(data, view, result.replicates, m.unit),
        draw: (document) =>
          pointsChart({
            data, view, yLabel,
            ...(compare ? { compare } : {}),
            ariaLabel: `${view.title ?? m.label}: means with 95% intervals against ${view.xLabel.toLowerCase()}, ${runText}${pinnedAria(!!compare)}`,
            xDomain: dom.x,
            yDomain: dom.y,
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
    case "text": {
      const texts = (result as DemoRunResult).texts;
      if (!texts) throw new Error("a text view needs the texts generated with the run (RunRequest.texts)");
      const samples = textSamplesUpTo(texts, view, result, upto);
      const aTexts = A && (A as DemoRunResult).texts;
      const compare = A && aTexts ? attempt(() => ({ samples: textSamplesUpTo(aTexts, view, A, clampIndex(upto, A.generations)), label: aLabel })) : undefined;
      const chars = textChars(view);
      return done({
        key,
        title: view.title ?? "Text generated by one run",
        legend: textLegend(compare ? aLabel : undefined),
        description: describeText(samples, result.seed, chars),
        draw: (document) =>
          textChart({
            samples,
            ...(compare ? { compare, currentLabel: o.currentLabel ?? "B, this run" } : {}),
            ariaLabel: `${view.title ?? "Generated text"}: text of sample run 1 at generations ${samples.map((s) => s.generation).join(", ")}, seed ${result.seed}${compare ? `, with pinned run A at generations ${compare.samples.map((s) => s.generation).join(", ")}` : ""}`,
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
    case "lines": {
      const names = lineNames(view, metrics);
      const full = linesData(result, view, names);
      const data = o.upto === undefined ? full : linesData(result, view, names, upto);
      const compare = A && view.metrics.every((m) => A.metrics[m]) ? linesData(A, view, names) : undefined;
      const xs = [...result.generations, ...(A?.generations ?? [])];
      const yDomain = view.yDomain ?? linesDomain(full, compare);
      const yName = view.yLabel ?? "value";
      return done({
        key,
        title: view.title ?? names.join(", "),
        legend: linesLegend(names, { hasTheory: full.theory.length > 0, ...(compare && o.compareLabel ? { compareLabel: o.compareLabel } : {}) }),
        description: describeLines(data, result.replicates, yName.toLowerCase()),
        draw: (document) =>
          linesChart({
            data,
            ...(compare ? { compare } : {}),
            ariaLabel: `${view.title ?? "Comparison"}: mean of ${names.length} series over ${result.generations.length - 1} generations, ${runText}${pinnedAria(!!compare)}`,
            yLabel: yName,
            xLabel: view.xLabel ?? "Generation",
            xDomain: [Math.min(...xs), Math.max(...xs)],
            ...(yDomain ? { yDomain } : {}),
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
    case "pair": {
      const full = pairData(result, view);
      const data = o.upto === undefined ? full : pairData(result, view, upto);
      const compare = A && attempt(() => pairData(A, view));
      const title = view.title ?? spec(metrics, view.metrics[0]).label;
      const m0 = spec(metrics, view.metrics[0]);
      return done({
        key,
        title,
        legend: pairLegend(view, full.theory.length > 0, compare ? aLabel : undefined),
        description: describePair(result, view, metrics, upto),
        draw: (document) =>
          pairChart({
            data,
            ...(compare ? { compare } : {}),
            ariaLabel: `${title}: ${view.labels[0]} and ${view.labels[1]} over ${result.generations.length - 1} generations, ${runText}${pinnedAria(!!compare)}`,
            yLabel: view.yLabel ?? (m0.unit ? `${m0.label} (${m0.unit})` : m0.label),
            xLabel: view.xLabel ?? "Generation",
            xDomain: span(result, compare && A),
            yDomain: view.yDomain ?? pairExtent(full, compare),
            ...(document ? { document } : {}),
          }),
      }, !!compare);
    }
  }
}

/**
 * One entry point for every chart kind of the demo shell (fan, bars, stack, density, points, text, lines): the
 * build-time figure (Demo.astro) and the live island both call `renderView`, so both draw and describe
 * a run the same way. Returns the chart's title, legend, text description and a draw function.
 */
import type { RunResult } from "../core/ensemble";
import type { MetricSpec } from "../core/model";
import { describeFan } from "../demos/chart-data";
import type { ViewSpec } from "../demos/types";
import { viewKey } from "../demos/view-keys";
import type { DemoRunResult } from "../demos/protocol";
import { barsChart, barsLegend, describeBars } from "./bars";
import { densityChart, densityData, densityLegend, describeDensity } from "./density";
import { fanChart, fanLegend, fanViewOptions, type LegendItem } from "./fan";
import { describePair, pairChart, pairData, pairExtent, pairLegend } from "./pair";
import { describePoints, pointsChart, pointsData, pointsDomains, pointsLegend } from "./points";
import { describeShares, sharesChart, sharesData, sharesLegend } from "./shares";
import { describeStack, stackChart, stackData, stackLegend } from "./stack";
import { describeLines, lineNames, linesChart, linesData, linesDomain, linesLegend } from "./lines";
import { describeText, textChars, textChart, textLegend, textSamples } from "./text";

export interface RenderedView {
  /** Stable key, unique within a demo (used in element ids). */
  key: string;
  title: string;
  legend: LegendItem[];
  description: string;
  draw(document?: Document): SVGSVGElement;
}

export interface RenderOptions {
  /** Generation index the playhead shows (default: all). */
  upto?: number;
  /** Pinned run A (fan and points charts overlay it). */
  compare?: RunResult;
  compareLabel?: string;
  currentLabel?: string;
}

function spec(metrics: MetricSpec[], name: string): MetricSpec {
  return metrics.find((m) => m.name === name) ?? { name, label: name, help: "" };
}

const lastIndex = (r: RunResult) => r.generations.length - 1;

export function renderView(view: ViewSpec, metrics: MetricSpec[], result: RunResult, o: RenderOptions = {}): RenderedView {
  const upto = o.upto ?? Number.POSITIVE_INFINITY;
  const key = viewKey(view);
  const runText = `${result.replicates} replicates, seed ${result.seed}`;
  switch (view.kind) {
    case "fan": {
      const m = spec(metrics, view.metric);
      const options = fanViewOptions(view, m, result, { ...(o.upto !== undefined ? { upto: o.upto } : {}), ...(o.compare ? { compare: o.compare } : {}) });
      return {
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
      };
    }
    case "bars": {
      // Traced with the run (RunRequest.trace; src/demos/bars-trace.ts), so this module needs no model.
      const trace = (result as DemoRunResult).trace;
      if (!trace) throw new Error("a bars view needs the run's trace of sample run 1 (RunRequest.trace)");
      const t = Math.min(upto, lastIndex(result));
      return {
        key,
        title: view.title ?? "Distribution p_t of one run",
        legend: barsLegend(),
        description: describeBars(trace, t),
        draw: (document) =>
          barsChart({
            trace, t,
            ariaLabel: `${view.title ?? "Distribution p_t"}: bar chart of sample run 1 at generation ${t}, seed ${result.seed}`,
            yLabel: view.yLabel ?? "Probability p_t(x)",
            xLabel: view.xLabel ?? "Category x",
            ...(document ? { document } : {}),
          }),
      };
    }
    case "stack": {
      const full = stackData(result, view);
      const data = o.upto === undefined ? full : stackData(result, view, upto);
      let yMax = 0;
      for (const r of full.rows) yMax = Math.max(yMax, r.within + r.between);
      for (const p of full.theoryTotal) yMax = Math.max(yMax, p.y);
      const xs = result.generations;
      return {
        key,
        title: view.title ?? "Variance within and between runs",
        legend: stackLegend(view, full.theoryTotal.length > 0),
        description: describeStack(data, result.replicates),
        draw: (document) =>
          stackChart({
            data,
            ariaLabel: `${view.title ?? "Variance within and between runs"}: stacked area over ${xs.length - 1} generations, ${runText}`,
            yLabel: view.yLabel ?? "Variance",
            xLabel: view.xLabel ?? "Generation",
            xDomain: [xs[0] ?? 0, xs[xs.length - 1] ?? 1],
            yMax: (yMax || 1) * 1.06,
            ...(document ? { document } : {}),
          }),
      };
    }
    case "density": {
      const full = densityData(result, view);
      const data = o.upto === undefined ? full : densityData(result, view, upto);
      return {
        key,
        title: view.title ?? "Densities of one run across generations",
        legend: densityLegend(),
        description: describeDensity(data),
        draw: (document) =>
          densityChart({
            data, full,
            ariaLabel: `${view.title ?? "Densities"}: normal densities of sample run 1 at ${data.curves.length} generations, seed ${result.seed}`,
            xLabel: view.xLabel ?? "x",
            ...(document ? { document } : {}),
          }),
      };
    }
    case "shares": {
      const full = sharesData(result, view);
      const data = o.upto === undefined ? full : sharesData(result, view, upto);
      const xs = result.generations;
      const title = view.title ?? "Class shares";
      return {
        key,
        title,
        legend: sharesLegend(view, full),
        description: describeShares(data, result.replicates),
        draw: (document) =>
          sharesChart({
            data,
            ariaLabel: `${title}: stacked area of mean class shares over ${xs.length - 1} rounds, ${runText}`,
            yLabel: view.yLabel ?? "Share of the policy",
            xLabel: view.xLabel ?? "Round",
            xDomain: [xs[0] ?? 0, xs[xs.length - 1] ?? 1],
            ...(document ? { document } : {}),
          }),
      };
    }
    case "points": {
      const m = spec(metrics, view.metric);
      const full = pointsData(result, view);
      const data = o.upto === undefined ? full : pointsData(result, view, upto);
      const compare = o.compare?.metrics[view.metric] ? pointsData(o.compare, view) : undefined;
      const dom = pointsDomains(view, full, compare);
      const yLabel = view.yLabel ?? (m.unit ? `${m.label} (${m.unit})` : m.label);
      return {
        key,
        title: view.title ?? m.label,
        legend: pointsLegend(view, { hasTheory: full.theory.length > 0, ...(o.compareLabel ? { compareLabel: o.compareLabel } : {}) }),
        description: describePoints(data, view, result.replicates, m.unit),
        draw: (document) =>
          pointsChart({
            data, view, yLabel,
            ...(compare ? { compare } : {}),
            ariaLabel: `${view.title ?? m.label}: means with 95% intervals against ${view.xLabel.toLowerCase()}, ${runText}`,
            xDomain: dom.x,
            yDomain: dom.y,
            ...(document ? { document } : {}),
          }),
      };
    }
    case "text": {
      const texts = (result as DemoRunResult).texts;
      if (!texts) throw new Error("a text view needs the texts generated with the run (RunRequest.texts)");
      const all = textSamples(texts, view, Number(result.params.generations));
      const last = result.generations[Math.min(upto, lastIndex(result))] ?? 0;
      const samples = all.filter((s) => s.generation <= last);
      const chars = textChars(view);
      return {
        key,
        title: view.title ?? "Text generated by one run",
        legend: textLegend(),
        description: describeText(samples, result.seed, chars),
        draw: (document) =>
          textChart({
            samples,
            ariaLabel: `${view.title ?? "Generated text"}: text of sample run 1 at generations ${samples.map((s) => s.generation).join(", ")}, seed ${result.seed}`,
            ...(document ? { document } : {}),
          }),
      };
    }
    case "lines": {
      const names = lineNames(view, metrics);
      const full = linesData(result, view, names);
      const data = o.upto === undefined ? full : linesData(result, view, names, upto);
      const compare = o.compare && view.metrics.every((m) => o.compare!.metrics[m]) ? linesData(o.compare, view, names) : undefined;
      const xs = [...result.generations, ...(o.compare?.generations ?? [])];
      const yDomain = view.yDomain ?? linesDomain(full, compare);
      const yName = view.yLabel ?? "value";
      return {
        key,
        title: view.title ?? names.join(", "),
        legend: linesLegend(names, { hasTheory: full.theory.length > 0, ...(compare && o.compareLabel ? { compareLabel: o.compareLabel } : {}) }),
        description: describeLines(data, result.replicates, yName.toLowerCase()),
        draw: (document) =>
          linesChart({
            data,
            ...(compare ? { compare } : {}),
            ariaLabel: `${view.title ?? "Comparison"}: mean of ${names.length} series over ${result.generations.length - 1} generations, ${runText}`,
            yLabel: yName,
            xLabel: view.xLabel ?? "Generation",
            xDomain: [Math.min(...xs), Math.max(...xs)],
            ...(yDomain ? { yDomain } : {}),
            ...(document ? { document } : {}),
          }),
      };
    }
    case "pair": {
      const full = pairData(result, view);
      const data = o.upto === undefined ? full : pairData(result, view, upto);
      const xs = result.generations;
      const title = view.title ?? spec(metrics, view.metrics[0]).label;
      const m0 = spec(metrics, view.metrics[0]);
      return {
        key,
        title,
        legend: pairLegend(view, full.theory.length > 0),
        description: describePair(result, view, metrics, upto),
        draw: (document) =>
          pairChart({
            data,
            ariaLabel: `${title}: ${view.labels[0]} and ${view.labels[1]} over ${xs.length - 1} generations, ${runText}`,
            yLabel: view.yLabel ?? (m0.unit ? `${m0.label} (${m0.unit})` : m0.label),
            xLabel: view.xLabel ?? "Generation",
            xDomain: [xs[0] ?? 0, xs[xs.length - 1] ?? 1],
            yDomain: view.yDomain ?? pairExtent(full),
            ...(document ? { document } : {}),
          }),
      };
    }
  }
}

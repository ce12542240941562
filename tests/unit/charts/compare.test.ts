// Pin & compare on every chart kind: a pinned run A (values outside B's range) is drawn in the compare
// colour inside the axes, gets its legend item(s) and a "Pinned A: …" description; without A (or with an A
// that does not fit the view) the chart is exactly the one without a pin. Real model runs, drawn with linkedom.
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { runEnsemble, type RunResult } from "../../../src/core/ensemble";
import { models } from "../../../src/core/models/index";
import { validateParams } from "../../../src/core/schema";
import { renderSvg } from "../../../src/charts/ssr";
import { renderView, type RenderOptions } from "../../../src/charts/views";
import { PAIR_PINNED_DASH } from "../../../src/charts/pair";
import { barsTrace } from "../../../src/demos/bars-trace";
import { textTrace } from "../../../src/demos/text-trace";
import { textRequest } from "../../../src/charts/text";
import { COLOR } from "../../../src/charts/palette";
import type { ViewSpec } from "../../../src/demos/types";

function run(id: string, raw: Record<string, unknown>, views: ViewSpec[], replicates = 20): RunResult {
  const model = models[id]!;
  const params = validateParams(model.schema, raw);
  const result = runEnsemble(model, params, { seed: 5, replicates, keepPaths: 2 });
  if (views.some((v) => v.kind === "bars")) Object.assign(result, { trace: barsTrace(params as never, 5) });
  const tv = views.find((v) => v.kind === "text");
  if (tv?.kind === "text") Object.assign(result, { texts: textTrace(params as never, 5, textRequest(tv, Number(params.generations))) });
  return result;
}

function draw(id: string, view: ViewSpec, result: RunResult, o: RenderOptions = {}) {
  const r = renderView(view, models[id]!.metrics(result.params), result, o);
  const svg = renderSvg((document) => r.draw(document));
  const doc = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
  return { r, svg, doc, root: doc.querySelector("svg")! };
}

const pinned = (doc: Document, sel: string) => [...doc.querySelectorAll(`g.pinned-a ${sel}`)];
const pinnedItems = (r: ReturnType<typeof draw>["r"]) => r.legend.filter((l) => l.label.startsWith("Pinned A"));
/** All (x, y) points of path `d` attributes and circles. */
function points(els: Element[]): [number, number][] {
  const out: [number, number][] = [];
  for (const el of els) {
    if (el.tagName.toLowerCase() === "circle") out.push([Number(el.getAttribute("cx")), Number(el.getAttribute("cy"))]);
    const nums = (el.getAttribute("d") ?? "").match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i]!, nums[i + 1]!]);
  }
  return out;
}
/** Every pinned mark lies inside the plot frame (so A's extremes are within the axis domains). */
function expectInsideFrame(root: Element, els: Element[], top = 20) {
  const w = Number(root.getAttribute("width")), h = Number(root.getAttribute("height"));
  const pts = points(els);
  expect(pts.length).toBeGreaterThan(0);
  for (const [x, y] of pts) {
    expect(x).toBeGreaterThanOrEqual(56 - 0.5);
    expect(x).toBeLessThanOrEqual(w - 16 + 0.5);
    expect(y).toBeGreaterThanOrEqual(top - 0.5);
    expect(y).toBeLessThanOrEqual(h - 36 + 0.5);
  }
}
function expectPlain(a: ReturnType<typeof draw>, b: ReturnType<typeof draw>) {
  // Plot numbers its clip paths globally; everything else must be identical.
  const norm = (svg: string) => svg.replace(/plot-clip-\d+/g, "plot-clip");
  expect(norm(b.svg) === norm(a.svg), "same SVG as without a pin").toBe(true);
  expect(a.doc.querySelectorAll(".pinned-a")).toHaveLength(0);
  expect(pinnedItems(a.r)).toHaveLength(0);
  expect(a.r.pinned).toBeUndefined();
  expect(b.r.pinned).toBeUndefined();
}
const LABEL = { compareLabel: "other settings, seed 5", currentLabel: "B, this run" };

describe("bars", () => {
  const view: ViewSpec = { kind: "bars" };
  const B = run("categorical", { K: 4, n: 20, generations: 10, init: "uniform" }, [view]);
  const A = run("categorical", { K: 6, n: 20, generations: 6, init: "dirichlet:1" }, [view]);
  it("draws one dotted tick and one dot per category of A at the same generation, clamped to A's run; x covers A's categories", () => {
    const d = draw("categorical", view, B, { ...LABEL, compare: A, upto: 8 });
    const ticks = pinned(d.doc, "path");
    expect(ticks).toHaveLength(6);
    expect(pinned(d.doc, "circle")).toHaveLength(6);
    expect(d.doc.querySelector("g.pinned-a")!.getAttribute("stroke")).toBe(COLOR.compare);
    expectInsideFrame(d.root, [...ticks, ...pinned(d.doc, "circle")]);
    expect([...d.doc.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent)).toContain("6");
    expect(pinnedItems(d.r)).toHaveLength(1);
    expect(d.r.pinned).toMatch(/^Pinned A: Generation 6 of sample run 1: \d of 6 categories left/);
    expect(d.root.getAttribute("aria-label")).toContain("pinned run A");
  });
  it("without a pin (or with an A lacking its trace) uses no compare colour and draws as before", () => {
    const plain = draw("categorical", view, B, { upto: 8 });
    expect(plain.svg).not.toContain("demo-compare");
    const { trace: _, ...noTrace } = A as RunResult & { trace?: unknown };
    expectPlain(plain, draw("categorical", view, B, { upto: 8, compare: noTrace as RunResult, ...LABEL }));
  });
});

describe("stack", () => {
  const view: ViewSpec = { kind: "stack", within: "variance", between: "mean" };
  const B = run("bounded", { generations: 12 }, [view], 30);
  const A = run("bounded", { generations: 16, values: [0, 10, 20, 30, 100] }, [view], 30);
  it("draws A's total and within boundary as two dotted compare lines inside the (raised) y axis", () => {
    const d = draw("bounded", view, B, { ...LABEL, compare: A, upto: 5 });
    const lines = pinned(d.doc, "path");
    expect(lines).toHaveLength(2);
    for (const g of d.doc.querySelectorAll("g.pinned-a")) {
      expect(g.getAttribute("stroke")).toBe(COLOR.compare);
      expect(g.getAttribute("stroke-dasharray")).toBe("1.5 3");
    }
    expectInsideFrame(d.root, lines);
    expect(pinnedItems(d.r)).toHaveLength(1);
    expect(d.r.pinned).toMatch(/^Pinned A: At 16 generations, within-run variance is/);
  });
  it("without a pin draws no pinned marks (the between layer keeps its own colour)", () => {
    const plain = draw("bounded", view, B, { upto: 5 });
    expect(plain.svg).not.toContain('stroke="var(--demo-compare');
    expectPlain(plain, draw("bounded", view, B, { upto: 5, compare: run("gaussian", { generations: 3 }, []), ...LABEL }));
  });
});

describe("density", () => {
  const view: ViewSpec = { kind: "density", mean: "mu", variance: "sigma2", curves: 4 };
  const B = run("gaussian", { n: 10, generations: 30 }, [view]);
  const A = run("gaussian", { n: 10, generations: 12, mu0: 8, sigma0: 0.5, muStar: 8, sigmaStar: 0.5 }, [view]);
  it("draws A's density at the generation shown (clamped) as one dotted curve; x covers A's mean", () => {
    const d = draw("gaussian", view, B, { ...LABEL, compare: A, upto: 20 });
    const curve = pinned(d.doc, "path");
    expect(curve).toHaveLength(1);
    expect(d.doc.querySelector("g.pinned-a")!.getAttribute("stroke")).toBe(COLOR.compare);
    // x inside the frame; y may touch the clip like B's curves, so only x is checked strictly.
    const w = Number(d.root.getAttribute("width"));
    for (const [x] of points(curve)) expect(x).toBeGreaterThanOrEqual(55.5), expect(x).toBeLessThanOrEqual(w - 15.5);
    const xTicks = [...d.doc.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => Number(t.textContent!.replace("−", "-")));
    expect(Math.max(...xTicks)).toBeGreaterThanOrEqual(8);
    expect(pinnedItems(d.r)).toHaveLength(1);
    expect(d.r.pinned).toMatch(/^Pinned A: Sample run 1: at generation 0 the model is N\(8, 0.5²\); at generation 12 it is/);
  });
  it("without a pin (or with an A lacking the paths) uses no compare colour and draws as before", () => {
    const plain = draw("gaussian", view, B, { upto: 20 });
    expect(plain.svg).not.toContain("demo-compare");
    expectPlain(plain, draw("gaussian", view, B, { upto: 20, compare: { ...A, paths: {} }, ...LABEL }));
  });
});

describe("shares", () => {
  const view: ViewSpec = { kind: "shares", metrics: ["share:correct", "share:hack", "share:wrong"], theorySuffix: "population" };
  const B = run("verifier", { generations: 10 }, [view]);
  const A = run("verifier", { generations: 14, initCorrect: 0.9, initHack: 0.05 }, [view]);
  it("draws A's two cumulative boundaries as dotted compare lines", () => {
    const d = draw("verifier", view, B, { ...LABEL, compare: A, upto: 4 });
    const lines = pinned(d.doc, "path");
    expect(lines).toHaveLength(2);
    expect(d.doc.querySelector("g.pinned-a")!.getAttribute("stroke-dasharray")).toBe("1.5 3");
    expectInsideFrame(d.root, lines);
    expect(pinnedItems(d.r)).toHaveLength(1);
    expect(d.r.pinned).toMatch(/^Pinned A: Mean class shares at round 14: correct/);
    expect(d.root.getAttribute("aria-label")).toContain("pinned run A");
  });
  it("without a pin draws no pinned marks and is unchanged", () => {
    const plain = draw("verifier", view, B, { upto: 4 });
    expect(plain.svg).not.toContain('stroke="var(--demo-compare');
    expectPlain(plain, draw("verifier", view, B, { upto: 4, compare: run("gaussian", { generations: 3 }, []), ...LABEL }));
  });
});

describe("pair", () => {
  const view: ViewSpec = { kind: "pair", metrics: ["program:errorToTruth", "kgram:errorToTruth"], labels: ["Hybrid", "Distributional"], band: "ci" };
  const B = run("mechanismLoop", { generations: 8, n: 60 }, [view], 8);
  // Noisier world, shorter samples, k = 1: A's errors (about 0.5) lie above B's intervals.
  const A = run("mechanismLoop", { generations: 10, n: 20, noise: 0.3, k: 1 }, [view], 8);
  it("draws A's two means as compare lines told apart by dash; the y axis covers them", () => {
    const d = draw("mechanismLoop", view, B, { ...LABEL, compare: A });
    const gs = [...d.doc.querySelectorAll("g.pinned-a")];
    expect(gs.map((g) => g.getAttribute("stroke-dasharray"))).toEqual([...PAIR_PINNED_DASH]);
    for (const g of gs) expect(g.getAttribute("stroke")).toBe(COLOR.compare);
    expectInsideFrame(d.root, pinned(d.doc, "path"));
    const items = pinnedItems(d.r);
    expect(items.map((i) => i.dash)).toEqual([...PAIR_PINNED_DASH]);
    expect(items[0]!.label).toContain("Hybrid, mean, long dashes");
    expect(items[1]!.label).toContain("Distributional, mean, dash-dot");
    expect(d.r.pinned).toMatch(/^Pinned A: After 10 generations/);
  });
  it("without a pin draws no pinned marks and is unchanged", () => {
    const plain = draw("mechanismLoop", view, B);
    expectPlain(plain, draw("mechanismLoop", view, B, { compare: run("gaussian", { generations: 3 }, []), ...LABEL }));
  });
});

describe("text", () => {
  const view: ViewSpec = { kind: "text", chars: 120 };
  const B = run("ngram", { order: 3, length: 400, generations: 10 }, [view], 3);
  const A = run("ngram", { order: 1, length: 400, generations: 6 }, [view], 3);
  it("shows A's samples under B's, up to the same generation (clamped), headed \"Pinned A\" in the compare colour", () => {
    const d = draw("ngram", view, B, { ...LABEL, compare: A, upto: 5 });
    const all = [...d.doc.querySelectorAll("text")].map((t) => t.textContent ?? "");
    expect(all[0]).toBe("B, this run");
    const heads = pinned(d.doc, "text").filter((t) => t.getAttribute("fill") === COLOR.compare).map((t) => t.textContent);
    // A (T = 6) shows generations 0, 1, 1, 3, 6 → 0, 1, 3 up to the playhead at 5.
    expect(heads).toEqual(["Pinned A: other settings, seed 5", expect.stringMatching(/^A, Generation 0 \(\d+ distinct words\)$/), expect.stringMatching(/^A, Generation 1 /), expect.stringMatching(/^A, Generation 3 /)]);
    expect(pinned(d.doc, "line")[0]!.getAttribute("stroke-dasharray")).toBe("1.5 3");
    // B's blocks come first: its last heading is above A's title.
    const yOf = (s: string) => Number([...d.doc.querySelectorAll("text")].find((t) => t.textContent!.startsWith(s))!.getAttribute("y"));
    expect(yOf("Generation 5")).toBeLessThan(yOf("Pinned A"));
    expect(Number(d.root.getAttribute("height"))).toBeGreaterThan(yOf("A, Generation 3"));
    expect(pinnedItems(d.r)).toHaveLength(1);
    expect(d.r.pinned).toMatch(/^Pinned A: Text generated by sample run 1 \(seed 5\).*Generation 3 begins/);
    expect(d.root.getAttribute("aria-label")).toContain("with pinned run A at generations 0, 1, 3");
  });
  it("without a pin (or with an A lacking texts) uses no compare colour and draws as before", () => {
    const plain = draw("ngram", view, B, { upto: 5 });
    expect(plain.svg).not.toContain("demo-compare");
    expect(plain.svg).not.toContain("B, this run");
    const { texts: _, ...noTexts } = A as RunResult & { texts?: unknown };
    expectPlain(plain, draw("ngram", view, B, { upto: 5, compare: noTexts as RunResult, ...LABEL }));
  });
});

// The chart kinds added for chapters 3–4 (bars, stack, density, points), drawn server-side with
// linkedom from real model runs, and the build-time validation of view specs.
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { runEnsemble } from "../../../src/core/ensemble";
import { models } from "../../../src/core/models/index";
import { validateParams } from "../../../src/core/schema";
import { renderSvg } from "../../../src/charts/ssr";
import { renderView } from "../../../src/charts/views";
import { frameAt } from "../../../src/charts/bars";
import { barsTrace } from "../../../src/demos/bars-trace";
import { stackData } from "../../../src/charts/stack";
import { resolveDemo } from "../../../src/demos/definition";
import type { ViewSpec } from "../../../src/demos/types";

function run(id: string, raw: Record<string, unknown>, replicates = 40, keepPaths = 2) {
  const model = models[id]!;
  const params = validateParams(model.schema, raw);
  return { model, result: runEnsemble(model, params, { seed: 3, replicates, keepPaths }) };
}
const draw = (view: ViewSpec, id: string, raw: Record<string, unknown>, upto?: number) => {
  const { model, result } = run(id, raw);
  // A bars view replays the trace the worker sends with the run (RunRequest.trace).
  if (view.kind === "bars") Object.assign(result, { trace: barsTrace(result.params as never, 3) });
  const r = renderView(view, model.metrics(result.params), result, upto === undefined ? {} : { upto });
  const svg = renderSvg((document) => r.draw(document));
  return { r, svg, doc: parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document, result };
};

describe("bars: p_t of sample run 1", () => {
  it("draws K bars and K dashed p₀ ticks; the trace is replicate 1 (its entropy path matches)", () => {
    const { doc, r, result } = draw({ kind: "bars" }, "categorical", { K: 6, n: 20, generations: 30, init: "uniform" }, 10);
    expect(doc.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(6);
    expect(doc.querySelector('g[aria-label="link"]')!.getAttribute("stroke-dasharray")).toBe("4 3");
    expect(r.description).toMatch(/^Generation 10 of sample run 1: \d of 6 categories left/);
    const trace = barsTrace(result.params as never, 3);
    const p10 = frameAt(trace, 10);
    const h = -[...p10].reduce((s, p) => s + (p > 0 ? p * Math.log2(p) : 0), 0);
    expect(h).toBeCloseTo(result.paths.entropy![0]![10]!, 10);
    for (const g of doc.querySelectorAll("svg g[aria-label]")) expect(g.getAttribute("aria-hidden")).toBe("true");
  });
});

describe("stack: within vs between variance", () => {
  it("between = sample variance of m_t across runs; the theory total is s₀² = 7.96 throughout", () => {
    const { model, result } = run("bounded", { generations: 20 }, 60, 60);
    const data = stackData(result, { kind: "stack", within: "variance", between: "mean" });
    // Sample variance of m_5 over all 60 kept paths, computed here.
    const m5 = result.paths.mean!.map((p) => p[5]!);
    const avg = m5.reduce((a, b) => a + b, 0) / m5.length;
    const sampleVar = m5.reduce((a, b) => a + (b - avg) ** 2, 0) / (m5.length - 1);
    expect(data.rows[5]!.between).toBeCloseTo(sampleVar, 10);
    expect(data.rows[5]!.within).toBeCloseTo(result.paths.variance!.reduce((a, p) => a + p[5]!, 0) / 60, 10);
    expect(data.rows[0]!.between).toBe(0);
    for (const p of data.theoryTotal) expect(p.y).toBeCloseTo(7.96, 10);
    const r = renderView({ kind: "stack", within: "variance", between: "mean" }, model.metrics(result.params), result);
    const svg = renderSvg((document) => r.draw(document));
    expect(svg.match(/stroke-dasharray="6 4"/g)!.length).toBeGreaterThanOrEqual(2);
    expect(r.description).toContain("theory 7.96");
  });
});

describe("density: N(μ_t, σ_t²) of sample run 1", () => {
  it("draws up to `curves` generations plus the dashed generation-0 density", () => {
    const { doc, r } = draw({ kind: "density", mean: "mu", variance: "sigma2", curves: 4 }, "gaussian", { n: 10, generations: 30 });
    const lines = doc.querySelectorAll('g[aria-label="line"]');
    expect(lines).toHaveLength(5);
    expect(lines[4]!.getAttribute("stroke-dasharray")).toBe("6 4");
    expect(r.description).toMatch(/^Sample run 1: at generation 0 the model is N\(0, 1²\); at generation 30/);
  });
});

describe("points: experiments against theory", () => {
  it("winner histogram: K bars with intervals and p₀ ticks", () => {
    const { doc, r } = draw({ kind: "points", metric: "wins", xLabel: "Category", bars: true }, "winner", {});
    expect(doc.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(5);
    expect(doc.querySelectorAll('g[aria-label="rule"] line').length).toBeGreaterThanOrEqual(5);
    expect(r.description).toContain("theory 0.4");
  });

  it("collapse time: exact (dashed) and Kimura–Ohta (dotted) lines on a log x axis", () => {
    const { doc, r } = draw({ kind: "points", metric: "time", xLabel: "n", logX: true, extra: [{ key: "approx", label: "Kimura–Ohta" }] }, "collapse-time", { nList: [10, 20, 50] });
    const lines = [...doc.querySelectorAll('g[aria-label="line"]')];
    expect(lines[0]!.getAttribute("stroke-dasharray")).toBe("6 4");
    expect(lines[1]!.getAttribute("stroke-dasharray")).toBe("1.5 3");
    expect(doc.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(3);
    expect(r.legend.map((l) => l.label)).toContain("Kimura–Ohta");
  });
});

describe("view validation", () => {
  const bounded = models.bounded!;
  it("rejects unknown kinds, unknown metrics, bars on a non-categorical model, duplicate charts", () => {
    expect(() => resolveDemo({ id: "d", model: "bounded", views: [{ kind: "pie" } as never] }, bounded)).toThrow(/unknown view kind/);
    expect(() => resolveDemo({ id: "d", model: "bounded", views: [{ kind: "stack", within: "variance", between: "nope" }] }, bounded)).toThrow(/no metric "nope"/);
    expect(() => resolveDemo({ id: "d", model: "bounded", views: [{ kind: "bars" }] }, bounded)).toThrow(/needs the categorical model/);
    expect(() => resolveDemo({ id: "d", model: "bounded", views: [{ kind: "fan", metric: "mean" }, { kind: "fan", metric: "mean" }] }, bounded)).toThrow(/same chart/);
    expect(resolveDemo({ id: "d", model: "bounded", views: [{ kind: "stack", within: "variance", between: "mean" }] }, bounded).views).toHaveLength(1);
  });
});

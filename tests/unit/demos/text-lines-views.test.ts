// Chapter 6 chart kinds: "text" (generated text of sample run 1 of the n-gram model, inserted as text)
// and "lines" (several metrics' means on one chart, theory dashed), drawn server-side with linkedom.
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { runEnsemble } from "../../../src/core/ensemble";
import { models } from "../../../src/core/models/index";
import { ngramSampleTexts, type NgramParams } from "../../../src/core/models/ngram";
import { validateParams } from "../../../src/core/schema";
import { renderSvg } from "../../../src/charts/ssr";
import { renderView } from "../../../src/charts/views";
import { textChart, textGenerations, textRequest, wrapText, distinctWords } from "../../../src/charts/text";
import type { DemoRunResult } from "../../../src/demos/protocol";
import { textTrace } from "../../../src/demos/text-trace";
import { resolveDemo } from "../../../src/demos/definition";
import type { ViewSpec } from "../../../src/demos/types";

function run(id: string, raw: Record<string, unknown>, replicates = 4) {
  const model = models[id]!;
  const params = validateParams(model.schema, raw);
  return { model, result: runEnsemble(model, params, { seed: 3, replicates, keepPaths: 2 }) };
}
const parse = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;

describe("text view (n-gram samples)", () => {
  const raw = { length: 600, generations: 10, order: 3 };
  it("shows sample run 1's text at 0, 1, T/5, T/2, T, exactly ngramSampleTexts' characters, cut at the playhead", () => {
    const { model, result: plain } = run("ngram", raw);
    const view: ViewSpec = { kind: "text", chars: 150 };
    expect(textGenerations(view, 10)).toEqual([0, 1, 2, 5, 10]);
    expect(() => renderView(view, model.metrics(plain.params), plain)).toThrow(/needs the texts/);
    // What the worker (and the build) attach to a run with a text view.
    const result: DemoRunResult = { ...plain, texts: textTrace(plain.params as NgramParams, 3, textRequest(view, 10)) };
    const r = renderView(view, model.metrics(result.params), result);
    const doc = parse(renderSvg((d) => r.draw(d)));
    const texts = ngramSampleTexts(result.params as NgramParams, 3, [0, 1, 2, 5, 10], 150);
    const heads = [...doc.querySelectorAll("text")].filter((t) => t.getAttribute("font-weight") === "bold").map((t) => t.textContent);
    expect(heads).toHaveLength(5);
    expect(heads[0]).toMatch(/^Generation 0 \(\d+ distinct words\)$/);
    // The body lines of the last block, re-joined, are generation 10's text (line breaks shown as ¶).
    const all = [...doc.querySelectorAll("text")].map((t) => t.textContent ?? "");
    const lastHead = all.findIndex((t) => t.startsWith("Generation 10 "));
    const body = all.slice(lastHead + 1).join(" ").replace(/\s+/g, " ").trim();
    expect(body).toBe(texts.get(10)!.replace(/\n/g, "¶").replace(/\s+/g, " ").trim());
    expect(r.description).toContain("sample run 1 (seed 3)");
    const cut = renderView(view, model.metrics(result.params), result, { upto: 2 });
    expect(parse(renderSvg((d) => cut.draw(d))).querySelectorAll('text[font-weight="bold"]')).toHaveLength(3);
  });

  it("is inserted as text: markup in a sample stays characters, never elements", () => {
    const svg = renderSvg((d) => textChart({ samples: [{ generation: 0, text: '<script>alert(1)</script><img src=x onerror="alert(2)">', words: 3 }], ariaLabel: "x", document: d }));
    const doc = parse(svg);
    expect(doc.querySelectorAll("script, img")).toHaveLength(0);
    expect(svg).toContain("&lt;script&gt;");
  });

  it("wraps without losing characters; counts distinct words", () => {
    const text = "the quick brown fox jumps over the lazy dog ".repeat(6) + "x".repeat(200);
    const lines = wrapText(text, 40);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
    expect(distinctWords("The the THE cat, cat.")).toBe(2);
  });

  it("is only allowed on the n-gram model", () => {
    expect(() => resolveDemo({ id: "t", model: "gaussian", views: [{ kind: "text" }] }, models.gaussian!)).toThrow(/needs the ngram model/);
    expect(resolveDemo({ id: "t", model: "ngram", views: [{ kind: "text" }] }, models.ngram!).views).toHaveLength(1);
  });
});

describe("lines view (families comparison)", () => {
  const metrics = ["diversity:categorical", "diversity:gaussian", "ancestry:kde"];
  it("one solid line per metric, dashed theory where the model has one, end labels, description with theory", () => {
    const { model, result } = run("families", { n: 20, generations: 8, ngramLength: 200, ngramOrder: 2 });
    const view: ViewSpec = { kind: "lines", metrics, labels: ["Categorical", "Gaussian", "KDE ancestry"], yLabel: "ν_t" };
    const r = renderView(view, model.metrics(result.params), result);
    const doc = parse(renderSvg((d) => r.draw(d)));
    const lines = doc.querySelectorAll('g[aria-label="line"]');
    expect(lines.length).toBe(2); // theory group, then the means group
    expect(lines[0]!.querySelectorAll("path")).toHaveLength(2); // Gaussian and KDE ancestry theory
    expect(lines[1]!.querySelectorAll("path")).toHaveLength(3);
    expect([...doc.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent).sort()).toEqual(["Categorical", "Gaussian", "KDE ancestry"]);
    expect(r.description).toMatch(/^After 8 generations, mean ν_t by series: Categorical [\d.]+; Gaussian [\d.]+ \(theory [\d.]+\); KDE ancestry [\d.]+ \(theory [\d.]+\) \(4 replicates\)\.$/);
    expect(r.legend.map((l) => l.key)).toEqual(["series-0", "series-1", "series-2", "theory"]);
    for (const g of doc.querySelectorAll("svg g[aria-label]")) expect(g.getAttribute("aria-hidden")).toBe("true");
    const early = renderView(view, model.metrics(result.params), result, { upto: 3 });
    expect(early.description).toMatch(/^After 3 generations/);
  });

  it("validation: unknown metric or a label count that does not match fails the build", () => {
    expect(() => resolveDemo({ id: "c", model: "families", views: [{ kind: "lines", metrics: ["nope"] }] }, models.families!)).toThrow(/no metric "nope"/);
    expect(() => resolveDemo({ id: "c", model: "families", views: [{ kind: "lines", metrics, labels: ["a"] }] }, models.families!)).toThrow(/one label per metric/);
  });
});

// The "shares" view (chapter 8): stacked class shares of the verifier loop, drawn server-side with linkedom,
// with exact or population-limit theory boundaries, and its build-time validation.
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { runEnsemble } from "../../../src/core/ensemble";
import { models } from "../../../src/core/models/index";
import { validateParams } from "../../../src/core/schema";
import { renderSvg } from "../../../src/charts/ssr";
import { renderView } from "../../../src/charts/views";
import { sharesData } from "../../../src/charts/shares";
import { resolveDemo } from "../../../src/demos/definition";
import type { SharesView } from "../../../src/demos/types";
import { viewKey, viewMetrics } from "../../../src/demos/view-keys";

const VIEW: SharesView = { kind: "shares", metrics: ["share:correct", "share:hack", "share:wrong"], theorySuffix: "population", theoryLabel: "Population limit" };

function run(raw: Record<string, unknown>, replicates = 30) {
  const model = models.verifier!;
  const params = validateParams(model.schema, raw);
  return { model, result: runEnsemble(model, params, { seed: 3, replicates, keepPaths: 2 }) };
}

describe("shares view", () => {
  it("mean shares sum to 1 at every round; three layers; population boundaries when no exact theory", () => {
    const { result } = run({ generations: 40, N: 50 });
    const d = sharesData(result, VIEW);
    expect(d.layers).toEqual(["correct", "hack", "wrong"]);
    expect(d.theorySource).toBe("suffix");
    for (let g = 0; g <= 40; g++) {
      const sum = d.rows.filter((r) => r.x === g).reduce((s, r) => s + r.y, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
    // Two boundaries per round: correct, correct + hack (population limit).
    expect(d.theory).toHaveLength(2 * 41);
    const pc = result.theory["share:correct:population"]!, ph = result.theory["share:hack:population"]!;
    expect(d.theory.find((p) => p.x === 40 && p.boundary === "hack")!.y).toBeCloseTo(pc[40]! + ph[40]!, 14);
  });

  it("uses the exact theory when the model has it (two live classes, accepted mode: the exact chain)", () => {
    const { result } = run({ generations: 30, N: 40, initCorrect: 0.9, initHack: 0.1, answersCorrect: 1 });
    const d = sharesData(result, VIEW);
    expect(d.theorySource).toBe("exact");
    expect(d.theoryLast[0]! + d.theoryLast[1]! + d.theoryLast[2]!).toBeCloseTo(1, 12);
  });

  it("renders three filled areas and dashed boundaries, all marks aria-hidden; description and legend", () => {
    const { model, result } = run({ generations: 20, N: 50 });
    const r = renderView(VIEW, model.metrics(result.params), result, { upto: 10 });
    const svg = renderSvg((document) => r.draw(document));
    const doc = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
    expect(doc.querySelectorAll('g[aria-label="area"] path')).toHaveLength(3);
    expect(doc.querySelector('g[aria-label="line"]')!.getAttribute("stroke-dasharray")).toBe("6 4");
    for (const g of doc.querySelectorAll("svg g[aria-label]")) expect(g.getAttribute("aria-hidden")).toBe("true");
    expect(r.description).toMatch(/^Mean class shares at round 10: correct [\d.]+, hack [\d.]+, wrong [\d.]+ \(N → ∞ limit correct/);
    expect(r.legend.map((l) => l.label)).toEqual(["Mean share: correct", "Mean share: hack", "Mean share: wrong", "Population limit"]);
    expect(viewKey(VIEW)).toBe("shares-share_correct-share_hack-share_wrong");
    expect(viewMetrics(VIEW)).toEqual(VIEW.metrics);
  });

  it("build-time validation: unknown share metric, or fewer than two metrics, stop the build", () => {
    const base = { id: "v", model: "verifier" };
    expect(() => resolveDemo({ ...base, views: [{ ...VIEW, metrics: ["share:correct", "share:nope"] }] }, models.verifier!)).toThrow(/share:nope/);
    expect(() => resolveDemo({ ...base, views: [{ kind: "shares", metrics: ["share:correct"] }] }, models.verifier!)).toThrow(/at least two/);
    expect(() => resolveDemo({ ...base, views: [VIEW] }, models.verifier!)).not.toThrow();
  });
});

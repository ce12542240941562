import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { runEnsemble } from "../../../src/core/ensemble";
import { fanChart, fanExtent, fanLegend, fanViewOptions } from "../../../src/charts/fan";
import { renderSvg } from "../../../src/charts/ssr";
import { coinModel } from "./test-model";

const params = { n: 10, p0: 0.5, T: 20, mode: "plain", flag: false, weights: [1], prior: "uniform" };
const result = runEnsemble(coinModel, params, { seed: 5, replicates: 50, keepPaths: 3 });
const het = { name: "het", label: "Heterozygosity", help: "", unit: "bits" };

function parse(svg: string) {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

describe("fan chart (server-side, linkedom)", () => {
  const svg = renderSvg((document) => fanChart({ ...fanViewOptions({ kind: "fan", metric: "het" }, het, result), document }));
  const doc = parse(svg);

  it("names the svg and hides every mark group from assistive tech (axe: no aria-label on role-less g)", () => {
    expect(doc.querySelector("svg")!.getAttribute("aria-label")).toBe("Heterozygosity: fan chart over 20 generations, 50 replicates, seed 5");
    const labelled = [...doc.querySelectorAll("svg g[aria-label]")];
    expect(labelled.length).toBeGreaterThan(5);
    for (const g of labelled) expect(g.getAttribute("aria-hidden")).toBe("true");
  });

  it("draws two bands, three sample paths, the dashed theory and the mean, coloured by CSS variables", () => {
    expect(doc.querySelectorAll('g[aria-label="area"] path')).toHaveLength(2);
    const lines = [...doc.querySelectorAll('g[aria-label="line"]')];
    expect(lines).toHaveLength(3);
    expect(lines[0]!.querySelectorAll("path")).toHaveLength(3); // sample paths (z = replicate)
    expect(lines[1]!.getAttribute("stroke-dasharray")).toBe("6 4"); // theory
    expect(lines[2]!.getAttribute("stroke")).toBe("var(--demo-mean, #1f4e9c)");
    expect(svg).toContain("Heterozygosity (bits)");
  });

  it("overlays a pinned run and fixes the axes to cover both runs", () => {
    const other = runEnsemble(coinModel, { ...params, T: 30 }, { seed: 6, replicates: 20, keepPaths: 0 });
    const o = fanViewOptions({ kind: "fan", metric: "het" }, het, result, { compare: other, upto: 4 });
    expect(o.xDomain).toEqual([0, 30]);
    expect(o.data.rows).toHaveLength(5);
    const d = parse(renderSvg((document) => fanChart({ ...o, document })));
    expect(d.querySelectorAll('g[aria-label="area"] path')).toHaveLength(3);
    expect(d.querySelector("svg")!.getAttribute("aria-label")).toContain("with pinned run A");
  });

  it("pads the y extent and handles flat data", () => {
    const flat = { rows: [{ x: 0, mean: 1, q05: 1, q25: 1, q50: 1, q75: 1, q95: 1 }], paths: [], theory: [] };
    expect(fanExtent(flat)).toEqual([0.5, 1.5]);
    expect(fanExtent({ rows: [], paths: [], theory: [] })).toBeUndefined();
    const [lo, hi] = fanExtent({ ...flat, theory: [{ x: 0, y: 3, series: "theory" }] })!;
    expect(lo).toBeCloseTo(1 - 0.08);
    expect(hi).toBeCloseTo(3 + 0.08);
  });

  it("lists legend entries for what is drawn", () => {
    expect(fanLegend({ hasPaths: false, hasTheory: true }).map((i) => i.key)).toEqual(["mean", "inner", "outer", "theory"]);
    expect(fanLegend({ hasPaths: true, hasTheory: false, compareLabel: "n = 5, seed 1" }).at(-1)!.label).toBe("Pinned A: n = 5, seed 1 (mean, 5–95%)");
  });
});

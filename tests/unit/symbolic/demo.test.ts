import { describe, expect, it } from "vitest";
import { ParamError } from "../../../src/core/errors";
import { defaultParams, validateParams } from "../../../src/core/schema";
import { parseSymbolicArgs, sampleLaw } from "../../../src/core/symbolic/cli";
import { ECA_DEFAULTS, ecaSchema, LAW_DEFAULTS, lawSchema, resolveLaw, runEcaDemo, runLawDemo } from "../../../src/core/symbolic/demo";
import { searchExpressions } from "../../../src/core/symbolic/search";
import { ecaCsv, fmt, lawCommand, lawCsv } from "../../../src/components/symbolic/format";

describe("chapter 11 demo (a): symbolic regression", () => {
  const r = runLawDemo(LAW_DEFAULTS);

  it("schema defaults are the demo defaults", () => {
    expect(defaultParams(lawSchema)).toEqual(LAW_DEFAULTS);
    expect(defaultParams(ecaSchema)).toEqual(ECA_DEFAULTS);
  });

  it("recovers Kepler's law exactly from the six inner planets' range, and extrapolates where the baselines do not", () => {
    expect(r.best.expression).toBe("sqrt(x) * x");
    expect(r.exact).toBe(true);
    const out = Object.fromEntries(r.errors.map((e) => [e.name.split(" ")[0], e.outside]));
    expect(out.recovered).toBeLessThan(1e-9);
    for (const k of ["polynomial", "k-NN", "MLP"]) expect(out[k]).toBeGreaterThan(10);
    expect(r.pareto.length).toBeGreaterThan(1);
    expect(r.curve).toHaveLength(161);
  });

  it("is deterministic, and noise changes the result", () => {
    expect(JSON.stringify(runLawDemo(LAW_DEFAULTS))).toBe(JSON.stringify(r));
    const noisy = runLawDemo({ ...LAW_DEFAULTS, noise: 0.1 });
    expect(noisy.sigma).toBeGreaterThan(0);
    expect(noisy.best.bits).not.toBe(r.best.bits);
    expect(noisy.exact).toBe(false);
  });

  it("reports progress up to the budget", () => {
    const seen: number[] = [];
    runLawDemo({ ...LAW_DEFAULTS, law: "sine" }, (d, t) => seen.push(d / t));
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(10);
  });

  it("refuses malformed and non-finite user laws with a ParamError", () => {
    expect(() => resolveLaw({ law: "custom", formula: "sin(2*x" })).toThrow(ParamError);
    expect(() => validateParams(lawSchema, { formula: "alert(1)" })).toThrow(ParamError);
    expect(() => runLawDemo({ ...LAW_DEFAULTS, law: "custom", formula: "log(x)" })).toThrow(/finite/);
    expect(validateParams(lawSchema, { law: "custom", formula: "sin(2*x)" }).formula).toBe("sin(2*x)");
  });

  it("the command line it prints repeats the same search", () => {
    const noisy = runLawDemo({ ...LAW_DEFAULTS, law: "damped", noise: 0.05, seed: 3 });
    const argv = lawCommand(noisy).match(/'[^']*'|\S+/g)!.slice(5).map((s) => s.replace(/^'|'$/g, ""));
    const cmd = parseSymbolicArgs(argv);
    if (cmd.kind !== "law") throw new Error("expected a law command");
    const { xs, ys } = sampleLaw(cmd.law, cmd.n, cmd.range, cmd.noise, cmd.seed);
    const cli = searchExpressions(xs, ys, cmd.search);
    expect(cli.best.expression).toBe(noisy.best.expression);
    expect(cli.best.bits).toBeCloseTo(noisy.best.bits, 9);
  });

  it("CSV is tidy", () => {
    const lines = lawCsv(r).trimEnd().split("\n");
    expect(lines[0]).toBe("kind,x,truth,recovered,polynomial,knn,mlp,y");
    expect(lines).toHaveLength(1 + 161 + 40);
    for (const l of lines) expect(l.split(",")).toHaveLength(8);
    expect(fmt(-0.000012345, 3)).toBe("−1.23e−5".replace("e−", "e-"));
  });
});

describe("chapter 11 demo (b): which rule made this?", () => {
  it("identifies rule 30 from the default random row, uniquely", () => {
    const r = runEcaDemo(ECA_DEFAULTS);
    expect(r.consistent).toEqual([30]);
    expect(r.ranking[0]!.rule).toBe(30);
    expect(r.identified).toBe(true);
    expect(r.rows).toHaveLength(16);
    expect(ecaCsv(r).split("\n")[0]).toBe("rank,rule,table,ruleBits,exceptions,exceptionBits,bits");
  });

  it("a hand-drawn single cell leaves rule 90 ambiguous; the CTM prior and the uniform prior choose differently, within the same pattern class", () => {
    const row = "0".repeat(15) + "1" + "0".repeat(15);
    const ctm = runEcaDemo({ ...ECA_DEFAULTS, rule: 90, row });
    const uni = runEcaDemo({ ...ECA_DEFAULTS, rule: 90, row, prior: "literal" });
    expect(ctm.consistent.length).toBeGreaterThan(1);
    expect(ctm.sameAsHidden).toContain(ctm.ranking[0]!.rule);
    expect(uni.sameAsHidden).toContain(uni.ranking[0]!.rule);
    expect(ctm.ranking[0]!.rule).not.toBe(uni.ranking[0]!.rule);
  });

  it("tolerates flipped cells by MDL", () => {
    const r = runEcaDemo({ ...ECA_DEFAULTS, flip: 0.05 });
    expect(r.flipped.length).toBeGreaterThan(0);
    expect(r.consistent).toEqual([]);
    expect(r.ranking[0]!.rule).toBe(30);
  });

  it("validates the drawn row", () => {
    expect(() => validateParams(ecaSchema, { row: "0101" })).toThrow(/31 cells/);
    expect(() => validateParams(ecaSchema, { row: "<svg onload=alert(1)>" })).toThrow(ParamError);
    expect(validateParams(ecaSchema, { row: "" }).row).toBe("");
  });
});

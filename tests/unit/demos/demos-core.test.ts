import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { runEnsemble } from "../../../src/core/ensemble";
import type { Params, Schema } from "../../../src/core/schema";
import { createRunner, nextChunkSize, replicateBudget, type Progress } from "../../../src/demos/protocol";
import { describeFan, fanData } from "../../../src/demos/chart-data";
import { cliCommand, shellQuote } from "../../../src/demos/cli";
import { bibtexForRun, bibEscape } from "../../../src/demos/cite";
import { toCsv, toJson } from "../../../src/demos/export";
import { formatNumber } from "../../../src/demos/format";
import { resolveDemo, DemoConfigError, sameState } from "../../../src/demos/definition";
import { coinModel, coinSchema, lookup } from "./test-model";

const schema = coinSchema as unknown as Schema<Params>;
const request = { model: "coin", params: { n: 20, p0: 0.3, T: 25 }, seed: 11, replicates: 37, keepPaths: 3 };

describe("chunked runner", () => {
  it("gives exactly the numbers of a one-piece run, with monotone progress ending at the total", async () => {
    let clock = 0;
    // Each replicate appears to take 10 ms, so chunks settle at 4 replicates (40 ms target).
    const runner = createRunner(lookup, { yieldToEvents: async () => {} });
    const seen: Progress[] = [];
    const origReplicate = coinModel.replicate;
    const timed = { ...coinModel, replicate: (p: never, r: never) => { clock += 10; return origReplicate(p, r); } };
    const timedRunner = createRunner(() => timed, { now: () => clock, yieldToEvents: async () => {} });
    const result = await timedRunner.run(1, request, (p) => seen.push(p));
    const reference = runEnsemble(coinModel, { n: 20, p0: 0.3, T: 25, mode: "plain", flag: false, weights: [1, 2], prior: "uniform" }, { seed: 11, replicates: 37, keepPaths: 3 });
    expect(result).toEqual(reference);
    expect(seen.at(-1)).toEqual({ done: 37, total: 37 });
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.slice(0, 3).map((p) => p.done)).toEqual([1, 5, 9]); // 1, then chunks of 4
    expect(await runner.run(2, request, () => {})).toEqual(reference);
  });

  it("returns null when cancelled or superseded, and rejects invalid requests", async () => {
    let release!: () => void;
    const gate = () => new Promise<void>((r) => { release = r; });
    const runner = createRunner(lookup, { yieldToEvents: gate });
    const first = runner.run(1, request, () => {});
    await Promise.resolve();
    runner.cancel(1);
    release();
    expect(await first).toBeNull();

    const runner2 = createRunner(lookup, { yieldToEvents: () => new Promise((r) => setTimeout(r, 0)) });
    const old = runner2.run(1, request, () => {});
    const fresh = runner2.run(2, { ...request, replicates: 3 }, () => {});
    expect(await old).toBeNull();
    expect((await fresh)!.replicates).toBe(3);
    await expect(runner2.run(3, { ...request, params: { n: 1 } }, () => {})).rejects.toThrow(/n: expected an integer in \[2, 1000\]/);
    await expect(runner2.run(4, { ...request, seed: -1 }, () => {})).rejects.toThrow(/seed/);
    // 201 points × 2 metrics per replicate: the memory budget allows floor(2e7 / 402) = 49751 replicates.
    expect(replicateBudget(coinModel, { n: 20, p0: 0.3, T: 200, mode: "plain", flag: false, weights: [1, 2], prior: "uniform" })).toBe(49751);
    await expect(runner2.run(5, { ...request, params: { T: 200 }, replicates: 60_000 }, () => {})).rejects.toThrow(/replicates: expected at most 49751 for these parameters/);
  });

  it("sizes chunks toward the target time, growing at most 4x", () => {
    expect(nextChunkSize(1, 10, 40)).toBe(4);
    expect(nextChunkSize(4, 1, 40)).toBe(16);
    expect(nextChunkSize(100, 400, 40)).toBe(10);
    expect(nextChunkSize(3, 1000, 40)).toBe(1);
    expect(nextChunkSize(2, 0, 40)).toBe(8);
  });
});

describe("chart data and description", () => {
  const params = { n: 10, p0: 0.5, T: 8, mode: "plain", flag: false, weights: [1], prior: "uniform" };
  const result = runEnsemble(coinModel, params, { seed: 3, replicates: 400, keepPaths: 2 });

  it("shapes summaries, kept paths and theory row by row", () => {
    const d = fanData(result, "het");
    expect(d.rows).toHaveLength(9);
    expect(d.rows[4]).toEqual({ x: 4, mean: result.metrics.het!.mean[4], q05: result.metrics.het!.q05[4], q25: result.metrics.het!.q25[4], q50: result.metrics.het!.q50[4], q75: result.metrics.het!.q75[4], q95: result.metrics.het!.q95[4] });
    expect(d.paths).toHaveLength(2 * 9);
    expect(d.theory.map((t) => t.y)).toEqual(Array.from({ length: 9 }, (_, t) => 0.25 * 0.9 ** t));
    const partial = fanData(result, "het", 3);
    expect(partial.rows.map((r) => r.x)).toEqual([0, 1, 2, 3]);
    expect(partial.theory).toHaveLength(9); // prediction shown in full during playback
    expect(() => fanData(result, "nope")).toThrow(/nope/);
  });

  it("simulated heterozygosity matches the closed form p0(1-p0)(1-1/n)^t within 3 SE", () => {
    const s = result.metrics.het!;
    for (let t = 0; t <= 8; t++) expect(Math.abs(s.mean[t]! - 0.25 * 0.9 ** t)).toBeLessThanOrEqual(3 * s.se[t]! + 1e-12);
  });

  it("describes the final generation with mean, theory, start and the 90% range", () => {
    const s = result.metrics.het!;
    const text = describeFan(result, { name: "het", label: "Heterozygosity", help: "", unit: "bits" });
    expect(text).toBe(`After 8 generations, mean heterozygosity is ${formatNumber(s.mean[8]!)} bits (theory ${formatNumber(0.25 * 0.9 ** 8)}), from 0.25 at the start. 90% of 400 replicates lie between ${formatNumber(s.q05[8]!)} and ${formatNumber(s.q95[8]!)} bits.`);
    expect(formatNumber(0.25 * 0.9 ** 8)).toBe("0.108");
    // A swept x axis (n, θ, …) is not "generations": it reads "At n = 8".
    expect(describeFan(result, { name: "het", label: "Heterozygosity", help: "", unit: "bits" }, Infinity, "n")).toMatch(/^At n = 8, mean heterozygosity is /);
    expect(formatNumber(1234567)).toBe("1.23e+6");
    expect(formatNumber(0.00001234)).toBe("1.23e-5");
    expect(formatNumber(200)).toBe("200");
  });
});

describe("exports", () => {
  const result = runEnsemble(coinModel, { n: 10, p0: 0.5, T: 4, mode: "plain", flag: false, weights: [1], prior: "uniform" }, { seed: 1, replicates: 20, keepPaths: 2 });
  it("writes a tidy CSV with one row per generation × metric × (7 summaries + theory + kept paths)", () => {
    const lines = toCsv(result).trimEnd().split("\n");
    expect(lines[0]).toBe("generation,replicate,metric,value");
    expect(lines).toHaveLength(1 + 5 * 2 * (7 + 1 + 2));
    const rows = lines.slice(1).map((l) => l.split(","));
    const q95 = rows.find((r) => r[0] === "3" && r[1] === "q95" && r[2] === "p")!;
    expect(Number(q95[3])).toBe(result.metrics.p!.q95[3]);
    const theory = rows.find((r) => r[0] === "2" && r[1] === "theory" && r[2] === "het")!;
    expect(Number(theory[3])).toBeCloseTo(0.25 * 0.9 ** 2, 15);
    const path1 = rows.find((r) => r[0] === "2" && r[1] === "1" && r[2] === "het")!;
    expect(Number(path1[3])).toBe(result.paths.het![1]![2]);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([4]));
  });
  it("writes JSON that parses, in the runner's shape plus demo metadata, non-finite numbers as null", () => {
    const text = toJson({ ...result, theory: { p: [Number.NaN] } }, { title: "t", version: "0.1.0", url: "u", demo: "d", command: "c" });
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ model: "coin", seed: 1, replicates: 20, version: "0.1.0", demo: "d", command: "c", site: { title: "t", url: "u" } });
    expect(parsed.metrics.p.mean).toEqual(result.metrics.p!.mean);
    expect(parsed.theory.p).toEqual([null]);
    expect(parsed.paths.het[1]).toEqual(result.paths.het![1]);
  });
});

describe("command line and citation", () => {
  const state = { params: { n: 20, p0: 0.5, T: 30, mode: "plain", flag: true, weights: [1, 2.5], prior: "zipf:1.1" }, seed: 9, replicates: 300 };
  it("lists every parameter, the seed and the replicates", () => {
    expect(cliCommand("coin", schema, state)).toBe("npm run sim -- coin --n 20 --p0 0.5 --T 30 --mode plain --flag true --weights 1,2.5 --prior zipf:1.1 --seed 9 --replicates 300");
  });
  it("quotes arbitrary text so a POSIX shell reads it back unchanged", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes("\0")), (text) => {
        const out = execFileSync("/bin/sh", ["-c", `printf '%s' ${shellQuote(text)}`], { encoding: "utf8" });
        expect(out).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
  it("makes a balanced @misc entry whose url is the link and whose note lists params and seed", () => {
    const bib = bibtexForRun({ title: "Entropy {decay} & 100% collapse", authors: ["Self-consuming loops contributors", "Doe, Jane"], version: "0.1.0", year: "2026", accessed: "2026-11-29", url: "https://x.org/ch/?d.n=20&d.seed=9#demo-d", demoId: "d", modelLabel: "Coin", schema, state });
    expect(bib.startsWith("@misc{d-seed9,\n")).toBe(true);
    expect(bib).toContain("url = {https://x.org/ch/?d.n=20&d.seed=9#demo-d}");
    expect(bib).toContain("author = {{Self-consuming loops contributors} and Doe, Jane}");
    expect(bib).toContain("n = 20, p0 = 0.5, T = 30, mode = plain, flag = true, weights = 1,2.5, prior = zipf:1.1; seed 9; 300 replicates");
    expect(bib).toContain("Entropy \\{decay\\} \\& 100\\% collapse");
    let depth = 0;
    for (let i = 0; i < bib.length; i++) {
      if (bib[i] === "\\") { i++; continue; }
      if (bib[i] === "{") depth++;
      if (bib[i] === "}") depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(bibEscape("a_b#c$d\\e")).toBe("a\\_b\\#c\\$d\\textbackslash{}e");
  });
});

describe("demo definitions", () => {
  it("resolves defaults and presets over the demo's own defaults", () => {
    const cfg = resolveDemo({ id: "coin-demo", model: "coin", params: { n: 50 }, seed: 4, metrics: ["het"], presets: [{ id: "small", label: "Small n", params: { n: "5" as unknown as number } }] }, coinModel);
    expect(cfg.presets[0]!.state).toEqual({ params: { n: 50, p0: 0.5, T: 30, mode: "plain", flag: false, weights: [1, 2], prior: "uniform" }, seed: 4, replicates: 200 });
    expect(cfg.presets[1]!.state.params.n).toBe(5);
    expect(cfg.presets[1]!.state.seed).toBe(4);
    expect(cfg.views).toEqual([{ kind: "fan", metric: "het" }]);
    expect(sameState(cfg.presets[0]!.state, { ...cfg.presets[0]!.state, params: { ...cfg.presets[0]!.state.params, weights: [1, 2] } })).toBe(true);
    expect(sameState(cfg.presets[0]!.state, cfg.presets[1]!.state)).toBe(false);
  });
  it("fails loudly, naming the demo, on author mistakes", () => {
    const bad = (input: object) => () => resolveDemo({ id: "d", model: "coin", ...input }, coinModel);
    expect(bad({ metrics: ["entropy"] })).toThrow(/Demo "d": model coin has no metric "entropy"/);
    expect(bad({ presets: [{ id: "x", label: "X", params: { n: 1 } }] })).toThrow(/Demo "d": n: expected an integer/);
    expect(bad({ presets: [{ id: "x", label: "X" }, { id: "x", label: "Y" }] })).toThrow(/duplicate preset/);
    expect(bad({ params: { bogus: 1 } })).toThrow(DemoConfigError);
    expect(bad({ replicates: 9000 })).toThrow(/exceeds maxReplicates/);
    expect(bad({ id: "Bad.Id" })).toThrow(/id must match/);
    const clash = { ...coinModel, schema: { params: { ...coinSchema.params, seed: coinSchema.params.n } } };
    expect(() => resolveDemo({ id: "d", model: "coin" }, clash as never)).toThrow(/reserved URL key/);
  });
});

describe("description grammar", () => {
  it("uses the singular after one generation", () => {
    const r = runEnsemble(coinModel, { n: 10, p0: 0.5, T: 3, mode: "plain", flag: false, weights: [1], prior: "uniform" }, { seed: 2, replicates: 1, keepPaths: 0 });
    expect(describeFan(r, { name: "p", label: "Share", help: "" }, 1)).toMatch(/^After 1 generation, mean share is/);
    expect(describeFan(r, { name: "p", label: "Share", help: "" }, 1)).not.toContain("replicates lie");
  });
});

describe("log slider keys", async () => {
  const { logKeyStep } = await import("../../../src/components/demo/controls");
  const n = { type: "int" as const, label: "n", help: "", min: 2, max: 1000, default: 20, scale: "log" as const };
  it("always moves an integer log slider by at least one step, and stays in range", () => {
    expect(logKeyStep(n, 20, "ArrowRight")).toBe(21);
    expect(logKeyStep(n, 20, "ArrowDown")).toBe(19);
    expect(logKeyStep(n, 20, "PageUp")).toBe(40);
    expect(logKeyStep(n, 3, "PageDown")).toBe(2);
    expect(logKeyStep(n, 1000, "ArrowUp")).toBe(1000);
    expect(logKeyStep(n, 2, "PageDown")).toBe(2);
    expect(logKeyStep(n, 20, "End")).toBe(1000);
    expect(logKeyStep(n, 20, "a")).toBeUndefined();
    const f = { type: "float" as const, label: "a", help: "", min: 0.001, max: 10, step: 0.001, default: 1, scale: "log" as const };
    expect(logKeyStep(f, 0.1, "ArrowUp")).toBe(0.101);
  });
});

describe("labels and controls", async () => {
  const { lowerFirst } = await import("../../../src/demos/chart-data");
  it("lower-cases a leading common word but keeps names", () => {
    expect(lowerFirst("Entropy H(p_t)")).toBe("entropy H(p_t)");
    expect(lowerFirst("Gini–Simpson G(p_t)")).toBe("Gini–Simpson G(p_t)");
    expect(lowerFirst("KL divergence")).toBe("KL divergence");
    expect(lowerFirst("Fitted variance σ_t²")).toBe("fitted variance σ_t²");
  });
  it("checks the names in `controls`", () => {
    expect(resolveDemo({ id: "d", model: "coin", controls: ["n", "T"] }, coinModel).controls).toEqual(["n", "T"]);
    expect(() => resolveDemo({ id: "d", model: "coin", controls: ["N"] }, coinModel)).toThrow(/controls: model coin has no parameter "N"/);
  });
});

import { describe, expect, it } from "vitest";
import { completeDistribution } from "../../../src/core/ctm/complete";
import { machineCount } from "../../../src/core/ctm/machine";
import { emptyTreeCounts, enumerateTree } from "../../../src/core/ctm/tree";
import { coerceParams } from "../../../src/core/schema";
import { checkAgainstReference, distributionCsv, distributionJson, groupDigits, rankStrings } from "../../../src/components/ctm/dn";
import { describeRun, exploreMachine, parseMachineNumber, randomMachineNumber, spaceTimeSvg, transitionTable } from "../../../src/components/ctm/explorer";
import { defaultWorkerCount, maxWorkerCount } from "../../../src/components/ctm/pool";
import { dnSchema, explorerSchema } from "../../../src/components/ctm/schemas";
import { ctmValue, formatCtmValue } from "../../../src/lib/ctm-values";
import reference from "../../../src/core/data/ctm-reference.json";
import type { DistributionSummary } from "../../../src/core/ctm/reference";

const d = (n: number, cut: number) => {
  const acc = emptyTreeCounts();
  enumerateTree({ states: n, maxSteps: cut }, acc);
  return completeDistribution(n, cut, acc);
};

describe("machine explorer logic", () => {
  it("the default machine is the BB(2) champion: 6 steps, four visited cells on blank 0", () => {
    const { runs } = exploreMachine(2, 9715n);
    expect(runs[0]!.result).toMatchObject({ halted: true, steps: 6, output: "1111" });
    expect(runs[1]!.result.halted).toBe(true);
    expect(transitionTable(2, 9715n).map((r) => r.action)).toEqual(["write 1, move right, go to B", "write 1, move left, go to B", "write 1, move left, go to A", "write 1, halt"]);
  });
  it("parses machine numbers BigInt-safely and rejects bad ones with a message", () => {
    const max = machineCount(4) - 1n;
    expect(parseMachineNumber(4, ` ${max.toString()} `)).toEqual({ ok: true, value: max });
    for (const bad of ["", "-1", "1e3", "12a", (max + 1n).toString(), "9".repeat(41), "<script>"]) expect(parseMachineNumber(4, bad).ok).toBe(false);
    expect(parseMachineNumber(1, "36").ok).toBe(false);
    expect(parseMachineNumber(1, "35").ok).toBe(true);
  });
  it("random machines are seeded, in range and vary with the seed", () => {
    for (const n of [1, 2, 3, 4]) {
      const a = randomMachineNumber(n, 7);
      expect(a).toBe(randomMachineNumber(n, 7));
      expect(a < machineCount(n)).toBe(true);
    }
    expect(new Set([1, 2, 3, 4, 5].map((s) => randomMachineNumber(4, s))).size).toBeGreaterThan(3);
  });
  it("draws one row per configuration and escapes nothing hostile (only numbers reach the SVG)", () => {
    const { runs, maxSteps } = exploreMachine(2, 9715n);
    const svg = spaceTimeSvg(runs[0]!, { id: "x" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('id="x"');
    expect(svg.match(/stroke-width="2"/g)).toHaveLength(7); // head outline on rows 0..6
    expect(describeRun(runs[0]!, maxSteps)).toContain("halts after 6 steps; output 1111");
    const loop = exploreMachine(1, 2n * 6n + 4n); // entry (1,0) = move: never halts on blank 0
    expect(describeRun(loop.runs[0]!, loop.maxSteps)).toContain("still running");
  });
  it("URL schemas: hostile values fall back with notices; machine range depends on n", () => {
    const r = coerceParams(explorerSchema, { states: "9", machine: "<img src=x onerror=alert(1)>", seed: "-3" });
    expect(r.params).toEqual({ states: 2, machine: "9715", seed: 1 });
    expect(r.notices.length).toBe(3);
    const out = coerceParams(explorerSchema, { states: "1", machine: "9715" });
    expect(out.params).toEqual({ states: 2, machine: "9715", seed: 1 });
    expect(out.notices.some((n) => /36|35/.test(n.message))).toBe(true);
    expect(coerceParams(explorerSchema, { machine: "0009715" }).params.machine).toBe("9715");
    expect(coerceParams(dnSchema, { states: "5", workers: "0" }).params).toMatchObject({ states: 3, workers: 2 });
  });
});

describe("D(n) results", () => {
  it("ranks, checks against the reference, and exports", () => {
    const d2 = d(2, 6);
    const ranked = rankStrings(d2);
    expect(ranked.slice(0, 2).map((r) => [r.string, r.count])).toEqual([["0", 2000n], ["1", 2000n]]);
    expect(ranked[0]!.ctm).toBeCloseTo(Math.log2(6088 / 2000), 12);
    expect(checkAgainstReference(d2, reference as Record<string, DistributionSummary>).differs).toEqual([]);
    const wrong = { ...d2, counts: new Map(d2.counts).set("0", 1999n) };
    expect(checkAgainstReference(wrong, reference as Record<string, DistributionSummary>).differs).toEqual(["fingerprint"]);
    const csv = distributionCsv(d2).trim().split("\n");
    expect(csv).toHaveLength(23);
    expect(csv[1]).toMatch(/^1,0,2000,/);
    const json = JSON.parse(JSON.stringify(distributionJson(d2))) as { halting: string; distinct: number };
    expect(json).toMatchObject({ halting: "6088", distinct: 22 });
    expect(groupDigits(11019960576n)).toBe("11,019,960,576");
  });
  it("worker count: 2 by default, 1 on one core, at most the cores (≤ 8)", () => {
    expect(defaultWorkerCount(undefined)).toBe(2);
    expect(defaultWorkerCount(1)).toBe(1);
    expect(defaultWorkerCount(16)).toBe(2);
    expect(maxWorkerCount(16)).toBe(8);
    expect(maxWorkerCount(4)).toBe(4);
  });
});

describe("build-time prose values", () => {
  it("come from the data, exactly", () => {
    expect(ctmValue("machines", 5)).toBe(26559922791424n);
    expect(ctmValue("halting", 2)).toBe(6088n);
    expect(ctmValue("halting", 5)).toBe(8n * 1724315972168n);
    expect(ctmValue("distinct", 5)).toBe(99_608);
    expect(ctmValue("count", 4, "0")).toBe(2n * 18n ** 7n);
    expect(ctmValue("ctm", 5, "0")).toBeCloseTo(2.5142767361233522, 12);
    expect(ctmValue("absent12", 5)).toBe(2);
    expect(ctmValue("maxDeltaPybdm", 5) as number).toBeLessThan(1e-9);
    expect(formatCtmValue(11019960576n)).toBe("11\u2009019\u2009960\u2009576");
    expect(formatCtmValue(7.1e-15)).toBe("7.1 × 10^-15");
    expect(() => ctmValue("ctm", 5, "2")).toThrow();
  });
});

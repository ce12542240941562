import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { choicesOfNumber, decodeChoice, decodeMachine, encodeChoice, encodeMachine, machineCount, machineFromChoices, numberOfChoices } from "../../../src/core/ctm/machine";
import { runMachine } from "../../../src/core/ctm/run";

describe("machine space and numbering", () => {
  it("has (4n+2)^(2n) machines (OEIS A141475)", () => {
    expect([1, 2, 3, 4, 5].map(machineCount)).toEqual([36n, 10000n, 7529536n, 11019960576n, 26559922791424n]);
  });

  it("decodes digits as in the authors' simulator", () => {
    expect(decodeChoice(0)).toEqual({ write: 0, move: 0, next: -1 });
    expect(decodeChoice(1)).toEqual({ write: 1, move: 0, next: -1 });
    expect(decodeChoice(2)).toEqual({ write: 0, move: 1, next: 0 });
    expect(decodeChoice(3)).toEqual({ write: 1, move: 1, next: 0 });
    expect(decodeChoice(4)).toEqual({ write: 0, move: -1, next: 0 });
    expect(decodeChoice(6)).toEqual({ write: 0, move: 1, next: 1 });
    expect(decodeChoice(9)).toEqual({ write: 1, move: -1, next: 1 });
  });

  it("puts entry (n, 0) in the least significant digit and (1, 1) in the most significant", () => {
    expect(choicesOfNumber(2, 1)).toEqual([0, 0, 1, 0]);
    expect(choicesOfNumber(2, 10)).toEqual([0, 0, 0, 1]);
    expect(choicesOfNumber(2, 100)).toEqual([1, 0, 0, 0]);
    expect(choicesOfNumber(2, 1000)).toEqual([0, 1, 0, 0]);
    expect(numberOfChoices(2, [1, 2, 3, 4])).toBe(2143n);
  });

  it("encode inverts decode", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.bigInt({ min: 0n, max: 26559922791423n }), (n, raw) => {
      const N = raw % machineCount(n);
      expect(encodeMachine(decodeMachine(n, N))).toBe(N);
    }));
    for (let c = 0; c < 22; c++) expect(encodeChoice(decodeChoice(c))).toBe(c);
  });

  it("rejects bad numbers and choices", () => {
    expect(() => decodeMachine(2, 10000)).toThrow(RangeError);
    expect(() => decodeMachine(6, 0)).toThrow(RangeError);
    expect(() => machineFromChoices(2, [0, 0, 0, 10])).toThrow(RangeError);
  });
});

describe("runner", () => {
  it("reproduces the simulator's test vector: machines 0..1000 of (2,2), blank 0, 500 steps", () => {
    const c: Record<string, number> = {};
    for (let N = 0; N <= 1000; N++) {
      const r = runMachine(decodeMachine(2, N), { maxSteps: 500 });
      const k = r.halted ? r.output : "-1";
      c[k] = (c[k] ?? 0) + 1;
    }
    expect(c).toEqual({ "-1": 658, "0": 101, "00": 46, "001": 1, "01": 34, "010": 2, "011": 1, "1": 100, "10": 34, "100": 1, "11": 22, "110": 1 });
  });

  it("counts the halting step, does not move on it, and outputs visited cells", () => {
    // state 0 reads 0: write 1, move R, go to state 1; state 1 reads 0: write 0 and halt.
    const m = machineFromChoices(2, [encodeChoice({ write: 1, move: 1, next: 1 }), 0, 0, 0]);
    const r = runMachine(m, { maxSteps: 2 });
    expect(r).toMatchObject({ halted: true, steps: 2, output: "10", min: 0, max: 1 });
    expect(runMachine(m, { maxSteps: 1 }).halted).toBe(false);
    // On blank 1 the same machine reads 1 in state 0 (entry 1 = halt writing 0).
    expect(runMachine(m, { maxSteps: 5, blank: 1 })).toMatchObject({ halted: true, steps: 1, output: "0" });
  });

  it("records a space-time history consistent with the run", () => {
    const m = decodeMachine(4, 9876543210n);
    const r = runMachine(m, { maxSteps: 107, history: true });
    const h = r.history!;
    expect(h.width).toBe(r.max - r.min + 1);
    expect(h.head.length).toBe(r.steps + 1);
    const last = h.cells.subarray(r.steps * h.width, (r.steps + 1) * h.width);
    expect(Array.from(last).join("")).toBe(r.output);
    for (let t = 1; t <= r.steps; t++) expect(Math.abs(h.head[t]! - h.head[t - 1]!)).toBeLessThanOrEqual(1);
  });
});

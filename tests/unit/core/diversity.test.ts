import { describe, expect, it } from "vitest";
import { entropyBits, giniSimpson, missedMass, sumSquares, supportSize } from "../../../src/core/metrics/diversity";

describe("diversity metrics", () => {
  it("match hand-computed values", () => {
    const p = [0.5, 0.25, 0.25, 0];
    expect(entropyBits(p)).toBeCloseTo(1.5, 15);
    expect(sumSquares(p)).toBeCloseTo(0.375, 15);
    expect(giniSimpson(p)).toBeCloseTo(0.625, 15);
    expect(supportSize(p)).toBe(3);
    expect(missedMass(p, [3, 0, 1, 0])).toBe(0.25);
    expect(entropyBits(new Float64Array(8).fill(1 / 8))).toBeCloseTo(3, 14);
    expect(entropyBits([1, 0])).toBe(0);
  });
});

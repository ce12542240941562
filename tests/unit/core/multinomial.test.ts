import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng";
import { multinomial } from "../../../src/core/sampling/multinomial";
import { meanSe } from "./stats";

describe("multinomial sampler (conditional binomials)", () => {
  it("coordinates have mean n p_i, variance n p_i (1−p_i) and covariance −n p_i p_j within 3 SE; zero weights never drawn", () => {
    const w = [0.5, 0, 0.2, 0.25, 0.05, 0];
    const n = 137, R = 50_000, K = w.length;
    const rng = createRng(1);
    const out = new Float64Array(K), tail = new Float64Array(K);
    const xs = Array.from({ length: K }, () => new Float64Array(R));
    let badSum = 0;
    for (let r = 0; r < R; r++) {
      multinomial(rng, n, w, out, tail);
      let s = 0;
      for (let i = 0; i < K; i++) { xs[i]![r] = out[i]!; s += out[i]!; }
      if (s !== n) badSum++;
    }
    expect(badSum).toBe(0);
    for (let i = 0; i < K; i++) {
      const p = w[i]!;
      const m = meanSe(xs[i]!);
      if (p === 0) { expect(m.mean).toBe(0); continue; }
      expect(Math.abs(m.mean - n * p)).toBeLessThan(3 * m.se);
      const v = meanSe(xs[i]!.map((x) => (x - n * p) ** 2));
      expect(Math.abs(v.mean - n * p * (1 - p))).toBeLessThan(3 * v.se);
    }
    const cov = meanSe(xs[0]!.map((x, r) => (x - n * w[0]!) * (xs[3]![r]! - n * w[3]!)));
    expect(Math.abs(cov.mean + n * w[0]! * w[3]!)).toBeLessThan(3 * cov.se);
  });

  it("accepts unnormalised weights and huge n in O(K)", () => {
    const rng = createRng(2);
    const w = [2, 6, 1e-9, 2]; // sums to 10 + 1e-9
    const out = new Float64Array(4), tail = new Float64Array(4);
    const R = 5000, n = 1e9;
    const first = new Float64Array(R), tiny = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      multinomial(rng, n, w, out, tail);
      expect(out[0]! + out[1]! + out[2]! + out[3]!).toBe(n);
      first[r] = out[0]!;
      tiny[r] = out[2]!;
    }
    const total = 10 + 1e-9;
    const a = meanSe(first);
    expect(Math.abs(a.mean - (n * 2) / total)).toBeLessThan(3 * a.se);
    const b = meanSe(tiny);
    expect(Math.abs(b.mean - (n * 1e-9) / total)).toBeLessThan(3 * b.se);
  });

  it("n = 0 gives zeros; a single positive weight takes everything", () => {
    const rng = createRng(1);
    const out = new Float64Array(3).fill(9), tail = new Float64Array(3);
    multinomial(rng, 0, [0.2, 0.3, 0.5], out, tail);
    expect(Array.from(out)).toEqual([0, 0, 0]);
    multinomial(rng, 77, [0, 1, 0], out, tail);
    expect(Array.from(out)).toEqual([0, 77, 0]);
  });
});

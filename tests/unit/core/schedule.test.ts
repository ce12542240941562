import { describe, expect, it } from "vitest";
import { ParamError } from "../../../src/core/errors";
import { createRng } from "../../../src/core/rng";
import { binomial } from "../../../src/core/sampling/binomial";
import { alphaAt, alphaSeries, survivingBias, type ScheduleParams } from "../../../src/core/schedule";
import { anyRealDrawProbability, expectedRealDraws, tailRealDraws } from "../../../src/core/theory/summability";

const base: ScheduleParams = { alpha: 0.2, schedule: "constant", ratio: 0.9, alphaList: [0.5, 0.25] };

describe("α schedules", () => {
  it("give the documented values", () => {
    expect(alphaAt(base, 7)).toBe(0.2);
    expect(alphaAt({ ...base, schedule: "inverse" }, 3)).toBe(0.25);
    expect(alphaAt({ ...base, schedule: "inverse-square" }, 0)).toBe(1);
    expect(alphaAt({ ...base, schedule: "inverse-square" }, 4)).toBe(1 / 16);
    expect(alphaAt({ ...base, schedule: "geometric" }, 2)).toBeCloseTo(0.81, 15);
    expect(Array.from(alphaSeries({ ...base, schedule: "custom" }, 4))).toEqual([0.5, 0.25, 0.25, 0.25]);
    expect(() => alphaAt({ ...base, schedule: "custom", alphaList: [] }, 0)).toThrow(ParamError);
  });

  it("surviving bias ∏_{s<t}(1 − α_s)", () => {
    expect(Array.from(survivingBias(base, 3))).toEqual([1, 0.8, 0.8 * 0.8]);
    expect(survivingBias({ ...base, schedule: "inverse" }, 5)[4]).toBe(0); // α_0 = 1 grounds the first step fully
  });

  it("T11: α_t = t^-2, n = 50: fraction of runs with a real draw in [500, 5000] within 3 SE of 1 − ∏(1 − α_s)^n ≈ 0.086; Borel–Cantelli bounds hold", () => {
    const s: ScheduleParams = { ...base, schedule: "inverse-square" };
    const n = 50, t0 = 500, t1 = 5000, R = 2000;
    const exact = anyRealDrawProbability(s, n, t0, t1);
    expect(exact).toBeCloseTo(0.086, 3);
    const union = expectedRealDraws(s, n, t0, t1);
    const tail = tailRealDraws(s, n, t0);
    expect(union).toBeCloseTo(0.090, 3);
    expect(exact).toBeLessThanOrEqual(union);
    expect(union).toBeLessThanOrEqual(tail);
    expect(tail).toBeCloseTo(n / (t0 - 0.5), 4); // ψ′(t0) ≈ 1/(t0 − 1/2)
    const rng = createRng(11);
    const alphas = alphaSeries(s, t1 + 1);
    let hit = 0;
    for (let r = 0; r < R; r++) {
      for (let t = t0; t <= t1; t++) {
        if (binomial(rng, n, alphas[t]!) > 0) {
          hit++;
          break;
        }
      }
    }
    const frac = hit / R;
    const se = Math.sqrt((exact * (1 - exact)) / R);
    expect(Math.abs(frac - exact)).toBeLessThan(3 * se);
    expect(frac).toBeLessThan(union + 3 * se);
  });

  it("tail sums: non-summable schedules report Infinity, geometric has its closed form", () => {
    expect(tailRealDraws({ ...base, schedule: "inverse" }, 10, 5)).toBe(Infinity);
    expect(tailRealDraws(base, 10, 5)).toBe(Infinity);
    expect(tailRealDraws({ ...base, schedule: "geometric", ratio: 0.5 }, 10, 3)).toBeCloseTo((10 * 0.125) / 0.5, 12);
    expect(tailRealDraws({ ...base, schedule: "custom", alphaList: [1, 0.5, 0] }, 10, 1)).toBe(5);
  });
});

import { describe, expect, it } from "vitest";
import { simValue } from "../../src/lib/sim-value";

describe("simValue", () => {
  it("quotes the exact theory value E G_t = (1 - 1/n)^t G_0 for a uniform start", () => {
    const K = 10, n = 50, t = 40;
    const value = simValue({ model: "categorical", params: { K, n, generations: t, init: "uniform" }, metric: "giniSimpson", stat: "theory" });
    expect(value).toBeCloseTo((1 - 1 / n) ** t * (1 - 1 / K), 12);
  });
  it("quotes a simulated mean that agrees with the closed form within 3 SE", () => {
    const params = { K: 10, n: 50, generations: 40, init: "uniform" };
    const mean = simValue({ model: "categorical", params, metric: "giniSimpson", replicates: 400 });
    const se = simValue({ model: "categorical", params, metric: "giniSimpson", replicates: 400, stat: "se" });
    expect(Math.abs(mean - (1 - 1 / 50) ** 40 * 0.9)).toBeLessThan(3 * se);
  });
  it("fails loudly on unknown metrics, bad params and out-of-range indices", () => {
    expect(() => simValue({ model: "categorical", metric: "nope" })).toThrow(/nope/);
    expect(() => simValue({ model: "categorical", params: { n: -1 }, metric: "entropy" })).toThrow(/n/);
    expect(() => simValue({ model: "categorical", params: { generations: 5 }, metric: "entropy", at: 99 })).toThrow(/index 99/);
    expect(() => simValue({ model: "nope", metric: "entropy" })).toThrow(/unknown model/);
  });
});

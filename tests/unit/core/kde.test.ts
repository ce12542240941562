/**
 * KDE family: log density against a brute-force sum, entropy and KL against closed forms, the exact
 * E variance recursion against simulation (3 SE) and against its own closed-loop solution, and the
 * coalescence of ancestors (E distinct = n(1 − (1 − 1/n)^n) after one generation; never increasing).
 */
import { describe, expect, it } from "vitest";
import { kde, runKde } from "../../../src/core/models/kde";
import { kdeEntropy, kdeKl, kdeLogDensity } from "../../../src/core/theory/kde-density";
import { kdeVarianceRecursion, SILVERMAN } from "../../../src/core/theory/kde";
import { makeMixture } from "../../../src/core/theory/mixture-density";
import { createRng, replicateRngs } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { meanSe, slope } from "./stats";

describe("KDE numerics", () => {
  it("log density equals the brute-force log of the kernel sum, near and far from the centres", () => {
    const rng = createRng(4);
    const c = Float64Array.from({ length: 60 }, () => rng() * 10 - 5).sort();
    const h = 0.2;
    for (const x of [-5.2, -1, 0.01, 3.3, 7, 40]) {
      let max = -Infinity;
      const terms = Array.from(c, (ci) => -((x - ci) ** 2) / (2 * h * h));
      for (const v of terms) max = Math.max(max, v);
      const brute = max + Math.log(terms.reduce((s, v) => s + Math.exp(v - max), 0)) - Math.log(60 * h * Math.sqrt(2 * Math.PI));
      expect(kdeLogDensity(c, h, x)).toBeCloseTo(brute, 9);
    }
  });
  it("one centre: entropy ½ ln(2πe h²) and KL to a normal in closed form", () => {
    const c = Float64Array.of(0.4);
    for (const h of [0.05, 1, 3]) expect(kdeEntropy(c, h)).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * h * h), 8);
    const truth = makeMixture([1], [-0.5], [1.2]);
    const h = 0.9; // KL(N(−0.5, 1.2²) ‖ N(0.4, 0.9²))
    expect(kdeKl(c, h, truth)).toBeCloseTo(Math.log(h / 1.2) + (1.2 ** 2 + 0.9 ** 2) / (2 * h * h) - 0.5, 8);
  });
});

describe("KDE numerics against independent fine grids", () => {
  const logKde = (c: Float64Array, h: number, x: number) => {
    const t = Array.from(c, (ci) => -((x - ci) ** 2) / (2 * h * h));
    const max = Math.max(...t);
    return max + Math.log(t.reduce((s, v) => s + Math.exp(v - max), 0)) - Math.log(c.length * h * Math.sqrt(2 * Math.PI));
  };
  it("entropy with far-apart clusters of centres (merged-interval grids) matches a brute-force trapezoid", () => {
    const c = Float64Array.of(-30, -29.5, -29.9, 0, 0.2, 41).sort();
    const h = 0.4, a = -35, b = 46, N = 400_000, dx = (b - a) / N;
    let ref = 0;
    for (let i = 0; i <= N; i++) {
      const lp = logKde(c, h, a + i * dx);
      ref -= (i === 0 || i === N ? 0.5 : 1) * Math.exp(lp) * lp * dx;
    }
    expect(kdeEntropy(c, h)).toBeCloseTo(ref, 7);
  });
  it("KL with h ≫ σ*_min (interpolated log density) matches a brute-force trapezoid", () => {
    const rng = createRng(12);
    const c = Float64Array.from({ length: 40 }, () => rng() * 6 - 3).sort();
    const truth = makeMixture([0.5, 0.5], [-1, 2], [0.1, 1]);
    const h = 2, a = 2 - 9, b = 2 + 9, N = 300_000, dx = (b - a) / N;
    let ref = 0;
    for (let i = 0; i <= N; i++) {
      const x = a + i * dx;
      const p1 = 0.5 * Math.exp(-(((x + 1) / 0.1) ** 2) / 2) / (0.1 * Math.sqrt(2 * Math.PI));
      const p2 = 0.5 * Math.exp(-(((x - 2) / 1) ** 2) / 2) / Math.sqrt(2 * Math.PI);
      const ps = p1 + p2;
      ref += (i === 0 || i === N ? 0.5 : 1) * (ps > 0 ? ps * (Math.log(ps) - logKde(c, h, x)) : 0) * dx;
    }
    expect(Math.abs(kdeKl(c, h, truth) - ref)).toBeLessThan(1e-5 * Math.max(1, ref));
  });
});

describe("KDE variance recursion", () => {
  it("closed loop, fixed h: E V_t = n h² + (E V_0 − n h²)(1 − 1/n)^t; Silverman: geometric factor (1 − 1/n)(1 + b)", () => {
    const n = 30, h = 0.4, s2 = 2.5;
    const fixed = kdeVarianceRecursion({ n, generations: 50, alpha: 0, bandwidth: "fixed", h, muStar: 1, sigmaStar2: s2 });
    const V0 = (1 - 1 / n) * s2 + h * h;
    fixed.variance.forEach((v, t) => expect(v).toBeCloseTo(n * h * h + (V0 - n * h * h) * (1 - 1 / n) ** t, 10));
    const silver = kdeVarianceRecursion({ n, generations: 20, alpha: 0, bandwidth: "silverman", h, muStar: 1, sigmaStar2: s2 });
    const b = SILVERMAN ** 2 * n ** -0.4 * (n / (n - 1));
    silver.variance.forEach((v, t) => expect(v / ((1 - 1 / n) * s2 * (1 + b))).toBeCloseTo(((1 - 1 / n) * (1 + b)) ** t, 10));
  });
  for (const raw of [
    { bandwidth: "fixed", h: 0.5, alpha: 0 },
    { bandwidth: "fixed", h: 0.2, alpha: 0.25, truth: "trimodal" },
    { bandwidth: "silverman", alpha: 0 },
    { bandwidth: "silverman", alpha: 0.5, truth: "skewed" },
  ]) {
    it(`simulated E variance matches the recursion within 3 SE (${JSON.stringify(raw)})`, () => {
      const p = validateParams(kde.schema, { ...raw, n: 25, generations: 20 });
      const theory = kde.theory(p).variance!;
      const runs = replicateRngs(23, 800).map((rng) => runKde(p, rng));
      for (const t of [0, 1, 5, 20]) {
        const s = meanSe(runs.map((r) => r.variance![t]!));
        expect(Math.abs(s.mean - theory[t]!)).toBeLessThan(3 * s.se);
      }
    }, 120_000);
  }
});

describe("KDE ancestry", () => {
  it("after one closed-loop generation E ancestors = n(1 − (1 − 1/n)^n) within 3 SE, and ancestors never increase", () => {
    const n = 40;
    const p = validateParams(kde.schema, { n, generations: 15 });
    const runs = replicateRngs(8, 600).map((rng) => runKde(p, rng));
    const s = meanSe(runs.map((r) => r.ancestors![1]!));
    expect(Math.abs(s.mean - n * (1 - (1 - 1 / n) ** n))).toBeLessThan(3 * s.se);
    for (const r of runs) for (let t = 1; t <= 15; t++) expect(r.ancestors![t]!).toBeLessThanOrEqual(r.ancestors![t - 1]!);
  }, 60_000);
});

describe("KDE loop direction (inflation, not collapse)", () => {
  it("closed loop, fixed h with n h² above the truth's variance: entropy and KL rise in expectation (slopes, 3 SE)", () => {
    const p = validateParams(kde.schema, { n: 50, generations: 40, h: 0.5 }); // E V_t → n h² = 12.5 > Var π* = 4.36
    const runs = replicateRngs(43, 60).map((rng) => runKde(p, rng));
    const h = meanSe(runs.map((r) => slope(r.entropy!)));
    expect(h.mean - 3 * h.se).toBeGreaterThan(0);
    const kl = meanSe(runs.map((r) => slope(r.kl!)));
    expect(kl.mean - 3 * kl.se).toBeGreaterThan(0);
  }, 60_000);
});

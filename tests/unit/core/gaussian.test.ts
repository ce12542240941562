/**
 * Gaussian refit loop: §4 T14–T17 and S6b of paper-math.md, the exact moment recursion, and the fast
 * sufficient-statistics path against the explicit per-sample path (two-sample KS, α = 0.001).
 * Expected values are written out here from the closed forms (not taken from src/core/theory) wherever
 * the closed form is short.
 */
import { describe, expect, it } from "vitest";
import digamma from "@stdlib/math-base-special-digamma";
import trigamma from "@stdlib/math-base-special-trigamma";
import { gaussian, realCount, type GaussianParams } from "../../../src/core/models/gaussian";
import { c4, gaussianClosedLoop, gaussianMoments, gaussianStationary } from "../../../src/core/theory/gaussian";
import { replicateRngs } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { explicitFinal } from "./support/gaussian-explicit";
import { ksCritical, ksStatistic, meanSE, varianceSE } from "./support/stats";

const params = (raw: Partial<Record<keyof GaussianParams, unknown>>): GaussianParams => validateParams(gaussian.schema, raw);

/** Column t of every replicate's path of `metric`. */
function column(p: GaussianParams, seed: number, R: number, metric: string, ts: number[]): Float64Array[] {
  const cols = ts.map(() => new Float64Array(R));
  replicateRngs(seed, R).forEach((rng, r) => {
    const path = gaussian.replicate(p, rng)[metric]!;
    ts.forEach((t, i) => (cols[i]![r] = path[t]!));
  });
  return cols;
}

const within3SE = (est: { mean: number; se: number }, theory: number) => {
  expect(est.se).toBeGreaterThan(0);
  expect(Math.abs(est.mean - theory)).toBeLessThanOrEqual(3 * est.se);
};

/** Γ(n/2)/Γ((n−1)/2) for even n by the half-integer product formula (independent of gammaln). */
function gammaRatioEven(n: number): number {
  let g = 1; // Γ(n/2) = (n/2 − 1)!
  for (let i = 2; i < n / 2; i++) g *= i;
  let h = Math.sqrt(Math.PI); // Γ((n−1)/2) = Γ(j + 1/2) with j = n/2 − 1
  for (let i = 0; i < n / 2 - 1; i++) h *= i + 0.5;
  return g / h;
}

describe("closed forms (deterministic)", () => {
  it("c4 matches the half-integer Gamma formula and 1 − 1/(4n) asymptotics", () => {
    expect(c4(10)).toBeCloseTo(Math.sqrt(2 / 9) * gammaRatioEven(10), 12);
    expect(Math.abs(c4(1000) - (1 - 1 / 4000))).toBeLessThan(1e-6);
  });
  it("V_∞, D_∞ of §2.4(ii): n = 20, m = 2 gives 0.7872 / 0.2128 and the closed form αcσ*²/(1 − (1 − α)c)", () => {
    const s = gaussianStationary({ n: 20, alpha: 0.1, estimator: "mle", temperature: 1, sigmaStar: 1, workflow: "replace" })!;
    const a = 0.1, c = 1 - 1 / (20 * (2 - a));
    expect(s.V).toBeCloseTo((a * c) / (1 - (1 - a) * c), 12);
    expect(s.V).toBeCloseTo(0.7872, 4);
    expect(s.D).toBeCloseTo(0.2128, 4);
    const mom = gaussianMoments(params({ n: 20, alpha: 0.1, generations: 400 }));
    expect(mom.sigma2[400]).toBeCloseTo(s.V, 10);
    expect(mom.meanSqErr[400]).toBeCloseTo(s.D, 10);
  });
  it("closed-loop laws reduce to the §2.3 table (λ = 1) and to λ^{2t}σ0² for E σ² (unbiased)", () => {
    const u = params({ n: 10, estimator: "unbiased", generations: 50 });
    const law = gaussianClosedLoop(u)!;
    expect(law.logSigma2[50]).toBeCloseTo(50 * (digamma(4.5) - Math.log(4.5)), 10);
    expect(law.logSigma2Var[50]).toBeCloseTo(50 * trigamma(4.5), 10);
    expect(law.sigma[50]).toBeCloseTo(c4(10) ** 50, 12);
    const hot = gaussianMoments(params({ n: 10, estimator: "unbiased", temperature: 0.9, generations: 30 }));
    expect(hot.sigma2[30]).toBeCloseTo(0.9 ** 60, 12);
    expect(gaussianMoments(params({ n: 10, generations: 30 })).sigma2[30]).toBeCloseTo(0.9 ** 30, 12);
    expect(gaussianClosedLoop(params({ alpha: 0.5 }))).toBeNull();
    expect(gaussianClosedLoop(params({ workflow: "accumulate" }))).toBeNull();
  });
});

describe("S4: closed loop, n = 10 (T14–T16)", () => {
  const R = 4000;
  const U = params({ n: 10, estimator: "unbiased", generations: 100 });
  const M = params({ n: 10, estimator: "mle", generations: 100 });
  const drift = digamma(4.5) - Math.log(4.5);

  it("T14: E log σ_t² = t[ψ((n−1)/2) − ln((n−1)/2)] (U), plus t ln((n−1)/n) (MLE), within 3 SE", () => {
    for (const [p, extra] of [[U, 0], [M, Math.log(0.9)]] as const) {
      const cols = column(p, 14, R, "logSigma2", [10, 50, 100]);
      [10, 50, 100].forEach((t, i) => within3SE(meanSE(cols[i]!), t * (drift + extra)));
    }
  });
  it("T14b: Var log σ_t² = t ψ'((n−1)/2) within 3 SE (both estimators)", () => {
    for (const p of [U, M]) {
      const v = varianceSE(column(p, 141, R, "logSigma2", [100])[0]!);
      expect(Math.abs(v.variance - 100 * trigamma(4.5))).toBeLessThanOrEqual(3 * v.se);
    }
  });
  it("T15: E σ_t = c4^t (U) and (c4 √((n−1)/n))^t (MLE) within 3 SE", () => {
    const k4 = Math.sqrt(2 / 9) * gammaRatioEven(10);
    for (const [p, f] of [[U, k4], [M, k4 * Math.sqrt(0.9)]] as const) {
      const cols = column(p, 15, R, "sigma", [1, 5, 20]);
      [1, 5, 20].forEach((t, i) => within3SE(meanSE(cols[i]!), f ** t));
    }
  });
  it("T16: Var μ_t = t/n (U) and 1 − (1 − 1/n)^t (MLE) within 3 SE of the sample variance", () => {
    for (const [p, law] of [[U, (t: number) => t / 10], [M, (t: number) => 1 - 0.9 ** t]] as const) {
      const cols = column(p, 16, R, "mu", [5, 20]);
      [5, 20].forEach((t, i) => {
        const v = varianceSE(cols[i]!);
        expect(Math.abs(v.variance - law(t))).toBeLessThanOrEqual(3 * v.se);
      });
    }
    const v = varianceSE(column(M, 161, R, "mu", [100])[0]!);
    expect(Math.abs(v.variance - (1 - 0.9 ** 100))).toBeLessThanOrEqual(3 * v.se);
  });
  it("E W₂² = t/n + 2(1 − c4^t) (U) and 2 − 2(c4√(1 − 1/n))^t (MLE), within 3 SE", () => {
    const k4 = Math.sqrt(2 / 9) * gammaRatioEven(10);
    within3SE(meanSE(column(U, 17, R, "w2", [5])[0]!), 5 / 10 + 2 * (1 - k4 ** 5));
    const cols = column(M, 18, R, "w2", [20, 100]);
    [20, 100].forEach((t, i) => within3SE(meanSE(cols[i]!), 2 - 2 * (k4 * Math.sqrt(0.9)) ** t));
  });
  it("temperature λ = 0.8 shifts the drift of log σ² by 2 ln λ per generation (within 3 SE)", () => {
    const p = params({ n: 10, estimator: "unbiased", temperature: 0.8, generations: 40 });
    within3SE(meanSE(column(p, 19, R, "logSigma2", [40])[0]!), 40 * (drift + 2 * Math.log(0.8)));
  });
});

describe("S5 and S6b: real data and accumulation", () => {
  it("T17: n = 20, m = 2 (α = 0.1), MLE: E σ²_200 and E(μ_200 − μ*)² within 3 SE of V_∞ = 0.7872, D_∞ = 0.2128", () => {
    const p = params({ n: 20, alpha: 0.1, generations: 200 });
    const R = 3000;
    const [s2] = column(p, 17, R, "sigma2", [200]);
    const [mu] = column(p, 17, R, "mu", [200]);
    const a = 0.1, c = 1 - 1 / (20 * (2 - a));
    const V = (a * c) / (1 - (1 - a) * c);
    within3SE(meanSE(s2!), V);
    within3SE(meanSE(mu!.map((x) => x * x)), 1 - V); // D_∞ = σ*² − V_∞ here (0.2128)
  });
  it("moment recursion (accumulate, α = 0.2, unbiased, λ = 0.8, μ0 ≠ μ*): E σ² and Var μ within 3 SE", () => {
    const p = params({ n: 10, alpha: 0.2, estimator: "unbiased", temperature: 0.8, workflow: "accumulate", generations: 30, mu0: 1, sigma0: 2, muStar: -0.5, sigmaStar: 0.7 });
    const th = gaussianMoments(p);
    const R = 3000;
    const [s2a, s2b] = column(p, 20, R, "sigma2", [3, 30]);
    const [mua, mub] = column(p, 20, R, "mu", [3, 30]);
    within3SE(meanSE(s2a!), th.sigma2[3]!);
    within3SE(meanSE(s2b!), th.sigma2[30]!);
    within3SE(meanSE(mua!), th.mean[3]!);
    within3SE(meanSE(mub!), th.mean[30]!);
    const v = varianceSE(mub!);
    expect(Math.abs(v.variance - th.meanVar[30]!)).toBeLessThanOrEqual(3 * v.se);
  });
  it("S6b: accumulate keeps Var μ_t ≤ (max E σ²/n)·π²/6 while replace grows like t/n (n = 20, U)", () => {
    const R = 3000;
    const acc = params({ n: 20, estimator: "unbiased", workflow: "accumulate", generations: 100 });
    const rep = params({ n: 20, estimator: "unbiased", workflow: "replace", generations: 100 });
    const bound = (1 / 20) * (Math.PI ** 2 / 6); // E σ_t² ≤ σ0² = 1 under accumulate (it only decreases)
    expect(Math.max(...gaussianMoments(acc).sigma2)).toBeLessThanOrEqual(1 + 1e-12);
    const [a10, a100] = column(acc, 21, R, "mu", [10, 100]).map(varianceSE);
    expect(gaussianMoments(acc).meanVar[100]).toBeLessThanOrEqual(bound);
    expect(a100!.variance - 3 * a100!.se).toBeLessThanOrEqual(bound);
    expect(Math.abs(a100!.variance - gaussianMoments(acc).meanVar[100]!)).toBeLessThanOrEqual(3 * a100!.se);
    expect(a100!.variance - a10!.variance).toBeLessThan(0.01); // it has essentially stopped moving
    const [r100] = column(rep, 22, R, "mu", [100]).map(varianceSE);
    expect(r100!.variance - 3 * r100!.se).toBeGreaterThan(10 * bound); // replace: t/n = 5
  });
});

describe("fast sufficient-statistics path vs explicit per-sample path (two-sample KS, α = 0.001)", () => {
  const R = 2000;
  const cases: [string, GaussianParams][] = [
    ["closed loop, MLE, replace", params({ n: 10, generations: 20 })],
    ["accumulate, unbiased, m = 2, λ = 0.8, off-truth start", params({ n: 7, generations: 15, estimator: "unbiased", workflow: "accumulate", alpha: 0.3, temperature: 0.8, mu0: 0.5, sigma0: 1.5, muStar: -0.2, sigmaStar: 0.7 })],
    ["replace, m = round(2.5) = 3 of 5, MLE", params({ n: 5, generations: 25, alpha: 0.5 })],
  ];
  const fastFinal = (p: GaussianParams, seed: number) => {
    const mu = new Float64Array(R), s2 = new Float64Array(R);
    replicateRngs(seed, R).forEach((rng, r) => {
      const out = gaussian.replicate(p, rng);
      mu[r] = out.mu![p.generations]!;
      s2[r] = out.sigma2![p.generations]!;
    });
    return { mu, s2 };
  };
  const explicit = (p: GaussianParams, seed: number) => {
    const mu = new Float64Array(R), s2 = new Float64Array(R);
    replicateRngs(seed, R).forEach((rng, r) => {
      const out = explicitFinal(p, rng);
      mu[r] = out.mu;
      s2[r] = out.sigma2;
    });
    return { mu, s2 };
  };
  for (const [name, p] of cases) {
    it(`agrees in distribution: ${name}`, () => {
      const a = fastFinal(p, 101), b = explicit(p, 202);
      const crit = ksCritical(R, R);
      expect(ksStatistic(a.mu, b.mu)).toBeLessThan(crit);
      expect(ksStatistic(a.s2, b.s2)).toBeLessThan(crit);
    });
  }
  it("has power: it rejects the explicit path run with the other estimator (closed loop, σ² off by 0.9^20)", () => {
    const p = cases[0]![1];
    const a = fastFinal(p, 101), b = explicit({ ...p, estimator: "unbiased" }, 202);
    expect(ksStatistic(a.s2, b.s2)).toBeGreaterThan(ksCritical(R, R));
  });
});

describe("theory() wiring", () => {
  it("counts round(αn) real samples, decimal halves up", () => {
    expect(realCount({ n: 5, alpha: 0.7 })).toBe(4); // 0.7·5 = 3.4999999999999996 in binary
    expect(realCount({ n: 5, alpha: 0.5 })).toBe(3);
    expect(realCount({ n: 20, alpha: 0.1 })).toBe(2);
    expect(realCount({ n: 12, alpha: 0.04 })).toBe(0);
    expect(realCount({ n: 10, alpha: 1 })).toBe(10);
  });
  it("gives every series on the generation axis, and closed-loop laws only where they are exact", () => {
    const closed = params({ n: 12, generations: 7 });
    const keys = Object.keys(gaussian.theory(closed)).sort();
    expect(keys).toEqual(["logSigma2", "logSigma2:var", "mu", "mu:var", "sigma", "sigma2", "w2"]);
    for (const k of keys) expect(gaussian.theory(closed)[k]).toHaveLength(8);
    for (const open of [params({ n: 12, alpha: 0.1 }), params({ workflow: "accumulate" })]) {
      expect(Object.keys(gaussian.theory(open)).sort()).toEqual(["mu", "mu:var", "sigma2"]);
    }
    // α below 1/(2n) rounds to no real sample: the closed-loop laws apply again (§2.1 warning).
    expect(gaussian.theory(params({ n: 12, alpha: 0.04 }))).toHaveProperty("logSigma2");
  });
});

describe("paths and invariants", () => {
  it("generation 0 is the initial model and the metrics are consistent with each other", () => {
    const p = params({ n: 30, generations: 50, alpha: 0.2, mu0: 2, sigma0: 3, muStar: 1, sigmaStar: 0.5 });
    const out = gaussian.replicate(p, replicateRngs(5, 1)[0]!);
    expect(out.mu![0]).toBe(2);
    expect(out.sigma2![0]).toBeCloseTo(9, 12);
    for (let t = 0; t <= 50; t++) {
      expect(out.sigma![t]! ** 2).toBeCloseTo(out.sigma2![t]!, 10);
      expect(Math.log(out.sigma2![t]!)).toBeCloseTo(out.logSigma2![t]!, 10);
      expect(out.w2![t]).toBeCloseTo((out.mu![t]! - 1) ** 2 + (out.sigma![t]! - 0.5) ** 2, 10);
    }
  });
  it("α = 1 ignores the model: every generation is a fresh fit on real data (E σ² = (n−1)/n · σ*²)", () => {
    const p = params({ n: 8, alpha: 1, generations: 3, mu0: 5, sigma0: 9 });
    const [s2] = column(p, 23, 4000, "sigma2", [3]);
    within3SE(meanSE(s2!), 7 / 8);
  });
});

import { describe, expect, it } from "vitest";
import { alphaSeries } from "../../../src/core/schedule";
import {
  accumulateDiversityFactor,
  accumulateDiversityLimit,
  expectedMissingMass,
  quasiStationaryDiversity,
  sumSquaresAccumulate,
  giniDecay,
  stationaryDiversityRatio,
  stationarySumSquares,
  sumSquaresRecursion,
  thetaApproxRatio,
} from "../../../src/core/theory/categorical";
import { expectedCategoricalMetrics } from "../../../src/core/theory/marginal-chain";
import { outcomes, step } from "./enumerate";

function enumerateF(p0: number[], truth: number[], n: number, alphas: number[], sampling: "iid" | "stratified", T: number): number[] {
  let dist = [{ p: p0, pr: 1 }];
  const F: number[] = [];
  for (let t = 0; t <= T; t++) {
    F.push(dist.reduce((s, d) => s + d.pr * d.p.reduce((a, v) => a + v * v, 0), 0));
    if (t === T) break;
    dist = dist.flatMap((d) => step(d.p, truth, n, alphas[t]!, sampling).map((e) => ({ p: e.p, pr: e.pr * d.pr })));
  }
  return F;
}

describe("Σp² recursion (any schedule, iid and stratified) against brute-force enumeration", () => {
  const p0 = [0.6, 0.3, 0.1];
  const truth = [0.2, 0.3, 0.5];
  const alphas = [0.5, 0.25, 0.75];
  for (const sampling of ["iid", "stratified"] as const) {
    it(`${sampling}: exact to 1e-12 for t ≤ 3 with π* ≠ p0 (K = 3, n = 4)`, () => {
      const exact = enumerateF(p0, truth, 4, alphas, sampling, 3);
      const rec = sumSquaresRecursion({ p0, truth, n: 4, alphas: [...alphas, 0], sampling });
      for (let t = 0; t <= 3; t++) expect(rec[t]).toBeCloseTo(exact[t]!, 12);
    });
  }

  it("agrees with the marginal-chain computation (two independent exact methods), schedules and both samplings", () => {
    const p = Float64Array.from([0.5, 0.2, 0.2, 0.1]);
    for (const sampling of ["iid", "stratified"] as const) {
      for (const schedule of ["constant", "inverse", "geometric"] as const) {
        const alphas = alphaSeries({ alpha: 0.15, schedule, ratio: 0.8, alphaList: [0] }, 31);
        const F = sumSquaresRecursion({ p0: p, truth: p, n: 20, alphas, sampling });
        const chain = expectedCategoricalMetrics({ p0: p, truth: p, n: 20, generations: 30, alphas, sampling });
        for (let t = 0; t <= 30; t++) expect(1 - chain.giniSimpson[t]!).toBeCloseTo(F[t]!, 12);
      }
    }
  });
});

describe("marginal-chain expectations against brute-force enumeration of the joint chain", () => {
  for (const sampling of ["iid", "stratified"] as const) {
    it(`${sampling}: E entropy, Gini–Simpson, support, missed mass and P(fixed) exact to 1e-12 for t ≤ 2 (K = 3, n = 4)`, () => {
      const p0 = [0.55, 0.3, 0.15], n = 4, alphas = [0.5, 0.25, 0.75];
      const chain = expectedCategoricalMetrics({ p0: Float64Array.from(p0), truth: Float64Array.from(p0), n, generations: 2, alphas: Float64Array.from(alphas), sampling });
      let dist = [{ p: p0, pr: 1 }];
      for (let t = 0; t <= 2; t++) {
        const E = (f: (p: number[]) => number) => dist.reduce((s, d) => s + d.pr * f(d.p), 0);
        expect(chain.entropy[t]).toBeCloseTo(E((p) => p.reduce((h, v) => h - (v > 0 ? v * Math.log2(v) : 0), 0)), 12);
        expect(chain.giniSimpson[t]).toBeCloseTo(E((p) => 1 - p.reduce((a, v) => a + v * v, 0)), 12);
        expect(chain.support[t]).toBeCloseTo(E((p) => p.filter((v) => v > 0).length), 12);
        expect(chain.fixed[t]).toBeCloseTo(E((p) => (p.filter((v) => v > 0).length === 1 ? 1 : 0)), 12);
        // missed mass: enumerate the training set D_t too (a category is missed iff its next count is 0)
        const missed = E((p) => step(p, p0, n, alphas[t]!, sampling).reduce((m, e) => m + e.pr * p.reduce((a, v, i) => a + (e.p[i] === 0 ? v : 0), 0), 0));
        expect(chain.missingMass[t]).toBeCloseTo(missed, 12);
        if (t < 2) dist = dist.flatMap((d) => step(d.p, p0, n, alphas[t]!, sampling).map((e) => ({ p: e.p, pr: e.pr * d.pr })));
      }
    });
  }
});

describe("accumulate workflow (all data kept)", () => {
  it("Σp² recursion matches brute-force enumeration of the pooled data for t ≤ 3 (π* ≠ p0, schedule)", () => {
    const p0 = [0.6, 0.3, 0.1], truth = [0.2, 0.3, 0.5], n = 2, alphas = [0.5, 0.25, 0.75];
    // state: pooled counts; p_t = pool / (t n)
    let dist = [{ pool: [0, 0, 0], p: p0, pr: 1 }];
    const F: number[] = [];
    for (let t = 0; t <= 3; t++) {
      F.push(dist.reduce((s, d) => s + d.pr * d.p.reduce((a, v) => a + v * v, 0), 0));
      if (t === 3) break;
      dist = dist.flatMap((d) => {
        const q = d.p.map((v, i) => alphas[t]! * truth[i]! + (1 - alphas[t]!) * v);
        return outcomes(n, q).map(({ c, pr }) => {
          const pool = d.pool.map((x, i) => x + c[i]!);
          return { pool, p: pool.map((x) => x / ((t + 1) * n)), pr: pr * d.pr };
        });
      });
    }
    const rec = sumSquaresAccumulate({ p0, truth, n, alphas: [...alphas, 0] });
    for (let t = 0; t <= 3; t++) expect(rec[t]).toBeCloseTo(F[t]!, 12);
  });

  it("α = 0: E G_t = G_0 ∏(1 − 1/(n s²)) → G_0 sin(π/√n)/(π/√n): no collapse", () => {
    const p = [0.5, 0.3, 0.2];
    const G0 = 1 - 0.38;
    const F = sumSquaresAccumulate({ p0: p, truth: p, n: 50, alphas: new Float64Array(2001) });
    const factor = accumulateDiversityFactor(50, 2000);
    for (const t of [1, 10, 2000]) expect(1 - F[t]!).toBeCloseTo(G0 * factor[t]!, 12);
    expect(Math.abs(factor[2000]! - accumulateDiversityLimit(50))).toBeLessThan(1.1 / (50 * 2000)); // tail ∏_{s>2000} ≈ 1 − 1/(2000 n)
    expect(accumulateDiversityLimit(50)).toBeCloseTo(0.9674, 4);
  });
});

describe("stationary and one-step closed forms", () => {
  it("G_∞/G(π*) = 0.903 exact vs θ/(1+θ) = 0.909 at n = 50, α = 0.1 (dossier §2.4 i)", () => {
    expect(stationaryDiversityRatio(50, 0.1)).toBeCloseTo(0.903, 3);
    expect(thetaApproxRatio(50, 0.1)).toBeCloseTo(10 / 11, 12);
    const S = 0.3;
    expect(1 - stationarySumSquares(S, 50, 0.1)).toBeCloseTo((1 - S) * stationaryDiversityRatio(50, 0.1), 12);
  });

  it("quasi-stationary approximation ≈ 2nα G(π*) for nα ≪ 1", () => {
    const [g] = quasiStationaryDiversity(1000, [1e-5], 0.8);
    expect(g! / (2 * 1000 * 1e-5 * 0.8)).toBeCloseTo(1, 1);
  });

  it("α = 0 reduces the recursion to (1 − 1/n)^t decay", () => {
    const p = [0.4, 0.4, 0.2];
    const F = sumSquaresRecursion({ p0: p, truth: p, n: 7, alphas: new Float64Array(11), sampling: "iid" });
    const G = giniDecay(1 - 0.36, 7, 10);
    for (let t = 0; t <= 10; t++) expect(1 - F[t]!).toBeCloseTo(G[t]!, 13);
  });

  it("one-step missing mass Σ p (1 − p)^n matches enumeration", () => {
    const p = [0.6, 0.3, 0.1];
    const exact = outcomes(3, p).reduce((s, { c, pr }) => s + pr * c.reduce((m, x, i) => m + (x === 0 ? p[i]! : 0), 0), 0);
    expect(expectedMissingMass(p, 3)).toBeCloseTo(exact, 14);
  });
});

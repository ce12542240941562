/**
 * Model "bestOfN": T24 (true and proxy gain of best-of-n within 3 SE of the Gaussian closed form at
 * n = 2, 4, 10), the Student-t sampler against exact CDFs, and the heavy-tailed Goodhart effect.
 */
import { describe, expect, it } from "vitest";
import { bestOfN, logSpacedN } from "../../../src/core/models/best-of-n";
import { runEnsemble } from "../../../src/core/ensemble";
import { createRng } from "../../../src/core/rng";
import { createStudentT } from "../../../src/core/sampling/student-t";
import { validateParams } from "../../../src/core/schema";
import { ParamError } from "../../../src/core/errors";
import { bestOfNStudentTrueGain, studentTCdf } from "../../../src/core/theory/best-of-n-student";
import { bestOfNTrueGain } from "../../../src/core/theory/best-of-n";

describe("T24: best-of-n with a Gaussian proxy error", () => {
  it.each([
    [1, 1],
    [1, 0.5],
    [2, 1.5],
  ])("σ_r = %f, σ_ε = %f: true and proxy gain within 3 SE at n = 2, 4, 10", (sigmaR, sigmaEps) => {
    const p = validateParams(bestOfN.schema, { nValues: [2, 4, 10], sigmaR, sigmaEps });
    const run = runEnsemble(bestOfN, p, { seed: 24, replicates: 20_000, keepPaths: 0 });
    expect(run.generations).toEqual([2, 4, 10]);
    const EZ = [0.5641895835, 1.0293753730, 1.5387527308];
    const s = Math.hypot(sigmaR, sigmaEps);
    [0, 1, 2].forEach((i) => {
      expect(run.theory.trueGain![i]!).toBeCloseTo(((sigmaR * sigmaR) / s) * EZ[i]!, 9);
      for (const m of ["trueGain", "proxyGain"]) {
        const { mean, se } = run.metrics[m]!;
        expect(Math.abs(mean[i]! - run.theory[m]![i]!), `${m} n=${p.nValues[i]}`).toBeLessThan(3 * se[i]!);
      }
    });
  }, 60_000);
});

describe("Student-t proxy error", () => {
  const cdf: Record<number, (t: number) => number> = {
    1: (t) => 0.5 + Math.atan(t) / Math.PI,
    2: (t) => 0.5 + t / (2 * Math.sqrt(2 + t * t)),
    3: (t) => 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI,
  };
  it.each([1, 2, 3])("t_%i: P(T ≤ x) within 3 SE of the exact CDF at x = −5, −1, 0.3, 2, 10", (nu) => {
    const draw = createStudentT(createRng(nu), nu);
    const N = 40_000, xs = [-5, -1, 0.3, 2, 10];
    const hits = xs.map(() => 0);
    for (let i = 0; i < N; i++) {
      const t = draw();
      xs.forEach((x, k) => (hits[k]! += t <= x ? 1 : 0));
    }
    xs.forEach((x, k) => {
      const p = cdf[nu]!(x);
      expect(Math.abs(hits[k]! / N - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it("heavy tails (ν = 2): the true gain falls back as n grows, while the proxy gain keeps rising", () => {
    const p = validateParams(bestOfN.schema, { nValues: [16, 4096], noise: "student-t", nu: 2 });
    const run = runEnsemble(bestOfN, p, { seed: 8, replicates: 1500, keepPaths: 0 });
    const t = run.metrics.trueGain!, q = run.metrics.proxyGain!;
    expect(t.mean[1]!).toBeLessThan(t.mean[0]! - 3 * Math.hypot(t.se[0]!, t.se[1]!));
    expect(q.q50[1]!).toBeGreaterThan(q.q50[0]! * 5);
    expect(Math.abs(t.mean[1]! - run.theory.trueGain![1]!)).toBeLessThan(3 * t.se[1]!);
    expect(run.theory.kl![1]!).toBeCloseTo(Math.log(4096) - 4095 / 4096, 14);
  }, 60_000);
});

describe("Student-t true gain by quadrature (Stein: σ_r² n(n−1) ∫ f_Y² F_Y^{n−2})", () => {
  it.each([
    [1, 1, 1],
    [2, 1, 1],
    [3, 1, 0.5],
    [2, 0.5, 2],
  ])("ν = %i, σ_r = %f, σ_ε = %f: simulation within 3 SE at n = 2, 16, 256", (nu, sigmaR, sigmaEps) => {
    const p = validateParams(bestOfN.schema, { nValues: [2, 16, 256], noise: "student-t", nu, sigmaR, sigmaEps });
    const run = runEnsemble(bestOfN, p, { seed: 30 + nu, replicates: 4000, keepPaths: 0 });
    const { mean, se } = run.metrics.trueGain!;
    [0, 1, 2].forEach((i) => expect(Math.abs(mean[i]! - run.theory.trueGain![i]!), `n = ${p.nValues[i]}`).toBeLessThan(3 * se[i]!));
  }, 60_000);

  it("the t CDF matches closed forms; the quadrature reproduces the Gaussian limit for large ν and is converged", () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 15);
    expect(studentTCdf(1.5, 2)).toBeCloseTo(0.5 + 1.5 / (2 * Math.sqrt(4.25)), 15);
    expect(studentTCdf(-0.7, 3)).toBeCloseTo(0.5 + (-0.7 / (Math.sqrt(3) * (1 + 0.49 / 3)) + Math.atan(-0.7 / Math.sqrt(3))) / Math.PI, 15);
    expect(studentTCdf(2, 4)).toBeCloseTo(0.5 + (2 / Math.sqrt(8)) * (1 + 0.5 * (4 / 8)) / 2 * 1, 12); // A&S: sinθ(1 + ½cos²θ)
    // t_30 scaled to unit variance is close to normal: the gain lies within 1% of the Gaussian closed form.
    const sd = Math.sqrt(30 / 28);
    const g = bestOfNStudentTrueGain([4, 10], 1, 1 / sd, 30);
    expect(Math.abs(g[0]! / bestOfNTrueGain(4, 1, 1) - 1)).toBeLessThan(0.01);
    expect(Math.abs(g[1]! / bestOfNTrueGain(10, 1, 1) - 1)).toBeLessThan(0.01);
    const fine = bestOfNStudentTrueGain([2, 1024], 1, 1, 2, 2), coarse = bestOfNStudentTrueGain([2, 1024], 1, 1, 2);
    expect(Math.abs(fine[1]! - coarse[1]!)).toBeLessThan(1e-10);
    expect(bestOfNStudentTrueGain([1], 1, 1, 2)).toEqual([0]);
    // No theory for non-integer ν or σ_ε < σ_r/8.
    expect(bestOfN.theory(validateParams(bestOfN.schema, { noise: "student-t", nu: 2.5 })).trueGain).toBeUndefined();
    expect(bestOfN.theory(validateParams(bestOfN.schema, { noise: "student-t", sigmaEps: 0.1 })).trueGain).toBeUndefined();
  });
});

describe("n values", () => {
  it("must be strictly increasing integers; logSpacedN builds 1, 2, 4, …, nMax", () => {
    expect(() => validateParams(bestOfN.schema, { nValues: "1,4,2" })).toThrow(ParamError);
    expect(() => validateParams(bestOfN.schema, { nValues: "1,2.5" })).toThrow(ParamError);
    expect(() => validateParams(bestOfN.schema, { nValues: "0,2" })).toThrow(ParamError);
    expect(logSpacedN(64)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(logSpacedN(50)).toEqual([1, 2, 4, 8, 16, 32, 50]);
    expect(logSpacedN(1)).toEqual([1]);
  });
});

/**
 * Theory modules of chapter 8 against independent closed forms: E Z_(n) (exact values for n = 2, 3; the
 * dossier's 1.0294, 1.5388), the best-of-n KL by direct quadrature of its definition, Kimura's formula, the
 * selection chain's neutral limit, and the entropy–covariance identity (T23) by finite differences.
 */
import { describe, expect, it } from "vitest";
import { bestOfNKl, bestOfNProxyGain, bestOfNTrueGain, expectedMaxNormal } from "../../../src/core/theory/best-of-n";
import { entropyNats, policyCovariance, predictedEntropyChange, softmax } from "../../../src/core/theory/entropy-covariance";
import { acceptedPrecision, klExponent, replicatorPath, replicatorShares } from "../../../src/core/theory/replicator";
import { kimuraFixation, selectedFrequency, selectionKernel } from "../../../src/core/theory/selection-chain";
import { compositeUnitRule } from "../../../src/core/theory/quadrature";

describe("best-of-n", () => {
  it("E Z_(n): 1/√π for n = 2, 3/(2√π) for n = 3, 0 for n = 1, and 0.5642, 1.0294, 1.5388 for n = 2, 4, 10", () => {
    expect(Math.abs(expectedMaxNormal(1))).toBeLessThan(1e-14);
    expect(expectedMaxNormal(2)).toBeCloseTo(1 / Math.sqrt(Math.PI), 13);
    expect(expectedMaxNormal(3)).toBeCloseTo(3 / (2 * Math.sqrt(Math.PI)), 13);
    expect(expectedMaxNormal(2)).toBeCloseTo(0.5642, 4);
    expect(expectedMaxNormal(4)).toBeCloseTo(1.0294, 4);
    expect(expectedMaxNormal(10)).toBeCloseTo(1.5388, 4);
    // E Z_(5) = (5/(4√π))(1 + (6/π) arcsin(1/3)) (a classical exact value).
    expect(expectedMaxNormal(5)).toBeCloseTo((5 / (4 * Math.sqrt(Math.PI))) * (1 + (6 / Math.PI) * Math.asin(1 / 3)), 12);
    // Grows like √(2 ln n) (slowly): between the n = 10 value and √(2 ln 10⁶) for a million.
    const big = expectedMaxNormal(1_000_000);
    expect(big).toBeGreaterThan(4.8);
    expect(big).toBeLessThan(Math.sqrt(2 * Math.log(1e6)));
  });

  it("Gaussian gains scale as σ_r²/√(σ_r²+σ_ε²) and √(σ_r²+σ_ε²); no noise ⇒ true = proxy", () => {
    expect(bestOfNTrueGain(4, 1, 1)).toBeCloseTo(1.0294 / Math.SQRT2, 4);
    expect(bestOfNProxyGain(4, 1, 1)).toBeCloseTo(1.0294 * Math.SQRT2, 4);
    expect(bestOfNTrueGain(10, 2, 0)).toBeCloseTo(bestOfNProxyGain(10, 2, 0), 14);
  });

  it("KL(best-of-n ‖ base) = log n − (n−1)/n equals ∫₀¹ n u^{n−1} log(n u^{n−1}) du by quadrature", () => {
    const { x, w } = compositeUnitRule(8, 20); // graded at 0, where u log u is singular
    for (const n of [1, 2, 5, 16]) {
      let kl = 0;
      for (let i = 0; i < x.length; i++) {
        const u = x[i]!, dens = n * u ** (n - 1);
        kl += w[i]! * dens * Math.log(dens);
      }
      expect(bestOfNKl(n)).toBeCloseTo(kl, 10);
    }
  });
});

describe("replicator", () => {
  it("replicatorPath with β = 0 and a constant vector equals replicatorShares; klExponent sums the geometric series", () => {
    const pi0 = [0.2, 0.5, 0.3], a = [0.9, 0.4, 0.7];
    const path = replicatorPath(pi0, () => a, 30);
    for (const t of [0, 1, 7, 30]) replicatorShares(pi0, a, t).forEach((v, c) => expect(path[t]![c]!).toBeCloseTo(v, 14));
    let e = 0;
    for (let k = 1; k <= 12; k++) e += 0.7 ** k;
    expect(klExponent(0.3, 12)).toBeCloseTo(e, 14);
    expect(klExponent(0, 12)).toBe(12);
  });

  it("converges to argmax a_c, survives underflow (t = 10⁵), and leaves the policy unchanged when nothing is accepted", () => {
    const s = replicatorShares([0.98, 0.01, 0.01], [0.9, 0.91, 0.1], 100_000);
    expect(s[1]).toBeCloseTo(1, 12);
    expect(s.every(Number.isFinite)).toBe(true);
    const frozen = replicatorPath([0, 1, 0], () => [1, 0, 1], 3);
    expect(frozen[3]).toEqual([0, 1, 0]);
  });

  it("homogeneous wrong answers: logit π_{t+1} = logit π_t + log(a⋆/a_w), and the accepted-set precision", () => {
    const path = replicatorPath([0.2, 0.8], () => [0.8, 0.3], 5);
    const logit = (p: number) => Math.log(p / (1 - p));
    for (let t = 0; t < 5; t++) expect(logit(path[t + 1]![0]!) - logit(path[t]![0]!)).toBeCloseTo(Math.log(0.8 / 0.3), 12);
    expect(acceptedPrecision(0.2, 0.8, 0.3)).toBeCloseTo(path[1]![0]!, 14);
  });
});

describe("selection chain and Kimura", () => {
  it("Kimura's u(p) at N = 100, s = 0.02, p = 0.1 is ≈ 0.336; s = 0 gives p", () => {
    expect(kimuraFixation(100, 0.02, 0.1)).toBeCloseTo(0.3358, 4);
    expect(kimuraFixation(100, 0, 0.37)).toBe(0.37);
    expect(kimuraFixation(100, -0.02, 0.1)).toBeGreaterThan(0);
  });

  it("the kernel rows are Bin(N, x_j) with x_j = j a_m / (j a_m + (N − j) a_r)", () => {
    const N = 7, M = selectionKernel(N, 0.6, 0.3);
    for (let j = 0; j <= N; j++) {
      const x = selectedFrequency(N, j, 0.6, 0.3);
      expect(x).toBeCloseTo((2 * j) / (2 * j + N - j), 14);
      let row = 0;
      for (let k = 0; k <= N; k++) {
        let choose = 1;
        for (let i = 0; i < k; i++) choose = (choose * (N - i)) / (i + 1);
        expect(M[j * (N + 1) + k]!).toBeCloseTo(choose * x ** k * (1 - x) ** (N - k), 14);
        row += M[j * (N + 1) + k]!;
      }
      expect(row).toBeCloseTo(1, 14);
    }
  });
});

describe("T23: entropy–covariance identity ΔH = −Cov_π(log π, Δz) + O(‖Δz‖²)", () => {
  const z = Float64Array.from([1.2, 0.3, -0.5, 2.0, -1.7, 0.0, 0.8]);
  const reward = [0.9, 0.1, 0.2, 0.6, 0.0, 0.3, 1.0];
  const pi = softmax(z);
  const mean = pi.reduce((s, p, i) => s + p * reward[i]!, 0);
  const adv = reward.map((r) => r - mean);

  const realised = (dz: number[]) => entropyNats(softmax(z.map((v, i) => v + dz[i]!))) - entropyNats(pi);

  it("natural PG Δz = ηA: relative error < 1% at η = 1e-3, and shrinking linearly in η", () => {
    const errors = [1e-2, 1e-3, 1e-4].map((eta) => {
      const dz = adv.map((a) => eta * a);
      const predicted = -eta * policyCovariance(pi, Array.from(pi, Math.log), adv);
      expect(predictedEntropyChange(pi, dz)).toBeCloseTo(predicted, 15);
      return Math.abs(realised(dz) - predicted) / Math.abs(predicted);
    });
    expect(errors[1]).toBeLessThan(0.01);
    expect(errors[1]! / errors[2]!).toBeGreaterThan(5); // first-order identity: error ∝ η
    expect(errors[1]! / errors[2]!).toBeLessThan(20);
    // At η = 1 the identity is not exact any more: the test would catch a wrong sign or factor.
    const dz1 = adv.slice();
    expect(Math.abs(realised(dz1) + policyCovariance(pi, Array.from(pi, Math.log), adv))).toBeGreaterThan(1e-3);
  });

  it("vanilla softmax PG Δz = η π A also satisfies it (< 1% at η = 1e-3)", () => {
    const eta = 1e-3;
    const dz = adv.map((a, i) => eta * pi[i]! * a);
    const predicted = predictedEntropyChange(pi, dz);
    expect(Math.abs(realised(dz) - predicted) / Math.abs(predicted)).toBeLessThan(0.01);
  });
});

/**
 * Chapter 8 results on the "verifier" model's population limit, checked on the model itself:
 * prop:measured-accuracy (ā_{t+1} − ā_t = Var_π(a)/ā_t ≥ 0; true accuracy rises iff a⋆ > ā_t) and
 * prop:kl-anchor (π_t ∝ π₀ a^{e_t}, e_t = (1−β)(1 − (1−β)^t)/β → (1−β)/β), for random acceptance vectors.
 */
import { describe, expect, it } from "vitest";
import { verifier, type VerifierParams } from "../../../src/core/models/verifier";
import { createRng } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";

const params = (raw: Record<string, unknown>): VerifierParams => validateParams(verifier.schema, raw);

function randomCase(seed: number) {
  const rng = createRng(seed);
  const u = () => rng();
  const a = [0.05 + 0.95 * u(), 0.05 + 0.95 * u(), 0.05 + 0.95 * u()];
  const initCorrect = 0.05 + 0.5 * u(), initHack = 0.05 + 0.4 * u();
  return { a, pi0: [initCorrect, initHack, 1 - initCorrect - initHack], raw: { mode: "population", falseNegative: 1 - a[0]!, hackAccept: [a[1]!], wrongAccept: a[2]!, initCorrect, initHack, answersCorrect: 1, answersHack: 1, answersWrong: 1 } };
}

describe("prop:measured-accuracy: the verifier's score never falls (population limit)", () => {
  it("ā_{t+1} − ā_t = Var_π(a)/ā_t ≥ 0 and π(⋆) rises iff a⋆ > ā_t, for 20 random acceptance vectors", () => {
    for (let k = 0; k < 20; k++) {
      const { a, raw } = randomCase(100 + k);
      const out = verifier.replicate(params({ ...raw, generations: 40 }), createRng(1));
      const names = ["share:correct", "share:hack", "share:wrong"];
      for (let t = 0; t < 40; t++) {
        const pi = names.map((n) => out[n]![t]!);
        const m = pi.reduce((s, v, c) => s + v * a[c]!, 0);
        const varA = pi.reduce((s, v, c) => s + v * (a[c]! - m) ** 2, 0);
        expect(out.measuredAccuracy![t]!).toBeCloseTo(m, 12);
        expect(out.measuredAccuracy![t + 1]! - out.measuredAccuracy![t]!).toBeCloseTo(varA / m, 10);
        expect(out.measuredAccuracy![t + 1]!).toBeGreaterThanOrEqual(out.measuredAccuracy![t]! - 1e-15);
        const rises = out.trueAccuracy![t + 1]! > out.trueAccuracy![t]!;
        if (Math.abs(a[0]! - m) > 1e-9) expect(rises).toBe(a[0]! > m);
      }
    }
  });
});

describe("prop:kl-anchor: geometric KL anchor stops at π₀ a^((1−β)/β)", () => {
  it("π_t ∝ π₀ a^{e_t} with e_t = (1−β)(1−(1−β)^t)/β at every round, and the limit, for random cases and β", () => {
    for (let k = 0; k < 12; k++) {
      const { a, pi0, raw } = randomCase(300 + k);
      const beta = [0.05, 0.1, 0.3, 0.7][k % 4]!;
      const T = 120;
      const out = verifier.replicate(params({ ...raw, generations: T, beta, regulariser: "geometric" }), createRng(1));
      const at = (e: number) => {
        const w = pi0.map((v, c) => v * a[c]! ** e);
        const z = w.reduce((s, v) => s + v, 0);
        return w.map((v) => v / z);
      };
      for (const t of [0, 1, 2, 5, 20, T]) {
        const e = ((1 - beta) * (1 - (1 - beta) ** t)) / beta;
        const want = at(e);
        ["share:correct", "share:hack", "share:wrong"].forEach((n, c) => expect(out[n]![t]!).toBeCloseTo(want[c]!, 10));
      }
      const limit = at((1 - beta) / beta);
      if (beta >= 0.3) ["share:correct", "share:hack", "share:wrong"].forEach((n, c) => expect(out[n]![T]!).toBeCloseTo(limit[c]!, 6));
    }
  });

  it("the chapter's default: β = 0.1 keeps 79% correct in the limit (a = 0.9, 0.95, 0.2; π₀ = 0.3, 0.05, 0.65)", () => {
    const th = verifier.theory(params({ generations: 300, mode: "population", beta: 0.1, hackAccept: [0.95], initCorrect: 0.3, initHack: 0.05 }));
    expect(th["share:correct"]![300]!).toBeCloseTo(0.787, 3);
  });
});

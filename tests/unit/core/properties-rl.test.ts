/**
 * Property tests (fast-check, fixed seed) for the chapter 8 models: shares sum to 1; the population limit
 * equals the replicator closed form for any acceptance vector; every valid parameter set gives finite
 * metrics and theory and is deterministic; invalid options (junk values, inconsistent combinations,
 * work beyond the caps) throw ParamError and nothing else.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParamError } from "../../../src/core/errors";
import type { AnyModel } from "../../../src/core/model";
import { bestOfN } from "../../../src/core/models/best-of-n";
import { policyGradient } from "../../../src/core/models/policy-gradient";
import { verifier, verifierClasses } from "../../../src/core/models/verifier";
import { createRng } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";

const FC = { seed: 20260108, numRuns: 80 };
const prob = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-3, max: 1, noNaN: true }));

const verifierRaw = fc.record({
  generations: fc.integer({ min: 0, max: 30 }),
  mode: fc.constantFrom("population", "accepted", "sampled"),
  N: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constant(1_000_000_000)),
  falseNegative: prob,
  hackAccept: fc.array(prob, { minLength: 1, maxLength: 8 }),
  wrongAccept: prob,
  initCorrect: fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 0.6, noNaN: true })),
  initHack: fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 0.4, noNaN: true })),
  answersCorrect: fc.integer({ min: 1, max: 6 }),
  answersHack: fc.integer({ min: 1, max: 3 }),
  answersWrong: fc.integer({ min: 1, max: 12 }),
  goldFraction: fc.oneof(fc.constant(0), prob),
  beta: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.99, noNaN: true })),
  regulariser: fc.constantFrom("geometric", "mixture"),
  k: fc.integer({ min: 1, max: 50 }),
});

const pgRaw = fc
  .record({
    A: fc.integer({ min: 2, max: 30 }),
    correct: fc.integer({ min: 1, max: 5 }),
    hacks: fc.integer({ min: 0, max: 5 }),
    flip: fc.double({ min: 0, max: 0.5, noNaN: true }),
    hackAccept: prob,
    initCorrect: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    eta: fc.oneof(fc.constant(10), fc.double({ min: 1e-4, max: 10, noNaN: true })),
    batch: fc.integer({ min: 1, max: 100 }),
    entropyBonus: fc.double({ min: 0, max: 1, noNaN: true }),
    klPenalty: fc.double({ min: 0, max: 1, noNaN: true }),
    gradient: fc.constantFrom("sampled", "expected"),
    generations: fc.integer({ min: 0, max: 60 }),
    k: fc.integer({ min: 1, max: 100 }),
  })
  .filter((r) => r.correct + r.hacks < r.A);

const bonRaw = fc.record({
  nValues: fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }).map((a) => a.sort((x, y) => x - y)),
  noise: fc.constantFrom("gaussian", "student-t"),
  nu: fc.double({ min: 1, max: 100, noNaN: true }),
  sigmaR: fc.double({ min: 0.1, max: 10, noNaN: true }),
  sigmaEps: fc.double({ min: 0, max: 10, noNaN: true }),
});

const cases: [AnyModel, fc.Arbitrary<Record<string, unknown>>][] = [
  [verifier, verifierRaw],
  [policyGradient, pgRaw],
  [bestOfN, bonRaw],
];

describe("verifier", () => {
  it("class shares sum to 1 at every round, in every mode", () => {
    fc.assert(
      fc.property(verifierRaw, fc.integer({ min: 0, max: 1e6 }), (raw, seed) => {
        const p = validateParams(verifier.schema, raw);
        const out = verifier.replicate(p, createRng(seed));
        const names = verifierClasses(p).map((c) => `share:${c}`);
        for (let t = 0; t <= p.generations; t++) {
          const s = names.reduce((acc, n) => acc + out[n]![t]!, 0);
          if (Math.abs(s - 1) > 1e-9) return false;
        }
        return true;
      }),
      FC,
    );
  });

  it("population limit = π0(c) a_c^t / Σ π0 a^t (log space) for any acceptance vector (β = 0, no gold)", () => {
    fc.assert(
      fc.property(verifierRaw, (raw) => {
        const p = validateParams(verifier.schema, { ...raw, mode: "population", beta: 0, goldFraction: 0 });
        const out = verifier.replicate(p, createRng(1));
        const H = p.hackAccept.length;
        const wrong = Math.max(0, 1 - p.initCorrect - p.initHack);
        const init = [p.initCorrect, ...p.hackAccept.map(() => p.initHack / H), wrong];
        const a = [1 - p.falseNegative, ...p.hackAccept, p.wrongAccept];
        const names = verifierClasses(p);
        const frozen = init.every((v, c) => v === 0 || a[c] === 0);
        for (let t = 0; t <= p.generations; t++) {
          const logs = init.map((v, c) => (v > 0 ? Math.log(v) + (t === 0 || frozen ? 0 : t * Math.log(a[c]!)) : -Infinity));
          const max = Math.max(...logs);
          const w = logs.map((l) => (l === -Infinity ? 0 : Math.exp(l - max)));
          const z = w.reduce((s, v) => s + v, 0);
          for (let c = 0; c < names.length; c++) {
            if (Math.abs(out[`share:${names[c]}`]![t]! - w[c]! / z) > 1e-10) return false;
          }
        }
        return true;
      }),
      FC,
    );
  });
});

describe("verifier population limit with KL and gold rounds", () => {
  it("the simulation (multiplicative updates) equals theory() (log-space closed form) for any β and gold fraction", () => {
    fc.assert(
      fc.property(verifierRaw, (raw) => {
        const p = validateParams(verifier.schema, { ...raw, mode: "population", regulariser: "geometric" });
        const out = verifier.replicate(p, createRng(1));
        const th = verifier.theory(p);
        for (const [name, curve] of Object.entries(th)) {
          for (let t = 0; t <= p.generations; t++) if (Math.abs(curve[t]! - out[name]![t]!) > 1e-9) return false;
        }
        return Object.keys(th).length === Object.keys(out).length;
      }),
      FC,
    );
  });
});

describe.each(cases.map(([m, arb]) => [m.id, m, arb] as const))("%s", (_id, model, arb) => {
  it("finite metrics and theory for every valid parameter set; same seed ⇒ same output", () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 0xffffffff }), (raw, seed) => {
        const p = validateParams(model.schema, raw);
        const out = model.replicate(p, createRng(seed));
        const x = model.generations(p);
        for (const { name } of model.metrics(p)) {
          const path = out[name];
          if (!path || path.length !== x.length || !path.every(Number.isFinite)) return false;
        }
        for (const curve of Object.values(model.theory(p))) if (curve.length !== x.length || !curve.every(Number.isFinite)) return false;
        expect(model.replicate(p, createRng(seed))).toEqual(out);
        return true;
      }),
      { ...FC, numRuns: 40 },
    );
  });

  it("junk values throw ParamError only", () => {
    const junk = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("NaN", "Infinity", "-1", "1e309", "0x10", "", " ", "1,2,3", "<script>"), fc.double(), fc.integer());
    const names = Object.keys(model.schema.params);
    fc.assert(
      fc.property(fc.constantFrom(...names), junk, (name, value) => {
        try {
          validateParams(model.schema, { [name]: value });
        } catch (error) {
          return error instanceof ParamError;
        }
        return true;
      }),
      { ...FC, numRuns: 300 },
    );
  });
});

describe("inconsistent options and work caps are ParamErrors naming the parameter", () => {
  const param = (model: AnyModel, raw: Record<string, unknown>) => {
    try {
      validateParams(model.schema, raw);
    } catch (error) {
      expect(error).toBeInstanceOf(ParamError);
      return (error as ParamError).param;
    }
    return null;
  };
  it("verifier", () => {
    expect(param(verifier, { initCorrect: 0.7, initHack: 0.4 })).toBe("initHack");
    expect(param(verifier, { answersWrong: 100_000, generations: 10_000 })).toBe("generations");
    expect(param(verifier, { beta: 1 })).toBe("beta");
    expect(param(verifier, { hackAccept: "0.5,1.2" })).toBe("hackAccept");
    expect(param(verifier, { hackAccept: "1,1,1,1,1,1,1,1,1" })).toBe("hackAccept");
    expect(param(verifier, { mode: "gold" })).toBe("mode");
    expect(param(verifier, { initCorrect: 1e-13 })).toBe("initCorrect");
    expect(param(verifier, { answersWrong: 1000, generations: 9000 })).toBeNull();
  });
  it("policyGradient", () => {
    expect(param(policyGradient, { A: 5, correct: 3, hacks: 2 })).toBe("hacks");
    expect(param(policyGradient, { A: 10_000, generations: 100_000 })).toBe("generations");
    expect(param(policyGradient, { eta: 0 })).toBe("eta");
    expect(param(policyGradient, { initCorrect: 1 })).toBe("initCorrect");
  });
  it("bestOfN", () => {
    expect(param(bestOfN, { nValues: "1,100001" })).toBe("nValues");
    expect(param(bestOfN, { nu: 0.5 })).toBe("nu");
    expect(param(bestOfN, { nValues: "5,5" })).toBe("nValues");
  });
});

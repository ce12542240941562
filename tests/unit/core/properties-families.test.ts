/**
 * Property tests (fast-check, fixed seed) for the chapter-6 families: determinism (and chunked = one
 * piece), finite metrics and theory on every valid input, ParamError (never NaN, a hang or another
 * exception) on invalid input, work caps that hold for every accepted combination, and the
 * normalised-diversity helper.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { kde, MAX_KDE_WORK } from "../../../src/core/models/kde";
import { mixture, MAX_MIXTURE_WORK } from "../../../src/core/models/mixture";
import { ngram, MAX_NGRAM_WORK, NGRAM_TEXT } from "../../../src/core/models/ngram";
import { validateParams, type AnySpec } from "../../../src/core/schema";
import { ParamError } from "../../../src/core/errors";
import type { AnyModel } from "../../../src/core/model";
import { createRng } from "../../../src/core/rng";
import { assertDeterministic, assertFinite, assertJunkRejected, validValue, type Pick } from "./model-properties";
import { gaussian } from "../../../src/core/models/gaussian";
import { DIVERSITY_METRICS, normalisedDiversity } from "../../../src/core/metrics/normalised-diversity";

const FC = { seed: 20260105, numRuns: 25 };
const families: AnyModel[] = [mixture, kde, ngram];
/** Upper bounds that keep the property runs fast (the full ranges are covered by the cap test below). */
const SMALL: Record<string, number> = { generations: 6, n: 300, length: 2000, emIterations: 40 };

// The three custom-truth lists must agree in length.
const valid: Pick = (name, spec) => validValue(name, spec, SMALL, 3);

describe.each(families.map((m) => [m.id, m] as const))("%s", (_id, model) => {
  it("same params and seed give identical output; chunked runs equal one-piece runs", () => {
    assertDeterministic(model, valid, 2, { ...FC, numRuns: 12 });
  }, 120_000);
  it("every metric and theory value is finite for every valid parameter set", () => {
    assertFinite(model, valid, FC);
  }, 120_000);
  it("invalid values throw ParamError naming the parameter, never another error", () => {
    assertJunkRejected(model, ["NaN", "Infinity", "1e999", "<b>", "", " ", "1,2,3", "0,0"], ["generations", "n", "means", "sds"], { ...FC, numRuns: 300 });
  });
});

describe("work caps", () => {
  /** Any value in the full ranges, edges favoured. */
  const wide = (_name: string, spec: AnySpec): fc.Arbitrary<unknown> =>
    spec.type === "int" ? fc.oneof(fc.constantFrom(spec.min, spec.max), fc.integer({ min: spec.min, max: spec.max })) : valid(_name, spec);
  const cost: Record<string, (p: Record<string, number>) => number> = {
    mixture: (p) => [p.n!, p.k!, p.emIterations!, p.generations! + 1].reduce((a, b) => a * b, 1) / MAX_MIXTURE_WORK,
    kde: (p) => (p.n! * (p.generations! + 1)) / MAX_KDE_WORK,
    ngram: (p) => ((p.length! + NGRAM_TEXT.length) * (p.generations! + 1)) / MAX_NGRAM_WORK,
  };
  it.each(families.map((m) => [m.id, m] as const))("%s: every accepted combination is within its work budget", (id, model) => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(Object.entries(model.schema.params as Record<string, AnySpec>).map(([n, s]) => [n, wide(n, s)]))), (raw) => {
        let p: Record<string, number>;
        try {
          p = validateParams(model.schema, raw) as Record<string, number>;
        } catch (e) {
          expect(e).toBeInstanceOf(ParamError);
          return;
        }
        expect(cost[id]!(p)).toBeLessThanOrEqual(1);
      }),
      { ...FC, numRuns: 500 },
    );
  });
  it("the largest generations allowed for a big n are accepted, one more is refused", () => {
    expect(() => validateParams(kde.schema, { n: 20000, generations: 49 })).not.toThrow();
    expect(() => validateParams(kde.schema, { n: 20000, generations: 50 })).toThrow(ParamError);
    expect(() => validateParams(mixture.schema, { n: 10, k: 3 })).toThrow(/at least 5k/);
  });
});

describe("normalisedDiversity", () => {
  it("starts at 1, equals exp/2^ entropy differences, σ_t/σ_0 for the Gaussian; rejects unknown models", () => {
    expect(Array.from(normalisedDiversity("ngram", { entropy: [3, 2, 1] }))).toEqual([1, 0.5, 0.25]);
    const r = normalisedDiversity("mixture", { entropy: [1.2, 0.2] });
    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(Math.exp(-1), 14);
    const p = validateParams(gaussian.schema, { n: 5, generations: 20 });
    const path = gaussian.replicate(p, createRng(3));
    const ratio = normalisedDiversity("gaussian", path);
    for (let t = 0; t <= 20; t++) expect(ratio[t]).toBeCloseTo(path.sigma![t]! / path.sigma![0]!, 10);
    expect(() => normalisedDiversity("regression", {})).toThrow(ParamError);
    expect(() => normalisedDiversity("__proto__", {})).toThrow(ParamError);
    expect(() => normalisedDiversity("kde", {})).toThrow(ParamError);
    for (const id of Object.keys(DIVERSITY_METRICS)) expect(typeof DIVERSITY_METRICS[id]!.metric).toBe("string");
  });
});

describe("extremes stay finite", () => {
  it("mixture n = 10, 2000 generations: contracts far below float spacing, entropy keeps falling (finite)", () => {
    const p = validateParams(mixture.schema, { n: 10, k: 2, generations: 2000 });
    const out = mixture.replicate(p, createRng(2));
    for (const [name, path] of Object.entries(out)) for (const v of path) expect(Number.isFinite(v), name).toBe(true);
    expect(out.entropy![2000]!).toBeLessThan(-100); // log of a standard deviation far below 1e-40
    expect(out.variance![2000]!).toBeGreaterThan(0);
  }, 60_000);
  it("kde: Silverman at its generation cap, and a custom wide truth with a narrow component", () => {
    for (const raw of [
      { n: 10, generations: 670, bandwidth: "silverman" },
      { n: 10, generations: 300, h: 5, truth: "custom", weights: "1,1", means: "-50,50", sds: "0.05,20" },
    ]) {
      const p = validateParams(kde.schema, raw);
      const out = kde.replicate(p, createRng(3));
      for (const [name, path] of Object.entries(out)) for (const v of path) expect(Number.isFinite(v), name).toBe(true);
    }
  }, 60_000);
  it("ngram order 5, 100 characters, 1000 generations: support shrinks to a handful, metrics finite", () => {
    const p = validateParams(ngram.schema, { order: 5, length: 100, generations: 1000 });
    const out = ngram.replicate(p, createRng(4));
    for (const [name, path] of Object.entries(out)) for (const v of path) expect(Number.isFinite(v), name).toBe(true);
    expect(out.distinctNgrams![1000]!).toBeLessThan(out.distinctNgrams![0]! / 100);
  }, 60_000);
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParamError } from "../../../src/core/errors";
import type { AnyModel } from "../../../src/core/model";
import { bounded } from "../../../src/core/models/bounded";
import { categorical, traceCategorical, type CategoricalParams } from "../../../src/core/models/categorical";
import { dpi } from "../../../src/core/models/dpi";
import { createRng } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";

const init = fc.oneof(
  fc.constant("uniform"),
  fc.double({ min: 0, max: 3, noNaN: true }).map((b) => `zipf:${b}`),
  fc.double({ min: 0.05, max: 5, noNaN: true }).map((a) => `dirichlet:${a}`),
);

const smallCategorical = fc.record({
  K: fc.integer({ min: 2, max: 12 }),
  n: fc.integer({ min: 1, max: 60 }),
  generations: fc.integer({ min: 0, max: 25 }),
  init,
  initSeed: fc.integer({ min: 0, max: 1000 }),
  alpha: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  schedule: fc.constantFrom("constant", "inverse", "inverse-square", "geometric", "custom"),
  alphaList: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
  sampling: fc.constantFrom("iid", "stratified"),
  workflow: fc.constantFrom("replace", "accumulate", "accumulate-subsample"),
  temperature: fc.constantFrom(0.05, 0.5, 1, 3),
  topK: fc.integer({ min: 0, max: 2 }),
});

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe("categorical properties", () => {
  it("with α = 0 the support never grows (replace, accumulate); accumulate-subsample never exceeds the pool's support (support_1)", () => {
    fc.assert(
      fc.property(smallCategorical, seed, (raw, s) => {
        const p = validateParams(categorical.schema, { ...raw, alpha: 0, schedule: "constant" });
        const { support } = categorical.replicate(p, createRng(s));
        for (let t = 1; t <= p.generations; t++) {
          if (p.workflow === "accumulate-subsample") {
            if (support[t]! > support[Math.min(t, 1)]! || support[1]! > support[0]!) return false;
          } else if (support[t]! > support[t - 1]!) return false;
        }
        return true;
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it("every p_t is a probability vector (entries ≥ 0, sum 1 within 1e-12) and every metric is finite", () => {
    fc.assert(
      fc.property(smallCategorical, seed, (raw, s) => {
        const p: CategoricalParams = validateParams(categorical.schema, raw);
        const { frames, K } = traceCategorical(p, createRng(s));
        for (let t = 0; t <= p.generations; t++) {
          let sum = 0;
          for (let i = 0; i < K; i++) {
            const v = frames[t * K + i]!;
            if (!(v >= 0)) return false;
            sum += v;
          }
          if (Math.abs(sum - 1) > 1e-12) return false;
        }
        const paths = categorical.replicate(p, createRng(s));
        return Object.values(paths).every((a) => a.every(Number.isFinite));
      }),
      { seed: 2, numRuns: 300 },
    );
  });

  it("theory curves are finite and the right length whenever they are offered", () => {
    fc.assert(
      fc.property(smallCategorical, (raw) => {
        const p = validateParams(categorical.schema, raw);
        const th = categorical.theory(p);
        return Object.values(th).every((c) => c.length === p.generations + 1 && c.every(Number.isFinite));
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});

describe("determinism", () => {
  const cases: [AnyModel, Record<string, unknown>][] = [
    [categorical, { K: 7, n: 33, generations: 30, alpha: 0.05, workflow: "accumulate-subsample", temperature: 0.7, topK: 5 }],
    [categorical, { K: 5, n: 1000, generations: 30, sampling: "stratified", schedule: "geometric" }],
    [bounded, { generations: 30, alpha: 0.1 }],
    [dpi, { n: 10, generations: 10, alpha: 0.2 }],
  ];
  it.each(cases)("same seed ⇒ identical output (%s)", (model, raw) => {
    const p = validateParams(model.schema, raw);
    fc.assert(
      fc.property(seed, (s) => {
        const a = model.replicate(p, createRng(s));
        const b = model.replicate(p, createRng(s));
        return Object.keys(a).every((k) => a[k]!.every((v, i) => Object.is(v, b[k]![i])));
      }),
      { seed: 4, numRuns: 20 },
    );
    const x = model.replicate(p, createRng(1));
    const y = model.replicate(p, createRng(2));
    if (model !== dpi) expect(Object.keys(x).some((k) => x[k]!.some((v, i) => v !== y[k]![i]))).toBe(true);
  });
});

describe("invalid options", () => {
  const junk = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0, 1e300, "", "<script>alert(1)</script>", "list:", "zipf:", "dirichlet:0", "list:1,2", "1e9", null, true, [], [Number.NaN], {}),
    fc.array(fc.oneof(fc.double(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  );
  for (const model of [categorical, bounded, dpi] as AnyModel[]) {
    it(`${model.id}: arbitrary values either validate or throw ParamError (never another error)`, () => {
      const names = [...Object.keys(model.schema.params), "bogus"];
      fc.assert(
        fc.property(fc.constantFrom(...names), junk, (name, value) => {
          try {
            validateParams(model.schema, { [name]: value });
            return true;
          } catch (e) {
            return e instanceof ParamError && e.message.length > 0 && !e.message.includes("NaN undefined");
          }
        }),
        { seed: 5, numRuns: 400 },
      );
    });
  }

  it("specific bad inputs are ParamErrors naming the parameter", () => {
    const bad: [AnyModel, Record<string, unknown>, string][] = [
      [categorical, { init: "zipf:abc" }, "init"],
      [categorical, { init: "list:1,2,3" }, "init"], // K = 10 by default
      [categorical, { init: "list:0,0,0" , K: 3 }, "init"],
      [categorical, { init: "gauss:1" }, "init"],
      [categorical, { temperature: 0 }, "temperature"],
      [categorical, { topK: 11 }, "topK"],
      [categorical, { K: 100_000, generations: 100_000 }, "generations"],
      [categorical, { n: 0 }, "n"],
      [categorical, { alpha: 1.5 }, "alpha"],
      [categorical, { schedule: "cosine" }, "schedule"],
      [categorical, { alphaList: "0.5,2" }, "alphaList"],
      [bounded, { values: "1,2", weights: "1" }, "weights"],
      [dpi, { n: 0 }, "n"],
    ];
    for (const [model, raw, param] of bad) {
      try {
        validateParams(model.schema, raw);
        expect.unreachable(`${JSON.stringify(raw)} should fail`);
      } catch (e) {
        expect(e, JSON.stringify(raw)).toBeInstanceOf(ParamError);
        expect((e as ParamError).param).toBe(param);
      }
    }
  });
});

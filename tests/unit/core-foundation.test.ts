import { describe, expect, it } from "vitest";
import { createRng, replicateRngs } from "../../src/core/rng";
import { coerceParams, validateParams, type Schema } from "../../src/core/schema";
import { ParamError } from "../../src/core/errors";
import { quantileSorted, summarize } from "../../src/core/summary";

describe("rng", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });
  it("gives replicate r the same stream however it is chunked", () => {
    const all = replicateRngs(7, 4).map((r) => r());
    const tail = replicateRngs(7, 2, 2).map((r) => r());
    expect(tail).toEqual(all.slice(2));
  });
  it("is uniform on [0,1): mean within 3 SE of 1/2", () => {
    const rng = createRng(1);
    const n = 100_000;
    let sum = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) { const u = rng(); sum += u; min = Math.min(min, u); max = Math.max(max, u); }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });
  it("rejects bad seeds", () => {
    expect(() => createRng(-1)).toThrow(RangeError);
    expect(() => createRng(1.5)).toThrow(RangeError);
  });
});

type P = { n: number; alpha: number; mode: "a" | "b"; list: number[] };
const schema: Schema<P> = {
  params: {
    n: { type: "int", label: "n", help: "", min: 2, max: 100, default: 10 },
    alpha: { type: "float", label: "α", help: "", min: 0, max: 1, step: 0.01, default: 0.1 },
    mode: { type: "enum", label: "mode", help: "", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }], default: "a" },
    list: { type: "list", label: "list", help: "", minLength: 1, maxLength: 3, min: 0, max: 1, default: [0.5, 0.5] },
  },
  check: (p) => { if (p.n < 5 && p.alpha > 0.5) throw new ParamError("alpha", "≤ 0.5 when n < 5", String(p.alpha)); },
};

describe("schema", () => {
  it("parses text values and fills defaults", () => {
    expect(validateParams(schema, { n: "20", list: "0.1,0.9" })).toEqual({ n: 20, alpha: 0.1, mode: "a", list: [0.1, 0.9] });
  });
  it("throws a ParamError naming the parameter and range", () => {
    try { validateParams(schema, { alpha: "2" }); expect.unreachable(); }
    catch (e) { expect(e).toBeInstanceOf(ParamError); expect((e as ParamError).param).toBe("alpha"); expect((e as Error).message).toContain("[0, 1]"); }
    expect(() => validateParams(schema, { n: "1e99" })).toThrow(ParamError);
    expect(() => validateParams(schema, { n: "NaN" })).toThrow(ParamError);
    expect(() => validateParams(schema, { mode: "<script>" })).toThrow(ParamError);
    expect(() => validateParams(schema, { bogus: 1 })).toThrow(ParamError);
    expect(() => validateParams(schema, { n: 3, alpha: 0.9 })).toThrow(/alpha/);
  });
  it("coerces hostile input to defaults with notices", () => {
    const { params, notices } = coerceParams(schema, { n: "-5", alpha: "0.3", mode: "<img onerror=x>", zzz: "1" });
    expect(params).toEqual({ n: 10, alpha: 0.3, mode: "a", list: [0.5, 0.5] });
    expect(notices.map((n) => n.param).sort()).toEqual(["mode", "n", "zzz"]);
  });
});

describe("summary", () => {
  it("matches hand-computed mean, SE and type-7 quantiles", () => {
    const s = summarize([[1], [2], [3], [4]]);
    expect(s.mean[0]).toBe(2.5);
    expect(s.se[0]).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(s.q50[0]).toBe(2.5);
    expect(s.q25[0]).toBe(1.75);
    expect(quantileSorted([0, 10], 0.05)).toBeCloseTo(0.5, 12);
  });
});

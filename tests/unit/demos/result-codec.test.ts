// The default-run files shipped with the build: encoding then decoding gives back the same numbers,
// including the ones plain JSON cannot hold (NaN, ±Infinity, -0), for every model of the registry.
import { describe, expect, it } from "vitest";
import { runEnsemble } from "../../../src/core/ensemble";
import { models } from "../../../src/core/models/index";
import { resolveDemo } from "../../../src/demos/definition";
import type { DemoRunResult } from "../../../src/demos/protocol";
import { decodeResult, encodeResult } from "../../../src/demos/result-codec";
import { barsTrace } from "../../../src/demos/bars-trace";
import { textTrace } from "../../../src/demos/text-trace";

/** Every number of a value, depth first, as Object.is would compare them. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value) || value instanceof Float64Array) for (const v of value) numbers(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) numbers(v, out);
  return out;
}

function sameBits(a: unknown, b: unknown): boolean {
  const x = numbers(a), y = numbers(b);
  return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
}

const base: DemoRunResult = {
  model: "m", params: { n: 3, label: "NaN", init: [0.5, 0.5] }, seed: 1, replicates: 2, generations: [0, 1],
  metrics: { a: { mean: [Number.NaN, -0], se: [0, 0], q05: [Number.NEGATIVE_INFINITY, 1], q25: [0, 1], q50: [0, 1], q75: [0, 1], q95: [Number.POSITIVE_INFINITY, 1] } },
  paths: { a: [[1, Number.NaN]] }, theory: { a: [-0, 0.1] }, texts: [[0, "NaN"]],
};

describe("result codec", () => {
  it("round-trips NaN, ±Infinity and -0 exactly, and leaves strings alone", () => {
    const back = decodeResult(encodeResult(base));
    expect(sameBits(back, base)).toBe(true);
    expect(back).toEqual(base);
    expect(back.params.label).toBe("NaN");
    expect(back.texts).toEqual([[0, "NaN"]]);
    // Plain JSON would have lost them: the encoded text holds no null.
    expect(encodeResult(base)).not.toContain("null");
  });

  it("round-trips a Float64Array as a Float64Array (the bars trace), and refuses other typed arrays", () => {
    const frames = Float64Array.from([0.25, Number.NaN, -0, 0.75]);
    const back = decodeResult(encodeResult({ ...base, trace: { K: 2, generations: 1, frames } }));
    expect(back.trace!.frames).toBeInstanceOf(Float64Array);
    expect(sameBits(back.trace!.frames, frames)).toBe(true);
    expect(() => encodeResult({ ...base, extra: new Int32Array(2) } as never)).toThrow(/Int32Array/);
  });

  it("keeps an object that only looks like a tag when it is not one", () => {
    const r = { ...base, params: { ...base.params, odd: { $num: "seven" } as never } };
    expect(decodeResult(encodeResult(r)).params.odd).toEqual({ $num: "seven" });
  });

  it.each(["", "null", "[]", "{\"model\":1}", "{not json", JSON.stringify({ ...base, metrics: undefined })])("refuses %j", (text) => {
    expect(() => decodeResult(text)).toThrow();
  });

  it.each(Object.keys(models))("round-trips a real %s run bit for bit", (id) => {
    const model = models[id]!;
    const state = resolveDemo({ id: "d", model: id, seed: 7, replicates: 3 }, model).presets[0]!.state;
    const result = runEnsemble(model, state.params, { seed: state.seed, replicates: state.replicates, keepPaths: 2 });
    const back = decodeResult(encodeResult(result));
    expect(sameBits(back, result)).toBe(true);
    expect(back).toEqual(result);
  });

  it("round-trips the categorical trace and the n-gram texts the demos attach", () => {
    const cat = resolveDemo({ id: "d", model: "categorical", seed: 3, replicates: 2 }, models.categorical!).presets[0]!.state;
    const ng = resolveDemo({ id: "d", model: "ngram", seed: 3, replicates: 2 }, models.ngram!).presets[0]!.state;
    const result: DemoRunResult = {
      ...base,
      trace: barsTrace(cat.params as never, cat.seed),
      texts: textTrace(ng.params as never, ng.seed, { generations: [0, 1], chars: 80 }),
    };
    const back = decodeResult(encodeResult(result));
    expect(back.trace!.frames).toBeInstanceOf(Float64Array);
    expect(sameBits(back, result)).toBe(true);
    expect(back).toEqual(result);
  });
});

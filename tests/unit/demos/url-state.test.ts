import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateParams, type Params, type Schema } from "../../../src/core/schema";
import { MAX_SEED } from "../../../src/core/rng";
import { decodeState, encodeState, noticeText, replaceInQuery } from "../../../src/demos/url-state";
import type { DemoState } from "../../../src/demos/types";
import { coinSchema, type CoinParams } from "./test-model";

const schema = coinSchema as unknown as Schema<Params>;
const defaults: DemoState = { params: validateParams(coinSchema, { n: 50, T: 40 }), seed: 7, replicates: 100 };
const MAX_REPS = 2000;
const query = (entries: [string, string][]) => `?${new URLSearchParams(entries).toString()}`;

const validParams: fc.Arbitrary<CoinParams> = fc
  .record({
    n: fc.integer({ min: 2, max: 1000 }),
    p0: fc.double({ min: 0, max: 1, noNaN: true }),
    T: fc.integer({ min: 1, max: 200 }),
    mode: fc.constantFrom("plain", "noisy"),
    flag: fc.boolean(),
    weights: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 4 }),
    prior: fc.oneof(fc.constant("uniform"), fc.integer({ min: 0, max: 99 }).map((b) => `zipf:${b}`)),
  })
  .filter((p) => !(p.n < 4 && p.T > 100));
const validState = fc.record({ params: validParams, seed: fc.integer({ min: 0, max: MAX_SEED }), replicates: fc.integer({ min: 1, max: MAX_REPS }) });

describe("URL state codec", () => {
  it("round-trips any valid state exactly, with no notices", () => {
    fc.assert(
      fc.property(validState, (state) => {
        const q = query(encodeState("demo", schema, state));
        const out = decodeState("demo", schema, q, defaults, MAX_REPS);
        expect(out.notices).toEqual([]);
        expect(out.present).toBe(true);
        // -0 and 0 print alike in a URL; compare as the reader would.
        expect(JSON.stringify(out.state)).toBe(JSON.stringify({ ...state, params: { ...state.params, p0: state.params.p0 === 0 ? 0 : state.params.p0, weights: state.params.weights.map((w) => (w === 0 ? 0 : w)) } }));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary queries and always yields a valid state", () => {
    const key = fc.oneof(fc.constantFrom("demo.n", "demo.p0", "demo.T", "demo.mode", "demo.flag", "demo.weights", "demo.prior", "demo.seed", "demo.replicates", "demo.__proto__", "demo.constructor"), fc.string().map((s) => `demo.${s}`), fc.string());
    const value = fc.oneof(fc.string(), fc.constantFrom("NaN", "1e99", "-5", "<script>alert(1)</script>", "Infinity", "0x10", " 3 ", "", "1,2,3,4,5", "true", "zipf:-1"), fc.double().map(String));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 12 }), fc.string(), (entries, junk) => {
        for (const q of [query(entries), junk]) {
          const out = decodeState("demo", schema, q, defaults, MAX_REPS);
          expect(() => validateParams(coinSchema, out.state.params)).not.toThrow();
          expect(Number.isInteger(out.state.seed) && out.state.seed >= 0 && out.state.seed <= MAX_SEED).toBe(true);
          expect(Number.isInteger(out.state.replicates) && out.state.replicates >= 1 && out.state.replicates <= MAX_REPS).toBe(true);
          expect(out.notices.length).toBeLessThanOrEqual(8);
          expect(Object.getPrototypeOf(out.state.params)).toBe(Object.prototype);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("replaces hostile values by the demo's defaults and says so in text", () => {
    const q = query([["demo.n", "<script>alert(1)</script>"], ["demo.p0", "NaN"], ["demo.T", "1e99"], ["demo.seed", "-3"], ["demo.replicates", "abc"], ["demo.flag", "yes"], ["demo.zzz", "1"], ["other.n", "9"]]);
    const out = decodeState("demo", schema, q, defaults, MAX_REPS);
    expect(out.state).toEqual(defaults);
    const text = out.notices.map(noticeText);
    expect(text.length).toBe(7);
    expect(text.find((t) => t.startsWith("n:"))).toContain('"<script>alert(1)</script>"');
    expect(text.find((t) => t.startsWith("n:"))).toContain("using the default 50");
    expect(text.find((t) => t.startsWith("T:"))).toContain("using the default 40");
    expect(text.find((t) => t.startsWith("seed:"))).toContain("using the default 7");
    expect(text).toContain("zzz: unknown parameter ignored");
  });

  it("keeps valid values next to invalid ones and falls back wholesale on a failed cross-check", () => {
    const out = decodeState("demo", schema, query([["demo.n", "3"], ["demo.p0", "0.25"], ["demo.T", "150"]]), defaults, MAX_REPS);
    expect(out.state.params).toEqual(defaults.params); // n=3 with T=150 violates the check
    expect(out.notices.map(noticeText).join(" ")).toContain("at most 100 when n < 4");
    const ok = decodeState("demo", schema, query([["demo.p0", "0.25"], ["demo.n", "oops"]]), defaults, MAX_REPS);
    expect(ok.state.params.p0).toBe(0.25);
    expect(ok.state.params.n).toBe(50);
  });

  it("uses the first of repeated keys, ignores other demos, and caps the notice count", () => {
    const out = decodeState("demo", schema, "?demo.n=30&demo.n=40&demox.n=9&x=1", defaults, MAX_REPS);
    expect(out.state.params.n).toBe(30);
    expect(out.notices.map(noticeText)).toEqual(["n: repeated in the link; using the first value"]);
    expect(decodeState("demo", schema, "?other.n=3", defaults, MAX_REPS)).toEqual({ state: defaults, notices: [], present: false });
    const flood = decodeState("demo", schema, query(Array.from({ length: 30 }, (_, i) => [`demo.k${i}`, "1"] as [string, string])), defaults, MAX_REPS);
    expect(flood.notices.length).toBe(8);
    expect(flood.notices[7]!.message).toBe("and 23 more values were replaced");
  });

  it("rewrites only its own keys in the query", () => {
    expect(replaceInQuery("?a=1&demo.n=5&other.n=2", "demo", [["demo.n", "7"], ["demo.seed", "3"]])).toBe("?a=1&other.n=2&demo.n=7&demo.seed=3");
    expect(replaceInQuery("?demo.n=5", "demo", null)).toBe("");
    expect(replaceInQuery("", "demo", [["demo.prior", "zipf:1.5"]])).toBe("?demo.prior=zipf%3A1.5");
  });
});

/** The safe law parser: semantics, precedence, printing round trip, errors, and fuzzing. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ParamError } from "../../../src/core/errors";
import { evaluate } from "../../../src/core/symbolic/expr";
import { parseLaw } from "../../../src/core/symbolic/parse";
import { toLatex, toPlain } from "../../../src/core/symbolic/print";
import { simplify } from "../../../src/core/symbolic/simplify";
import katex from "katex";

const XS = [-1.7, -0.3, 0.25, 1, 2.4];

describe("parseLaw", () => {
  it("evaluates like hand-written functions", () => {
    const cases: [string, (x: number) => number][] = [
      ["3*x^2 + 1", (x) => 3 * x * x + 1],
      ["-x^2", (x) => -(x * x)],
      ["2^3^2 + x", (x) => 512 + x],
      ["x**3 - x", (x) => x ** 3 - x],
      ["exp(-x) * sin(x)", (x) => Math.exp(-x) * Math.sin(x)],
      ["sqrt(x*x) / (1 + cos(pi*x))", (x) => Math.abs(x) / (1 + Math.cos(Math.PI * x))],
      ["ln(e) + log(x*x+1) - 4/2/2", (x) => 1 + Math.log(x * x + 1) - 1],
      ["1.5e1 - .5 + +x", (x) => 14.5 + x],
    ];
    for (const [text, f] of cases) for (const x of XS) expect(evaluate(parseLaw(text), x)).toBeCloseTo(f(x), 12);
  });
  it("prints plain syntax that parses back to the same function, and LaTeX KaTeX accepts", () => {
    for (const text of ["3*x^2 + 1", "-x^2 + x", "x / (x - 3)", "(x - 1)^(3/2)", "exp(-x) * sin(x) - 2", "1 - (x - 2)", "x^1.5", "2 * -x"]) {
      const e = simplify(parseLaw(text));
      const back = parseLaw(toPlain(e));
      for (const x of [1.3, 2.2, 3.7]) {
        const a = evaluate(e, x);
        const b = evaluate(back, x);
        if (Number.isNaN(a)) expect(b).toBeNaN();
        else expect(b).toBeCloseTo(a, 10);
      }
      expect(() => katex.renderToString(toLatex(e), { throwOnError: true })).not.toThrow();
    }
  });
  it("prints negative terms as subtraction", () => {
    const cases: [string, string][] = [
      ["5 + -6.5*cos(x)", "5 - 6.5 * cos(x)"],
      ["x + -1*x^2", "x - x^2"],
      ["x - -2*x", "x + 2 * x"],
      ["x + -3", "x - 3"],
      ["-2 + x", "x - 2"],
    ];
    for (const [text, plain] of cases) expect(toPlain(simplify(parseLaw(text)))).toBe(plain);
  });
  it("rejects bad input with a ParamError naming the law and the place", () => {
    const bad: [unknown, RegExp][] = [
      ["x^^2", /position 3/],
      ["", /empty/],
      ["sin x", /expected "\("/],
      ["foo(x)", /unknown name "foo"/],
      ["y + 1", /unknown name "y"/],
      ["(x + 1", /expected "\)" at the end/],
      ["x + 1)", /unexpected "\)"/],
      ["1e999", /out of range/],
      ["x; alert(1)", /unexpected character/],
      ["(".repeat(100) + "x" + ")".repeat(100), /nested deeper/],
      ["x" + "+x".repeat(200), /(more than 200 nodes|longer than)/],
      [42, /number/],
    ];
    for (const [text, re] of bad) {
      let err: unknown;
      try {
        parseLaw(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ParamError);
      expect((err as ParamError).param).toBe("law");
      expect((err as ParamError).message).toMatch(re);
      expect((err as ParamError).message).not.toContain("\n");
    }
  });
  it("fuzz: any string parses or throws ParamError, quickly", () => {
    const alphabet = fc.constantFrom(..."x0123456789.eE+-*/^() sincoexplgqrtpi\n\t;{}[]'\"\\".split(""), "sin(", "exp(", "**", "x^", "((", "))");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }).map((a) => a.join("")), (text) => {
        const t0 = performance.now();
        try {
          const e = parseLaw(text);
          expect(typeof evaluate(e, 0.5)).toBe("number");
        } catch (e) {
          if (!(e instanceof ParamError)) throw e;
        }
        expect(performance.now() - t0).toBeLessThan(200);
      }),
      { numRuns: 3000, seed: 42 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        try {
          parseLaw(text);
        } catch (e) {
          if (!(e instanceof ParamError)) throw e;
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

/**
 * Bit-reproducibility guard: core code must not call engine-dependent transcendental functions (Math.log,
 * Math.exp, Math.pow, `**`, …; V8 versions differ in the last bit). Only src/core/math.ts may, and it uses
 * the @stdlib fdlibm ports instead. The second half checks those ports against correctly rounded values.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { asinh, atan, cos, cosh, exp, expm1, hypot, ln, log1p, log2, pow, sin, sinh, tanh } from "../../../src/core/math";

const ROOT = join(import.meta.dirname, "../../../src/core");
const ALLOWED = new Set(["math.ts"]);
const BANNED = /\bMath\s*\.\s*(log|log2|log10|log1p|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b|\*\*/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Blanks comments, strings, template text and regex literals (newlines kept, so line numbers hold). */
export function codeOnly(src: string): string {
  const out = src.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== "\n") out[i] = " ";
  };
  let i = 0;
  let prev = ""; // last significant code character, to tell a regex literal from a division
  while (i < src.length) {
    const c = src[i]!, d = src[i + 1];
    if (c === "/" && d === "/") {
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && d === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === "`" || (c === "/" && (prev === "" || "(,=:[!&|?{};+-*%<>~^".includes(prev)))) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length) {
        const e = src[j]!;
        if (e === "\\") j += 2;
        else if (c === "/" && e === "[") (inClass = true), j++;
        else if (c === "/" && e === "]") (inClass = false), j++;
        else if (e === c && !inClass) break;
        else if (c !== "`" && e === "\n") break;
        else j++;
      }
      blank(i + 1, j);
      i = j + 1;
      prev = "a";
    } else {
      if (!/\s/.test(c)) prev = c;
      i++;
    }
  }
  return out.join("");
}

function offences(): string[] {
  const found: string[] = [];
  for (const path of tsFiles(ROOT)) {
    const rel = relative(ROOT, path);
    if (ALLOWED.has(rel)) continue;
    const lines = codeOnly(readFileSync(path, "utf8")).split("\n");
    lines.forEach((line, k) => {
      for (const m of line.matchAll(BANNED)) found.push(`src/core/${rel}:${k + 1}: ${m[0]} (use src/core/math.ts)`);
    });
  }
  return found;
}

describe("deterministic math guard", () => {
  it("no transcendental Math.* call and no ** operator in src/core outside math.ts", () => {
    expect(offences()).toEqual([]);
  });

  it("the scanner sees real offences and ignores comments, strings and regexes", () => {
    const src = [
      "const a = Math.log(x); // Math.exp in a comment",
      'const s = "Math.pow(2, 3) and **";',
      "const r = /a\\*\\*b/g.test(t) ? x / y : z;",
      "/* x ** 2 */ const b = y ** 2;",
      "const c = `template ${Math.sin(1)}`;",
    ].join("\n");
    const lines = codeOnly(src).split("\n");
    const hits = lines.map((l) => [...l.matchAll(BANNED)].map((m) => m[0]));
    expect(hits).toEqual([["Math.log"], [], [], ["**"], []]);
    expect(tsFiles(ROOT).length).toBeGreaterThan(30);
  });
});

describe("math.ts (fdlibm ports) against correctly rounded values", () => {
  it("exact or correctly rounded reference points", () => {
    expect(ln(2)).toBe(Math.LN2);
    expect(ln(10)).toBe(Math.LN10);
    expect(ln(1)).toBe(0);
    expect(ln(Math.E)).toBe(1);
    expect(log2(Math.E)).toBe(Math.LOG2E);
    expect(pow(2, 0.5)).toBe(Math.SQRT2);
    expect(pow(0.5, 0.5)).toBe(Math.SQRT1_2);
    expect(pow(3, 4)).toBe(81);
    expect(pow(10, -2)).toBe(0.01);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(0, 0)).toBe(1);
    expect(exp(0)).toBe(1);
    expect(exp(Math.LN2)).toBe(2);
    expect(exp(-1)).toBe(0.36787944117144233); // 1/e, correctly rounded
    expect(sin(Math.PI / 6)).toBe(0.49999999999999994); // sin of the double nearest π/6, correctly rounded
    expect(cos(Math.PI / 3)).toBe(0.5000000000000001);
    expect(sin(1)).toBe(0.8414709848078965);
    expect(cos(1)).toBe(0.5403023058681398);
    expect(atan(1)).toBe(Math.PI / 4);
    expect(hypot(3, 4)).toBe(5);
    expect(tanh(0.5)).toBe(0.46211715726000974);
    expect(sinh(1)).toBe(1.1752011936438014);
  });

  it("not always correctly rounded, but within one ulp: exp(1), cosh(1), expm1(1)", () => {
    // The @stdlib ports return 2.7182818284590455, 1.543080634815244 (one ulp above) and 1.718281828459045 (one below):
    // deterministic all the same, which is what matters here.
    expect(Math.abs(exp(1) - Math.E)).toBeLessThanOrEqual(4.440892098500626e-16); // ulp in [2, 4)
    expect(Math.abs(cosh(1) - 1.5430806348152437)).toBeLessThanOrEqual(2.220446049250313e-16); // ulp in [1, 2)
    expect(Math.abs(expm1(1) - 1.7182818284590453)).toBeLessThanOrEqual(2.220446049250313e-16);
    expect(asinh(1)).toBe(0.881373587019543); // correctly rounded
  });

  it("hard cases: tiny arguments, large trig arguments, powers of two", () => {
    expect(log1p(1e-20)).toBe(1e-20);
    expect(expm1(1e-20)).toBe(1e-20);
    expect(log1p(-0.5)).toBe(-Math.LN2);
    expect(sin(1e22)).toBe(-0.8522008497671888); // needs Payne–Hanek reduction; correctly rounded value
    expect(cos(1e22)).toBe(0.523214785395139);
    expect(sin(Math.PI)).toBe(1.2246467991473532e-16);
    for (let k = -1074; k <= 1023; k++) expect(log2(pow(2, k))).toBe(k);
    expect(ln(Number.MIN_VALUE)).toBe(-744.4400719213812);
    expect(exp(709.782712893384)).toBe(1.7976931348622732e308);
    expect(exp(-745.2)).toBe(0);
    expect(ln(0)).toBe(-Infinity);
    expect(Number.isNaN(ln(-1))).toBe(true);
  });
});

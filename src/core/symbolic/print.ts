/**
 * Printing: plain syntax (read back by `parseLaw`, and by math.js; SymPy needs ^ → **) and LaTeX for KaTeX.
 * Negative literals in sums print as subtraction, −1·a as −a, fractions as p/q (plain) or \frac{p}{q}.
 */
import type { Expr } from "./expr";
import { PLAIN_SYMBOL, PRECEDENCE } from "./ops";

/** Shortest decimal text with up to `digits` significant digits. */
export function formatNumber(v: number, digits = 8): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const t = Number(v.toPrecision(digits));
  const s = String(t);
  return s.includes("e") ? t.toExponential(digits - 1).replace(/\.?0+e/, "e") : s;
}

/** Precedence of a node as printed (atoms 9, unary minus 3). */
function prec(e: Expr): number {
  if (e.t === "b") {
    if (e.op === "mul" && e.a.t === "n" && e.a.v === -1) return 3;
    return PRECEDENCE[e.op];
  }
  if (e.t === "n" && (e.v < 0 || e.den !== undefined)) return e.v < 0 ? 3 : 2;
  return 9;
}

const isNegation = (m: Expr): m is { t: "b"; op: "mul"; a: Expr; b: Expr } => m.t === "b" && m.op === "mul" && m.a.t === "n" && m.a.v === -1;

/** Rewrites a + (−k), (−k) + a, a + (−k)·b, a + (−b) and their − counterparts before printing. */
function signFix(e: Expr): Expr {
  const negLead = (m: Expr): Expr | null =>
    m.t === "b" && (m.op === "mul" || m.op === "div") && m.a.t === "n" && m.a.v < 0 && m.a.v !== -1 ? { ...m, a: { ...m.a, v: -m.a.v } } : null;
  if (e.t === "b" && e.op === "add") {
    if (e.b.t === "n" && e.b.v < 0) return { t: "b", op: "sub", a: e.a, b: { ...e.b, v: -e.b.v } };
    if (e.a.t === "n" && e.a.v < 0) return { t: "b", op: "sub", a: e.b, b: { ...e.a, v: -e.a.v } };
    const nb = negLead(e.b);
    if (nb) return { t: "b", op: "sub", a: e.a, b: nb };
    if (isNegation(e.b)) return { t: "b", op: "sub", a: e.a, b: e.b.b };
  }
  if (e.t === "b" && e.op === "sub") {
    if (e.b.t === "n" && e.b.v < 0) return { t: "b", op: "add", a: e.a, b: { ...e.b, v: -e.b.v } };
    const nb = negLead(e.b);
    if (nb) return { t: "b", op: "add", a: e.a, b: nb };
    if (isNegation(e.b)) return { t: "b", op: "add", a: e.a, b: e.b.b };
  }
  return e;
}

export function toPlain(input: Expr): string {
  const e = signFix(input);
  const wrap = (child: Expr, min: number): string => (prec(signFix(child)) < min ? `(${toPlain(child)})` : toPlain(child));
  switch (e.t) {
    case "x":
      return "x";
    case "c":
      return `c${e.i}`;
    case "n":
      return e.den ? `${Math.round(e.v * e.den)}/${e.den}` : formatNumber(e.v);
    case "u":
      return `${e.op}(${toPlain(e.a)})`;
    case "b": {
      if (e.op === "mul" && e.a.t === "n" && e.a.v === -1) return `-${wrap(e.b, 3)}`;
      const p = PRECEDENCE[e.op];
      if (e.op === "pow") return `${wrap(e.a, 5)}^${wrap(e.b, 5)}`;
      const right = e.op === "add" || e.op === "mul" ? p : p + 1;
      return `${wrap(e.a, p)} ${PLAIN_SYMBOL[e.op]} ${wrap(e.b, right)}`;
    }
  }
}

const LATEX_FN: Record<string, string> = { sin: "\\sin", cos: "\\cos", exp: "\\exp", log: "\\ln" };

function latexNumber(v: number): string {
  const s = formatNumber(v);
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(s);
  return m ? `${m[1]}\\times 10^{${Number(m[2])}}` : s;
}

export function toLatex(input: Expr): string {
  const e = signFix(input);
  const wrap = (child: Expr, min: number): string => (prec(signFix(child)) < min ? `\\left(${toLatex(child)}\\right)` : toLatex(child));
  switch (e.t) {
    case "x":
      return "x";
    case "c":
      return `c_{${e.i}}`;
    case "n": {
      if (!e.den) return latexNumber(e.v);
      const p = Math.round(e.v * e.den);
      return `${p < 0 ? "-" : ""}\\frac{${Math.abs(p)}}{${e.den}}`;
    }
    case "u":
      return e.op === "sqrt" ? `\\sqrt{${toLatex(e.a)}}` : `${LATEX_FN[e.op]}\\left(${toLatex(e.a)}\\right)`;
    case "b": {
      if (e.op === "mul" && e.a.t === "n" && e.a.v === -1) return `-${wrap(e.b, 3)}`;
      switch (e.op) {
        case "div":
          return `\\frac{${toLatex(e.a)}}{${toLatex(e.b)}}`;
        case "pow":
          return `{${wrap(e.a, 5)}}^{${toLatex(e.b)}}`;
        case "mul": {
          const a = wrap(e.a, 2);
          const b = wrap(e.b, 2);
          const numeric = /^[\d-]/.test(b) || b.startsWith("\\frac");
          return numeric ? `${a} \\cdot ${b}` : `${a}\\,${b}`;
        }
        default:
          return `${wrap(e.a, 1)} ${PLAIN_SYMBOL[e.op]} ${wrap(e.b, 2)}`;
      }
    }
  }
}

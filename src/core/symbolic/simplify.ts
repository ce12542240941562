/**
 * Algebraic clean-up of a fitted expression for display: constant folding and identity rewrites
 * (a·1, a+0, a^1, a^(1/2) → sqrt a, 0·a, …). Every rule preserves the function on its domain, so the
 * printed law evaluates exactly as the scored one (checked in the tests on probe points).
 */
import { applyBinary, applyUnary } from "./ops";
import { bin, num, un, type Expr } from "./expr";

const isNum = (e: Expr, v?: number): e is { t: "n"; v: number; den?: number } => e.t === "n" && (v === undefined || e.v === v);

/** Folds a literal-only subtree into one literal, keeping a simple fraction when the inputs were fractions. */
function fold(e: Expr): Expr {
  if (e.t === "u" && isNum(e.a)) return num(applyUnary(e.op, e.a.v));
  if (e.t === "b" && isNum(e.a) && isNum(e.b)) {
    const v = applyBinary(e.op, e.a.v, e.b.v);
    const qa = e.a.den ?? 1;
    const qb = e.b.den ?? 1;
    if (e.op !== "pow") {
      // Keep a small denominator when the result is p/q with q | qa·qb.
      const q = qa * qb;
      const p = Math.round(v * q);
      if (q > 1 && Math.abs(p / q - v) < 1e-12 * Math.max(1, Math.abs(v))) return reduce(p, q);
    }
    return num(v);
  }
  return e;
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/** The literal p/q in lowest terms. */
export function reduce(p: number, q: number): Expr {
  const g = gcd(p, q) || 1;
  const [pp, qq] = [p / g, q / g];
  return qq === 1 ? num(pp) : { t: "n", v: pp / qq, den: qq };
}

function step(e: Expr): Expr {
  if (e.t === "u") return fold(un(e.op, simplify(e.a)));
  if (e.t !== "b") return e;
  const a = simplify(e.a);
  const b = simplify(e.b);
  const f = fold(bin(e.op, a, b));
  if (f.t === "n") return f;
  switch (e.op) {
    case "add":
      if (isNum(a, 0)) return b;
      if (isNum(b, 0)) return a;
      break;
    case "sub":
      if (isNum(b, 0)) return a;
      break;
    case "mul":
      if (isNum(a, 1)) return b;
      if (isNum(b, 1)) return a;
      if (isNum(a, 0) || isNum(b, 0)) return num(0);
      break;
    case "div":
      if (isNum(b, 1)) return a;
      break;
    case "pow":
      if (isNum(b, 1)) return a;
      if (isNum(b, 0)) return num(1);
      if (isNum(b, 0.5)) return un("sqrt", a);
      break;
  }
  return bin(e.op, a, b);
}

/** Simplified copy of e (pure; idempotent). */
export function simplify(e: Expr): Expr {
  return step(e);
}

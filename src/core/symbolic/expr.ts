/**
 * Expression trees over one variable x: the hypotheses of symbolic regression.
 *
 * `c` nodes are free constants (index i into a parameter vector, fitted to the data); `n` nodes are
 * literal numbers (from a user's law, or a fitted constant snapped to a simple rational p/q, kept as
 * `den` = q so it prints as a fraction).
 */
import { applyBinary, applyUnary, type BinaryOp, type UnaryOp } from "./ops";

export type Expr =
  | { t: "x" }
  | { t: "c"; i: number }
  | { t: "n"; v: number; den?: number }
  | { t: "u"; op: UnaryOp; a: Expr }
  | { t: "b"; op: BinaryOp; a: Expr; b: Expr };

export const X: Expr = { t: "x" };
export const num = (v: number): Expr => ({ t: "n", v });
export const un = (op: UnaryOp, a: Expr): Expr => ({ t: "u", op, a });
export const bin = (op: BinaryOp, a: Expr, b: Expr): Expr => ({ t: "b", op, a, b });

/** Number of nodes. */
export function size(e: Expr): number {
  return e.t === "u" ? 1 + size(e.a) : e.t === "b" ? 1 + size(e.a) + size(e.b) : 1;
}

/** Number of free constants (`c` nodes). */
export function constantCount(e: Expr): number {
  return e.t === "c" ? 1 : e.t === "u" ? constantCount(e.a) : e.t === "b" ? constantCount(e.a) + constantCount(e.b) : 0;
}

/** True when the tree does not contain x (a constant-valued subtree). */
export function isConstant(e: Expr): boolean {
  return e.t === "c" || e.t === "n" || (e.t === "u" ? isConstant(e.a) : e.t === "b" ? isConstant(e.a) && isConstant(e.b) : false);
}

/** Evaluates at one x with constants c. */
export function evaluate(e: Expr, x: number, c: ArrayLike<number> = []): number {
  switch (e.t) {
    case "x":
      return x;
    case "c":
      return c[e.i] ?? Number.NaN;
    case "n":
      return e.v;
    case "u":
      return applyUnary(e.op, evaluate(e.a, x, c));
    case "b":
      return applyBinary(e.op, evaluate(e.a, x, c), evaluate(e.b, x, c));
  }
}

/** Replaces every `c` node i by the literal values[i]. */
export function substitute(e: Expr, values: ArrayLike<number>): Expr {
  switch (e.t) {
    case "c":
      return num(values[e.i]!);
    case "u":
      return un(e.op, substitute(e.a, values));
    case "b":
      return bin(e.op, substitute(e.a, values), substitute(e.b, values));
    default:
      return e;
  }
}

/** A compact structural key (prefix notation), used for canonical ordering and memo tables. */
export function key(e: Expr): string {
  switch (e.t) {
    case "x":
      return "x";
    case "c":
      return "c";
    case "n":
      return `#${e.v}`;
    case "u":
      return `${e.op}(${key(e.a)})`;
    case "b":
      return `${e.op}(${key(e.a)},${key(e.b)})`;
  }
}

/** Renumbers `c` nodes 0, 1, … in prefix order (so a skeleton's constants are indexed left to right). */
export function numberConstants(e: Expr): Expr {
  let next = 0;
  const walk = (n: Expr): Expr => {
    if (n.t === "c") return { t: "c", i: next++ };
    if (n.t === "u") return un(n.op, walk(n.a));
    if (n.t === "b") {
      const a = walk(n.a);
      return bin(n.op, a, walk(n.b));
    }
    return n;
  };
  return walk(e);
}

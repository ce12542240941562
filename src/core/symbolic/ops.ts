/**
 * The operator alphabet of symbolic regression: names, arities, evaluation and printing.
 *
 * Domains are not protected: log of a non-positive number, sqrt of a negative one, a negative base to a
 * fractional power and division by zero give NaN or ±Infinity, and a candidate that produces a
 * non-finite value on the data is rejected (it does not describe the data).
 */
import { cos, exp, ln, pow, sin } from "../math";

export type UnaryOp = "sin" | "cos" | "exp" | "log" | "sqrt";
export type BinaryOp = "add" | "sub" | "mul" | "div" | "pow";
export type OpName = UnaryOp | BinaryOp;

export const UNARY_OPS: readonly UnaryOp[] = ["sin", "cos", "exp", "log", "sqrt"];
export const BINARY_OPS: readonly BinaryOp[] = ["add", "sub", "mul", "div", "pow"];
export const ALL_OPS: readonly OpName[] = [...BINARY_OPS, ...UNARY_OPS];

export function isUnary(op: OpName): op is UnaryOp {
  return (UNARY_OPS as readonly string[]).includes(op);
}

/** Scalar semantics (the vector evaluator in compile.ts mirrors these exactly). */
export function applyUnary(op: UnaryOp, a: number): number {
  switch (op) {
    case "sin":
      return sin(a);
    case "cos":
      return cos(a);
    case "exp":
      return exp(a);
    case "log":
      return a > 0 ? ln(a) : Number.NaN;
    case "sqrt":
      return a >= 0 ? Math.sqrt(a) : Number.NaN;
  }
}

export function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case "add":
      return a + b;
    case "sub":
      return a - b;
    case "mul":
      return a * b;
    case "div":
      return a / b;
    case "pow":
      return pow(a, b);
  }
}

/** Infix symbols (plain syntax read by standard math parsers such as math.js or SymPy with ^ → **). */
export const PLAIN_SYMBOL: Record<BinaryOp, string> = { add: "+", sub: "-", mul: "*", div: "/", pow: "^" };

/** Binding strength for printing: higher binds tighter. */
export const PRECEDENCE: Record<BinaryOp, number> = { add: 1, sub: 1, mul: 2, div: 2, pow: 4 };

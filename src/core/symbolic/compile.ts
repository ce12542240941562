/**
 * Vectorised evaluation: an expression compiled to postfix code run over all data points at once
 * (one tight loop per node instead of one tree walk per point).
 */
import type { Expr } from "./expr";
import { ALL_OPS, isUnary, type OpName } from "./ops";
import { cos, exp, ln, pow, sin } from "../math";

const X = -1;
const C = -2;
const N = -3;

/** Postfix code: opcode per step (index into ALL_OPS, or X/C/N) and an argument (constant index or literal). */
export interface Program {
  codes: Int32Array;
  args: Float64Array;
  /** Stack depth needed. */
  depth: number;
}

export function compile(e: Expr): Program {
  const codes: number[] = [];
  const args: number[] = [];
  let depth = 0;
  let max = 0;
  const walk = (n: Expr): void => {
    switch (n.t) {
      case "x":
        codes.push(X), args.push(0), (depth += 1);
        break;
      case "c":
        codes.push(C), args.push(n.i), (depth += 1);
        break;
      case "n":
        codes.push(N), args.push(n.v), (depth += 1);
        break;
      case "u":
        walk(n.a);
        codes.push(ALL_OPS.indexOf(n.op)), args.push(0);
        break;
      case "b":
        walk(n.a);
        walk(n.b);
        codes.push(ALL_OPS.indexOf(n.op)), args.push(0), (depth -= 1);
        break;
    }
    max = Math.max(max, depth);
  };
  walk(e);
  return { codes: Int32Array.from(codes), args: Float64Array.from(args), depth: max };
}

/** Reusable stack buffers for one data length. */
export class Evaluator {
  private stack: Float64Array[] = [];
  constructor(readonly xs: Float64Array) {}

  private buffer(i: number): Float64Array {
    while (this.stack.length <= i) this.stack.push(new Float64Array(this.xs.length));
    return this.stack[i]!;
  }

  /**
   * Evaluates into `out` (length = xs.length). Returns false as soon as a value is non-finite (the
   * candidate is rejected), true otherwise.
   */
  run(p: Program, c: ArrayLike<number>, out: Float64Array): boolean {
    const n = this.xs.length;
    const xs = this.xs;
    let sp = 0;
    for (let k = 0; k < p.codes.length; k++) {
      const code = p.codes[k]!;
      if (code < 0) {
        const dst = this.buffer(sp++);
        if (code === X) dst.set(xs);
        else dst.fill(code === C ? c[p.args[k]!]! : p.args[k]!);
        continue;
      }
      const op = ALL_OPS[code] as OpName;
      if (isUnary(op)) {
        const a = this.buffer(sp - 1);
        unary(op, a, n);
      } else {
        const a = this.buffer(sp - 2);
        const b = this.buffer(sp - 1);
        binary(op, a, b, n);
        sp -= 1;
      }
    }
    const r = this.buffer(0);
    for (let i = 0; i < n; i++) {
      const v = r[i]!;
      if (!Number.isFinite(v)) return false;
      out[i] = v;
    }
    return true;
  }
}

function unary(op: OpName, a: Float64Array, n: number): void {
  switch (op) {
    case "sin":
      for (let i = 0; i < n; i++) a[i] = sin(a[i]!);
      return;
    case "cos":
      for (let i = 0; i < n; i++) a[i] = cos(a[i]!);
      return;
    case "exp":
      for (let i = 0; i < n; i++) a[i] = exp(a[i]!);
      return;
    case "log":
      for (let i = 0; i < n; i++) a[i] = a[i]! > 0 ? ln(a[i]!) : Number.NaN;
      return;
    case "sqrt":
      for (let i = 0; i < n; i++) a[i] = a[i]! >= 0 ? Math.sqrt(a[i]!) : Number.NaN;
      return;
  }
}

function binary(op: OpName, a: Float64Array, b: Float64Array, n: number): void {
  switch (op) {
    case "add":
      for (let i = 0; i < n; i++) a[i] = a[i]! + b[i]!;
      return;
    case "sub":
      for (let i = 0; i < n; i++) a[i] = a[i]! - b[i]!;
      return;
    case "mul":
      for (let i = 0; i < n; i++) a[i] = a[i]! * b[i]!;
      return;
    case "div":
      for (let i = 0; i < n; i++) a[i] = a[i]! / b[i]!;
      return;
    case "pow":
      for (let i = 0; i < n; i++) a[i] = pow(a[i]!, b[i]!);
      return;
  }
}

/**
 * The prior over expressions: a prefix code over the grammar (algorithmic-probability style).
 *
 * An expression is written in Polish (prefix) notation, one symbol per node, each symbol drawn from the
 * alphabet A = {x, c} ∪ enabled operators with probability 1/|A|; the exponent of `pow` is always a
 * fitted constant, so that node is implied and costs nothing. Polish notation is prefix-free (a reader
 * knows where an expression ends from the arities), so the code lengths satisfy Kraft's inequality and
 * m(e) = 2^(−bits(e)) is a (sub-)probability over expressions, the computable analogue of m(s) = Σ 2^−|p|.
 * The total mass is the extinction probability q of the branching process the code describes, the
 * smallest root of q = p_T + (p_U + p_pow) q + p_B q² (checked against enumeration in the tests).
 * Uniform symbol probabilities are the simplest choice with no tuning knob; bits then grow linearly with
 * the number of coded nodes, so "shortest first" is "fewest symbols first".
 */
import { ParamError } from "../errors";
import type { Expr } from "./expr";
import { ALL_OPS, BINARY_OPS, UNARY_OPS, type OpName } from "./ops";
import { log2 } from "../math";

export interface Grammar {
  /** Enabled operators (a subset of + − × ÷ pow sin cos exp log sqrt). */
  ops: readonly OpName[];
  /** Bits per coded symbol: log2 |A|. */
  symbolBits: number;
}

export const DEFAULT_OPS: readonly OpName[] = ALL_OPS;

/** Builds the grammar; throws ParamError on an unknown or repeated operator. */
export function makeGrammar(ops: readonly string[] = DEFAULT_OPS): Grammar {
  const seen = new Set<string>();
  for (const op of ops) {
    if (!(ALL_OPS as readonly string[]).includes(op)) throw new ParamError("ops", `operators among ${ALL_OPS.join(", ")}`, JSON.stringify(op).slice(0, 40));
    if (seen.has(op)) throw new ParamError("ops", "each operator at most once", op);
    seen.add(op);
  }
  return { ops: ALL_OPS.filter((o) => seen.has(o)), symbolBits: log2(2 + seen.size) };
}

/** Number of symbols actually written for e (the pow exponent is implied). */
export function codedSymbols(e: Expr): number {
  if (e.t === "u") return 1 + codedSymbols(e.a);
  if (e.t === "b") return e.op === "pow" ? 1 + codedSymbols(e.a) : 1 + codedSymbols(e.a) + codedSymbols(e.b);
  return 1;
}

/** Structure bits of an expression (constants' values are paid for separately, see mdl.ts). */
export function structureBits(e: Expr, g: Grammar): number {
  return codedSymbols(e) * g.symbolBits;
}

/** Total mass Σ 2^−bits over all finite expressions: the extinction probability of the code's branching process. */
export function kraftTotal(g: Grammar): number {
  const p = 1 / (2 + g.ops.length);
  const pU = p * g.ops.filter((o) => (UNARY_OPS as readonly string[]).includes(o)).length + (g.ops.includes("pow") ? p : 0);
  const pB = p * g.ops.filter((o) => (BINARY_OPS as readonly string[]).includes(o) && o !== "pow").length;
  const pT = 2 * p;
  // pB q² + (pU − 1) q + pT = 0, smallest root in [0, 1].
  if (pB === 0) return Math.min(1, pT / (1 - pU));
  const b = pU - 1;
  return (-b - Math.sqrt(b * b - 4 * pB * pT)) / (2 * pB);
}

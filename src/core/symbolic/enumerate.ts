/**
 * Skeleton enumeration in order of increasing least description length: coded symbols × log2|A| plus
 * 2 bits per constant (with `prune: false`, plain order of coded symbols).
 *
 * Pruning removes only redundant spellings, never a function family: a constant-valued subtree is a
 * single `c`; + and × take their arguments in canonical order; e − c, e ÷ c, a + a, a − a, a ÷ a,
 * log(exp(a)), exp(log(a)), pow of pow/sqrt/exp, and a second constant directly inside a top-level
 * additive (multiplicative) constant are skipped; constant-free skeletons that agree on fixed probe
 * points (negative and positive) are kept once. With `prune: false` every tree is produced (tests use
 * this to check the Kraft sum).
 */
import { bin, constantCount, key, numberConstants, un, type Expr } from "./expr";
import { codedSymbols, type Grammar } from "./grammar";
import { compile, Evaluator } from "./compile";
import type { BinaryOp, UnaryOp } from "./ops";

export interface EnumerateOptions {
  /** Largest number of coded symbols (bits = symbols × log2|A|). */
  maxSymbols: number;
  /** Most free constants per skeleton. */
  maxConstants: number;
  /** Stop after this many skeletons (in order). */
  maxSkeletons?: number;
  prune?: boolean;
}

interface Item {
  e: Expr;
  k: string;
  consts: number;
  hasX: boolean;
}

const PROBES = Float64Array.from([-2.3, -1.1, -0.4, 0.35, 0.8, 1.7, 2.9, 4.1]);

/** Values at the probe points, one by one so the pattern of NaNs is part of the hash. */
function probeHash(one: Evaluator, e: Expr): string {
  const p = compile(e);
  const parts: string[] = [];
  const tmp = new Float64Array(1);
  for (let i = 0; i < PROBES.length; i++) {
    (one.xs as Float64Array)[0] = PROBES[i]!;
    parts.push(one.run(p, [], tmp) ? tmp[0]!.toPrecision(10) : "nan");
  }
  return parts.join(",");
}

/** All skeletons with at most maxSymbols coded symbols, shortest first, constants numbered left to right. */
export function enumerateSkeletons(g: Grammar, opt: EnumerateOptions): Expr[] {
  const prune = opt.prune ?? true;
  const unary = g.ops.filter((o): o is UnaryOp => ["sin", "cos", "exp", "log", "sqrt"].includes(o));
  const binary = g.ops.filter((o): o is BinaryOp => ["add", "sub", "mul", "div"].includes(o));
  const hasPow = g.ops.includes("pow");
  const levels: Item[][] = [[]];
  const out: Expr[] = [];
  const seen = new Set<string>();
  const one = new Evaluator(Float64Array.of(0));
  const limit = opt.maxSkeletons ?? Infinity;
  const push = (level: Item[], it: Item): void => {
    if (it.consts > opt.maxConstants) return;
    if (prune && it.consts === 0) {
      const h = probeHash(one, it.e);
      if (seen.has(h)) return;
      seen.add(h);
    }
    level.push(it);
  };
  for (let L = 1; L <= opt.maxSymbols; L++) {
    const level: Item[] = [];
    if (L === 1) {
      push(level, { e: { t: "x" }, k: "x", consts: 0, hasX: true });
      push(level, { e: { t: "c", i: 0 }, k: "c", consts: 1, hasX: false });
    }
    for (const a of levels[L - 1] ?? []) {
      for (const op of unary) {
        if (prune && (!a.hasX || (op === "log" && a.e.t === "u" && a.e.op === "exp") || (op === "exp" && a.e.t === "u" && a.e.op === "log"))) continue;
        push(level, { e: un(op, a.e), k: `${op}(${a.k})`, consts: a.consts, hasX: a.hasX });
      }
      if (hasPow) {
        if (prune && (!a.hasX || (a.e.t === "b" && a.e.op === "pow") || (a.e.t === "u" && (a.e.op === "sqrt" || a.e.op === "exp")))) continue;
        push(level, { e: bin("pow", a.e, { t: "c", i: 0 }), k: `pow(${a.k},c)`, consts: a.consts + 1, hasX: a.hasX });
      }
    }
    for (let i = 1; i <= L - 2; i++) {
      const j = L - 1 - i;
      for (const a of levels[i]!) {
        for (const b of levels[j]!) {
          for (const op of binary) {
            if (prune && !allowed(op, a, b)) continue;
            push(level, { e: bin(op, a.e, b.e), k: `${op}(${a.k},${b.k})`, consts: a.consts + b.consts, hasX: a.hasX || b.hasX });
          }
        }
      }
    }
    levels.push(level);
    for (const it of level) out.push(numberConstants(it.e));
  }
  if (!prune) return out;
  // Order by the least total model bits a skeleton can have: its structure bits plus 2 bits per constant
  // (the flag bit and the 1-bit code of the cheapest value), so fewer constants come first within a size
  // (a stable sort keeps enumeration order among equals).
  const bound = (e: Expr): number => codedSymbols(e) * g.symbolBits + 2 * constantCount(e);
  const keyed = out.map((e, i) => ({ e, i, b: bound(e) }));
  keyed.sort((a, b) => a.b - b.b || a.i - b.i);
  return keyed.slice(0, limit).map((k) => k.e);
}

function directConstant(e: Expr, ops: readonly string[]): boolean {
  return e.t === "b" && ops.includes(e.op) && (e.a.t === "c" || e.b.t === "c");
}

function allowed(op: BinaryOp, a: Item, b: Item): boolean {
  if (!a.hasX && !b.hasX) return false;
  if ((op === "add" || op === "mul") && a.k > b.k) return false;
  if ((op === "sub" || op === "div" || op === "add") && a.k === b.k) return false;
  if ((op === "sub" || op === "div") && b.e.t === "c") return false;
  if (op === "add" && ((a.e.t === "c" && directConstant(b.e, ["add", "sub"])) || (b.e.t === "c" && directConstant(a.e, ["add", "sub"])))) return false;
  if (op === "mul" && ((a.e.t === "c" && directConstant(b.e, ["mul", "div"])) || (b.e.t === "c" && directConstant(a.e, ["mul", "div"])))) return false;
  if (op === "sub" && a.e.t === "c" && directConstant(b.e, ["add", "sub"])) return false;
  if (op === "div" && a.e.t === "c" && directConstant(b.e, ["mul", "div"])) return false;
  return true;
}

export { codedSymbols, key };

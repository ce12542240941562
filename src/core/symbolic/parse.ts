/**
 * Safe parser for a user-typed law in x (no eval): a whitelist grammar
 *
 *   expr  := term (('+' | '-') term)*
 *   term  := unary (('*' | '/') unary)*
 *   unary := ('-' | '+') unary | power
 *   power := atom (('^' | '**') unary)?          (right-associative; −x^2 = −(x^2))
 *   atom  := number | x | pi | e | fn '(' expr ')' | '(' expr ')'      fn ∈ sin cos exp log ln sqrt
 *
 * Limits (length 300, nesting 40, 200 nodes) keep every input linear-time. Any failure is a ParamError
 * naming the parameter, what is accepted, and where the text went wrong.
 */
import { ParamError } from "../errors";
import { bin, num, un, type Expr } from "./expr";
import type { UnaryOp } from "./ops";

export const LAW_ALLOWED = "an expression in x with numbers, + - * / ^, parentheses, pi, e and sin cos exp log sqrt (e.g. 3*x^2 + 1)";
const MAX_LENGTH = 300;
const MAX_DEPTH = 40;
const MAX_NODES = 200;
const FUNCTIONS: Record<string, UnaryOp> = { sin: "sin", cos: "cos", exp: "exp", log: "log", ln: "log", sqrt: "sqrt" };

type Token = { kind: "num"; v: number; at: number } | { kind: "id"; v: string; at: number } | { kind: "op"; v: string; at: number };

function show(text: string): string {
  const q = JSON.stringify(text);
  return q.length > 60 ? `${q.slice(0, 56)}..."` : q;
}

/** Parses a law; `param` names the option in error messages (default "law"). */
export function parseLaw(text: unknown, param = "law"): Expr {
  if (typeof text !== "string") throw new ParamError(param, LAW_ALLOWED, String(typeof text));
  const fail = (why: string): never => {
    throw new ParamError(param, LAW_ALLOWED, `${show(text)} (${why})`);
  };
  if (text.length > MAX_LENGTH) fail(`longer than ${MAX_LENGTH} characters`);
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z]+)|(\*\*|[-+*/^()]))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) fail(`unexpected character at position ${pos + 1 + (text.slice(pos).length - text.slice(pos).trimStart().length)}`);
    const at = pos;
    pos = re.lastIndex;
    if (m![1] !== undefined) tokens.push({ kind: "num", v: Number(m![1]), at });
    else if (m![2] !== undefined) tokens.push({ kind: "id", v: m![2], at });
    else tokens.push({ kind: "op", v: m![3] === "**" ? "^" : m![3]!, at });
  }
  if (tokens.length === 0) fail("empty");
  let i = 0;
  let nodes = 0;
  const node = (e: Expr): Expr => {
    if (++nodes > MAX_NODES) fail(`more than ${MAX_NODES} nodes`);
    return e;
  };
  const peek = (): Token | undefined => tokens[i];
  const isOp = (v: string): boolean => peek()?.kind === "op" && peek()!.v === v;
  const expect = (v: string): void => {
    if (!isOp(v)) fail(peek() ? `expected "${v}" at position ${peek()!.at + 1}` : `expected "${v}" at the end`);
    i++;
  };
  const expr = (d: number): Expr => {
    if (d > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`);
    let left = term(d);
    while (isOp("+") || isOp("-")) {
      const op = tokens[i++]!.v === "+" ? "add" : "sub";
      left = node(bin(op, left, term(d)));
    }
    return left;
  };
  const term = (d: number): Expr => {
    let left = unary(d);
    while (isOp("*") || isOp("/")) {
      const op = tokens[i++]!.v === "*" ? "mul" : "div";
      left = node(bin(op, left, unary(d)));
    }
    return left;
  };
  const unary = (d: number): Expr => {
    if (d > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`);
    if (isOp("-")) {
      i++;
      return node(bin("mul", num(-1), unary(d + 1)));
    }
    if (isOp("+")) {
      i++;
      return unary(d + 1);
    }
    return power(d);
  };
  const power = (d: number): Expr => {
    const base = atom(d);
    if (isOp("^")) {
      i++;
      return node(bin("pow", base, unary(d + 1)));
    }
    return base;
  };
  const atom = (d: number): Expr => {
    const t = peek();
    if (!t) return fail("ends too early");
    i++;
    if (t.kind === "num") {
      if (!Number.isFinite(t.v)) fail(`number out of range at position ${t.at + 1}`);
      return node(num(t.v));
    }
    if (t.kind === "id") {
      const name = t.v.toLowerCase();
      if (name === "x") return node({ t: "x" });
      if (name === "pi") return node(num(Math.PI));
      if (name === "e") return node(num(Math.E));
      const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (!fn) return fail(`unknown name "${t.v.slice(0, 20)}" at position ${t.at + 1}`);
      expect("(");
      const arg = expr(d + 1);
      expect(")");
      return node(un(fn, arg));
    }
    if (t.v === "(") {
      const inner = expr(d + 1);
      expect(")");
      return inner;
    }
    return fail(`unexpected "${t.v}" at position ${t.at + 1}`);
  };
  const out = expr(0);
  if (i < tokens.length) fail(`unexpected "${tokens[i]!.v.toString().slice(0, 20)}" at position ${tokens[i]!.at + 1}`);
  return out;
}

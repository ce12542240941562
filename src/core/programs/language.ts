/**
 * A small language of programs that print binary sequences, with a prefix-free description length.
 *
 *   program := modifiers base
 *   modifiers: 2 bits (complement the output? reverse the first n bits?)
 *   base (2 bits select one of four kinds, then its arguments):
 *     repeat(w)           w repeated forever                      K(w) bits
 *     then(u, w)          literal u, then w repeated (concatenation) K(u) + K(w)   [kind shared with repeat: 1 more bit]
 *     morphism(a, b)      fixed point from 0 of 0 → a, 1 → b        K(a) + 1 + K(b)  (b may be empty: flag bit)   (Thue–Morse 01/10, Fibonacci 01/0, period doubling 01/00)
 *     counter(unary|binary)  1 0 11 0 111 0 … | 0 1 10 11 100 …   1 bit
 *     eca(r)              centre column of rule r from a single 1     8 bits
 * K(s) is the literal code γ(|s|) + |s| (γ = Elias gamma) unless a CTM/BDM complexity is supplied, so every
 * program is a self-delimiting bit string and Kraft's inequality holds.
 */
import type { Bits } from "./bits";
import { literalBits, type BitComplexity } from "./complexity";
import { centreColumn } from "./eca";

export type Base =
  | { kind: "repeat"; w: string }
  | { kind: "then"; u: string; w: string }
  | { kind: "morphism"; a: string; b: string }
  | { kind: "counter"; base: "unary" | "binary" }
  | { kind: "eca"; rule: number };

export interface SeqProgram {
  base: Base;
  complement: boolean;
  reverse: boolean;
}

/**
 * Description length in bits. `literal` prices the literal strings (default γ(|s|) + |s|; the CTM/BDM
 * engine can be plugged in here, see complexity.ts). An empty morphism image costs its 1 flag bit.
 */
export function programBits(p: SeqProgram, literal: BitComplexity = literalBits): number {
  const header = 2 + 2;
  const b = p.base;
  switch (b.kind) {
    case "repeat":
      return header + 1 + literal(b.w);
    case "then":
      return header + 1 + literal(b.u) + literal(b.w);
    case "morphism":
      return header + literal(b.a) + 1 + (b.b === "" ? 0 : literal(b.b));
    case "counter":
      return header + 1;
    case "eca":
      return header + 8;
  }
}

function cycle(w: string, n: number, offset = 0): Bits {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = w.charCodeAt((i + offset) % w.length) - 48;
  return out;
}

function morphic(a: string, b: string, n: number): Bits {
  let s = "0";
  // a starts with 0 and has length ≥ 2 for a growing fixed point; otherwise the word stops growing.
  for (let guard = 0; s.length < n && guard < 64; guard++) {
    let next = "";
    for (const ch of s) {
      next += ch === "0" ? a : b;
      if (next.length >= n) break;
    }
    if (next.length <= s.length) break;
    s = next;
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = i < s.length ? s.charCodeAt(i) - 48 : 0;
  return out;
}

function counter(base: "unary" | "binary", n: number): Bits {
  const out = new Uint8Array(n);
  let i = 0;
  for (let k = base === "unary" ? 1 : 0; i < n; k++) {
    const word = base === "unary" ? `${"1".repeat(k)}0` : k.toString(2);
    for (let j = 0; j < word.length && i < n; j++) out[i++] = word.charCodeAt(j) - 48;
  }
  return out;
}

/** The first n output bits. */
export function runProgram(p: SeqProgram, n: number): Bits {
  return applyModifiers(runBase(p.base, n), p.complement, p.reverse);
}

/** Complement and/or reverse a base output (a new array). */
export function applyModifiers(base: Bits, complement: boolean, reverse: boolean): Bits {
  const out = Uint8Array.from(base);
  if (complement) for (let i = 0; i < out.length; i++) out[i] = 1 - out[i]!;
  if (reverse) out.reverse();
  return out;
}

/** The first n bits of a base program, before modifiers. */
export function runBase(b: Base, n: number): Bits {
  let out: Bits;
  switch (b.kind) {
    case "repeat":
      out = cycle(b.w, n);
      break;
    case "then": {
      out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = i < b.u.length ? b.u.charCodeAt(i) - 48 : b.w.charCodeAt((i - b.u.length) % b.w.length) - 48;
      break;
    }
    case "morphism":
      out = morphic(b.a, b.b, n);
      break;
    case "counter":
      out = counter(b.base, n);
      break;
    case "eca":
      out = centreColumn(b.rule, n);
      break;
  }
  return out;
}

/** Human-readable form, e.g. "complement(repeat(001011))". */
export function describeProgram(p: SeqProgram): string {
  const b = p.base;
  let s: string;
  switch (b.kind) {
    case "repeat":
      s = `repeat(${b.w})`;
      break;
    case "then":
      s = `then(${b.u}, repeat(${b.w}))`;
      break;
    case "morphism":
      s = `morphism(0→${b.a}, 1→${b.b || "ε"})`;
      break;
    case "counter":
      s = `counter(${b.base})`;
      break;
    case "eca":
      s = `eca(rule ${b.rule})`;
      break;
  }
  if (p.complement) s = `complement(${s})`;
  if (p.reverse) s = `reverse(${s})`;
  return s;
}

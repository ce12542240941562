/**
 * Pure input handling for the BDM tools (no DOM): text → bits, binary-string and grid parsing with
 * one-line plain-text errors, and the generators of the comparison set (zeros, periodic, Thue–Morse,
 * bits of π, seeded random, seeded balanced shuffle). Nothing here ever produces HTML.
 */
import { BitsError, MAX_BITS, parseBits } from "../../core/ctm/parse";
import { createRng } from "../../core/rng";

export { MAX_BITS };

/** Input modes of the calculator. */
export type InputMode = "bits" | "text" | "grid";

/**
 * UTF-8 text → bits: each byte of the UTF-8 encoding becomes 8 bits, most significant bit first
 * ("A" = 0x41 → 01000001; "é" = C3 A9 → 16 bits).
 */
export function textToBits(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = "";
  for (const b of bytes) out += b.toString(2).padStart(8, "0");
  return out;
}

/** Number of bits `textToBits` would produce, without building the string. */
export function utf8BitLength(text: string): number {
  return 8 * new TextEncoder().encode(text).length;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validate a typed binary string (whitespace is ignored so pasted, wrapped strings work). */
export function parseBinaryInput(text: string, max = MAX_BITS): Parsed<string> {
  const compact = text.replace(/\s+/g, "");
  try {
    parseBits(compact, max);
    return { ok: true, value: compact };
  } catch (error) {
    return { ok: false, error: error instanceof BitsError ? error.message : "invalid binary string" };
  }
}

/** Validate text to convert: non-empty and at most `max` bits once encoded. */
export function parseTextInput(text: string, max = MAX_BITS): Parsed<string> {
  if (text.length === 0) return { ok: false, error: "expected some text to convert, got an empty string" };
  const n = utf8BitLength(text);
  if (n > max) return { ok: false, error: `the text encodes to ${n} bits; at most ${max} are accepted` };
  return { ok: true, value: textToBits(text) };
}

/** Smallest and largest grid side. */
export const GRID_MIN = 4;
export const GRID_MAX = 16;

/** An all-zero grid of `rows` × `cols`, rows separated by '-'. */
export function emptyGrid(rows: number, cols = rows): string {
  return Array.from({ length: rows }, () => "0".repeat(cols)).join("-");
}

/** Grid rows from "0101-1100-…": square or rectangular, sides GRID_MIN…GRID_MAX, binary cells. */
export function parseGrid(text: string): Parsed<string[]> {
  if (text.length > (GRID_MAX + 1) * GRID_MAX) return { ok: false, error: `expected a grid of at most ${GRID_MAX}×${GRID_MAX} cells` };
  const rows = text.split("-");
  const cols = rows[0]!.length;
  if (rows.length < GRID_MIN || rows.length > GRID_MAX || cols < GRID_MIN || cols > GRID_MAX) {
    return { ok: false, error: `expected ${GRID_MIN}–${GRID_MAX} rows of ${GRID_MIN}–${GRID_MAX} cells separated by "-"` };
  }
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.length !== cols) return { ok: false, error: `row ${i + 1} has ${rows[i]!.length} cells, expected ${cols}` };
    if (!/^[01]+$/.test(rows[i]!)) return { ok: false, error: `row ${i + 1}: expected only 0 and 1` };
  }
  return { ok: true, value: rows };
}

/** Flip one cell of a grid given as rows. */
export function toggleCell(rows: readonly string[], r: number, c: number): string[] {
  return rows.map((row, i) => (i === r ? row.slice(0, c) + (row[c] === "1" ? "0" : "1") + row.slice(c + 1) : row));
}

/** Resize a grid to `side` × `side`, keeping the top-left cells and padding with 0. */
export function resizeGrid(rows: readonly string[], side: number): string[] {
  return Array.from({ length: side }, (_, i) => (rows[i] ?? "").slice(0, side).padEnd(side, "0"));
}

// ---------------------------------------------------------------------------------------------------
// Comparison set

/** Bits of π's fractional part in binary (from a fixed-point Machin formula with BigInt). */
export function piBits(n: number): string {
  const guard = 32n;
  const scale = 1n << (BigInt(n) + guard);
  const atanInv = (x: bigint): bigint => {
    // atan(1/x) = Σ (−1)^k / ((2k+1) x^(2k+1))
    let sum = 0n;
    let power = scale / x;
    const x2 = x * x;
    for (let k = 0n; power !== 0n; k++) {
      const term = power / (2n * k + 1n);
      sum += k % 2n === 0n ? term : -term;
      power /= x2;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  const frac = (pi % scale) >> guard; // drop the integer part (3) and the guard bits
  return frac.toString(2).padStart(n, "0");
}

/** Thue–Morse: t(i) = parity of the number of 1s in i. */
export function thueMorse(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    let x = i, p = 0;
    while (x) {
      p ^= x & 1;
      x >>>= 1;
    }
    s += p ? "1" : "0";
  }
  return s;
}

/** One item of the comparison set. */
export interface SetItem {
  /** The spec as written, e.g. "period:01". */
  spec: string;
  /** Human label, e.g. "periodic (01)". */
  label: string;
  bits: string;
}

export const SET_LENGTH_MIN = 12;
export const SET_LENGTH_MAX = 4096;
export const SET_MAX_ITEMS = 12;

export const SET_SYNTAX =
  'comma-separated items: zeros, ones, period:<bits>, thue-morse, pi, random:<seed>, shuffle:<seed>, or a literal binary string';

/** Expand one spec to `n` bits (literal strings keep their own length). Throws Error with a plain-text message. */
export function generateItem(spec: string, n: number): SetItem {
  const s = spec.trim();
  let m: RegExpMatchArray | null;
  const repeat = (p: string) => p.repeat(Math.ceil(n / p.length)).slice(0, n);
  if (s === "zeros") return { spec: s, label: "zeros", bits: "0".repeat(n) };
  if (s === "ones") return { spec: s, label: "ones", bits: "1".repeat(n) };
  if (s === "thue-morse") return { spec: s, label: "Thue–Morse", bits: thueMorse(n) };
  if (s === "pi") return { spec: s, label: "bits of π", bits: piBits(n) };
  if ((m = /^period:([01]{1,16})$/.exec(s))) return { spec: s, label: `periodic (${m[1]})`, bits: repeat(m[1]!) };
  if ((m = /^random:(\d{1,10})$/.exec(s))) {
    const seed = Number(m[1]);
    if (seed > 0xffff_ffff) throw new Error(`seed in "${s.slice(0, 24)}" must be at most ${0xffff_ffff}`);
    const rng = createRng(seed);
    let bits = "";
    for (let i = 0; i < n; i++) bits += rng() < 0.5 ? "0" : "1";
    return { spec: s, label: `random (seed ${seed})`, bits };
  }
  if ((m = /^shuffle:(\d{1,10})$/.exec(s))) {
    const seed = Number(m[1]);
    if (seed > 0xffff_ffff) throw new Error(`seed in "${s.slice(0, 24)}" must be at most ${0xffff_ffff}`);
    const rng = createRng(seed);
    const cells: string[] = Array.from({ length: n }, (_, i) => (i < n / 2 ? "0" : "1"));
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [cells[i], cells[j]] = [cells[j]!, cells[i]!];
    }
    return { spec: s, label: `shuffled halves (seed ${seed})`, bits: cells.join("") };
  }
  if (/^[01]{1,4096}$/.test(s)) return { spec: s, label: s.length > 16 ? `custom (${s.length} bits)` : `custom ${s}`, bits: s };
  const shown = s.length > 24 ? `${s.slice(0, 24)}…` : s;
  throw new Error(`unknown item ${JSON.stringify(shown)}; expected ${SET_SYNTAX}`);
}

/** Parse the whole set (validation only; throws Error naming the first bad item). */
export function parseSet(text: string, n: number): SetItem[] {
  const specs = text.split(",").map((x) => x.trim()).filter((x) => x.length > 0);
  if (specs.length === 0) throw new Error(`expected at least one item: ${SET_SYNTAX}`);
  if (specs.length > SET_MAX_ITEMS) throw new Error(`expected at most ${SET_MAX_ITEMS} items, got ${specs.length}`);
  return specs.map((s) => generateItem(s, n));
}

export const DEFAULT_SET = "zeros,period:01,period:0011,thue-morse,pi,shuffle:7,random:7";

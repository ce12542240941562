/**
 * Algorithmic probability as the prior of program synthesis: the CTM/BDM engine (src/core/ctm) plugged into
 * the `literal` seam of complexity.ts, and rankings of *alternative* programs (not deduplicated by output)
 * for short binary objects.
 *
 * - `ctmComplexity()`: K(s) ≈ CTM(s) = −log₂ D(5)(s) (pybdm's table, lengths 1–12, every string present),
 *   BDM (block 12, recursive boundary) beyond 12 bits. Over all strings of length 1–12, Σ 2^−CTM(s) ≤ 1
 *   (D(5) is a probability distribution over outputs, and longer outputs have the rest of its mass), so the
 *   literal parts stay a (sub-)prefix code and program lengths keep satisfying Kraft's inequality.
 * - `rankAlternatives(data)`: every program of the language whose output is within `maxExceptions` of the
 *   data, ranked by L(program) + L(exceptions) under the chosen complexity; ties by the literal code.
 * - `ruleBits` / `rankEcaRules`: the 256 ECA rule tables are 8-bit objects; a rule's prior length is either
 *   8 bits (uniform) or its CTM normalised over the 256 tables (Σ_r 2^−bits(r) = 1 exactly), and a
 *   space-time pattern is explained by rule + exceptions (cells the rule mispredicts).
 */
import { bdm1 } from "../ctm/bdm";
import { pybdmTable1D } from "../ctm/data";
import type { CtmTable } from "../ctm/table";
import { log2, pow } from "../math";
import { ParamError } from "../errors";
import { exceptionBits, fromString, hamming, type Bits } from "./bits";
import { literalBits, type BitComplexity } from "./complexity";
import { ecaStep } from "./eca";
import { applyModifiers, describeProgram, programBits, runBase, type Base, type SeqProgram } from "./language";
import type { LibraryOptions } from "./library";

/** Cache key for libraries built with `ctmComplexity()` (LibraryOptions.literalId). */
export const CTM_LITERAL_ID = "ctm-d5";

/** CTM for strings of 1–12 bits (exact table lookup), BDM (block 12, recursive boundary) for longer ones. */
export function ctmComplexity(table: CtmTable = pybdmTable1D()): BitComplexity {
  const memo = new Map<string, number>();
  return (s: string): number => {
    let v = memo.get(s);
    if (v !== undefined) return v;
    if (s.length === 0) throw new RangeError("the empty string has no CTM value");
    v = s.length <= 12 ? table.lookup(s) : bdm1(fromString(s), table, { block: 12, boundary: "recursive" });
    if (v === undefined || !Number.isFinite(v)) throw new RangeError(`no CTM value for ${s}`);
    memo.set(s, v);
    return v;
  };
}

/** LibraryOptions that price literal strings by CTM/BDM (for `buildLibrary` / `synthesize`). */
export function ctmLibraryOptions(table?: CtmTable): LibraryOptions {
  return { literal: ctmComplexity(table), literalId: CTM_LITERAL_ID };
}

export type Prior = "literal" | "ctm";

export interface Alternative {
  program: SeqProgram;
  description: string;
  /** L(program) under the chosen prior. */
  programBits: number;
  /** L(program) under the literal code γ(|s|) + |s| (for comparison). */
  literalProgramBits: number;
  exceptions: number;
  /** L(program) + L(exceptions). */
  bits: number;
}

function strings(maxLen: number, minLen = 1): string[] {
  const out: string[] = [];
  for (let L = minLen; L <= maxLen; L++) for (let v = 0; v < 1 << L; v++) out.push(v.toString(2).padStart(L, "0"));
  return out;
}

/** All bases of the language up to the given sizes (patterns up to maxPattern, prefixes ≤ 2, images ≤ 3). */
function allBases(maxPattern: number, eca: boolean): Base[] {
  const out: Base[] = [];
  for (const w of strings(maxPattern)) out.push({ kind: "repeat", w });
  for (const u of strings(2)) for (const w of strings(Math.min(4, maxPattern))) out.push({ kind: "then", u, w });
  for (const a of strings(3, 2)) {
    if (a[0] !== "0") continue;
    for (const b of ["", ...strings(3)]) out.push({ kind: "morphism", a, b });
  }
  out.push({ kind: "counter", base: "unary" }, { kind: "counter", base: "binary" });
  if (eca) for (let rule = 0; rule < 256; rule++) out.push({ kind: "eca", rule });
  return out;
}

/**
 * Alternative programs for a short binary object: every program of the language (patterns up to
 * min(12, n) bits) whose first n output bits differ from `data` in at most `maxExceptions` places, ranked
 * by total description length under `prior` (default CTM), then by the literal code, then unmodified
 * programs first (complement/reverse cost the same 2 header bits), then by description.
 */
export function rankAlternatives(
  data: Bits,
  options: { prior?: Prior; maxExceptions?: number; top?: number; maxPattern?: number; eca?: boolean; table?: CtmTable } = {},
): Alternative[] {
  const n = data.length;
  if (n < 1 || n > 64) throw new ParamError("data", "1 to 64 bits", `${n} bits`);
  const literal = options.prior === "literal" ? literalBits : ctmComplexity(options.table);
  const maxExceptions = options.maxExceptions ?? 0;
  const out: Alternative[] = [];
  for (const base of allBases(Math.min(12, options.maxPattern ?? 12, n), options.eca ?? true)) {
    const raw = runBase(base, n);
    for (const complement of [false, true]) {
      for (const reverse of [false, true]) {
        const k = hamming(applyModifiers(raw, complement, reverse), data);
        if (k > maxExceptions) continue;
        const e = exceptionBits(n, k);
        if (!Number.isFinite(e)) continue;
        const program = { base, complement, reverse };
        const pb = programBits(program, literal);
        out.push({ program, description: describeProgram(program), programBits: pb, literalProgramBits: programBits(program, literalBits), exceptions: k, bits: pb + e });
      }
    }
  }
  const mods = (p: SeqProgram) => Number(p.complement) + Number(p.reverse);
  out.sort((a, b) => a.bits - b.bits || a.literalProgramBits - b.literalProgramBits || mods(a.program) - mods(b.program) || (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  return out.slice(0, options.top ?? out.length);
}

/* ---------- ECA rules as 8-bit objects ---------- */

/** The rule table as the 8-bit string of outputs for neighbourhoods 111, 110, …, 000 (Wolfram's order). */
export function ruleTable(rule: number): string {
  return rule.toString(2).padStart(8, "0");
}

let ctmRuleBits: Float64Array | undefined;

/**
 * Prior description length of rule r: 8 bits (uniform) or CTM of its table normalised over the 256
 * tables, bits(r) = CTM(table r) + log₂ Σ_q 2^−CTM(table q), so that Σ_r 2^−bits(r) = 1.
 */
export function ruleBits(rule: number, prior: Prior = "ctm"): number {
  if (prior === "literal") return 8;
  if (!ctmRuleBits) {
    const t = pybdmTable1D();
    const raw = Float64Array.from({ length: 256 }, (_, r) => t.lookup(ruleTable(r))!);
    let z = 0;
    for (const v of raw) z += pow(2, -v);
    const shift = log2(z);
    ctmRuleBits = raw.map((v) => v + shift);
  }
  return ctmRuleBits[rule]!;
}

export interface RuleScore {
  rule: number;
  /** Prior bits of the rule. */
  ruleBits: number;
  /** Cells (rows 1..T) the rule mispredicts from the row above. */
  exceptions: number;
  /** Bits of the exceptions: log₂(⌊N/2⌋+1) + log₂ C(N, k) over the N predicted cells. */
  exceptionBits: number;
  /** ruleBits + exceptionBits. */
  bits: number;
}

/** Checks a space-time pattern: 2–64 rows of equal width 3–64, bits only. */
export function checkPattern(rows: readonly Bits[]): void {
  if (rows.length < 2 || rows.length > 64) throw new ParamError("pattern", "2 to 64 rows", `${rows.length} rows`);
  const w = rows[0]!.length;
  if (w < 3 || w > 64) throw new ParamError("pattern", "rows of 3 to 64 cells", `${w} cells`);
  for (const [i, r] of rows.entries()) {
    if (r.length !== w) throw new ParamError("pattern", "rows of equal width", `row ${i + 1} has ${r.length} cells, row 1 has ${w}`);
    for (const v of r) if (v !== 0 && v !== 1) throw new ParamError("pattern", "cells 0 or 1", `a ${v} in row ${i + 1}`);
  }
}

/**
 * Every rule scored as an explanation of the pattern (ring boundary, as `identifyRules`): rule bits plus
 * the exceptions' bits, best first (ties: fewer exceptions, then lower rule number). A rule that
 * mispredicts more than half the cells is not coded (Infinity) and is left out.
 */
export function rankEcaRules(rows: readonly Bits[], options: { prior?: Prior; top?: number } = {}): RuleScore[] {
  checkPattern(rows);
  const prior = options.prior ?? "ctm";
  const w = rows[0]!.length;
  const cells = (rows.length - 1) * w;
  // Count, per neighbourhood, how often the next cell is 0 and 1; a rule's exceptions are then a sum.
  const ones = new Float64Array(8);
  const zeros = new Float64Array(8);
  for (let t = 0; t + 1 < rows.length; t++) {
    const row = rows[t]!;
    const next = rows[t + 1]!;
    for (let i = 0; i < w; i++) {
      const k = (row[(i - 1 + w) % w]! << 2) | (row[i]! << 1) | row[(i + 1) % w]!;
      if (next[i]) ones[k]!++;
      else zeros[k]!++;
    }
  }
  const out: RuleScore[] = [];
  for (let r = 0; r < 256; r++) {
    let k = 0;
    for (let nb = 0; nb < 8; nb++) k += (r >>> nb) & 1 ? zeros[nb]! : ones[nb]!;
    const e = exceptionBits(cells, k);
    if (!Number.isFinite(e)) continue;
    const rb = ruleBits(r, prior);
    out.push({ rule: r, ruleBits: rb, exceptions: k, exceptionBits: e, bits: rb + e });
  }
  out.sort((a, b) => a.bits - b.bits || a.exceptions - b.exceptions || a.rule - b.rule);
  return out.slice(0, options.top ?? out.length);
}

/** Sanity helper for tests: the rule's own prediction of rows 1..T from rows 0..T−1. */
export function predictRows(rule: number, rows: readonly Bits[]): Bits[] {
  return rows.slice(0, -1).map((r) => ecaStep(rule, r));
}

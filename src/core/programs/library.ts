/**
 * The enumerated program library for sequences of length n: every program up to the size limits, run
 * once, deduplicated by output (the shortest program for each distinct output is kept, ties broken by
 * enumeration order), and stored bit-packed so that scoring a data set against the whole library is a
 * pass of XOR + popcount.
 */
import { pack, type Bits } from "./bits";
import { literalBits, type BitComplexity } from "./complexity";
import { applyModifiers, programBits, runBase, type SeqProgram, type Base } from "./language";

export interface LibraryOptions {
  /** Longest repeated pattern |w| (default 10). */
  maxPattern?: number;
  /** Longest literal prefix |u| of then(u, w) (default 2). */
  maxPrefix?: number;
  /** Longest morphism image (default 3). */
  maxImage?: number;
  /** Include the 256 ECA centre columns (default true). */
  eca?: boolean;
  /** Complexity of literal strings (default γ(|s|) + |s|); plug CTM/BDM in here. */
  literal?: BitComplexity;
  /** Cache key for `literal` (required to tell two complexity functions apart; default "literal"). */
  literalId?: string;
}

export interface Library {
  n: number;
  words: number;
  programs: SeqProgram[];
  bits: Float64Array;
  /** Packed outputs, `words` words per program. */
  outputs: Uint32Array;
}

function allStrings(maxLen: number, minLen = 1): string[] {
  const out: string[] = [];
  for (let L = minLen; L <= maxLen; L++) for (let v = 0; v < 1 << L; v++) out.push(v.toString(2).padStart(L, "0"));
  return out;
}

function bases(o: Required<LibraryOptions>): Base[] {
  const out: Base[] = [];
  for (const w of allStrings(o.maxPattern)) out.push({ kind: "repeat", w });
  for (const u of allStrings(o.maxPrefix)) for (const w of allStrings(Math.min(4, o.maxPattern))) out.push({ kind: "then", u, w });
  for (const a of allStrings(o.maxImage, 2)) {
    if (a[0] !== "0") continue;
    for (const b of ["", ...allStrings(o.maxImage)]) out.push({ kind: "morphism", a, b });
  }
  out.push({ kind: "counter", base: "unary" }, { kind: "counter", base: "binary" });
  if (o.eca) for (let rule = 0; rule < 256; rule++) out.push({ kind: "eca", rule });
  return out;
}

const cache = new Map<string, Library>();

/** Builds (or returns the cached) library for length n. */
export function buildLibrary(n: number, options: LibraryOptions = {}): Library {
  const o: Required<LibraryOptions> = { maxPattern: 10, maxPrefix: 2, maxImage: 3, eca: true, literal: literalBits, literalId: "literal", ...options };
  const key = `${n}|${o.maxPattern}|${o.maxPrefix}|${o.maxImage}|${o.eca}|${o.literalId}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const cands: { p: SeqProgram; bits: number; out: Bits; order: number }[] = [];
  let order = 0;
  for (const base of bases(o)) {
    const raw = runBase(base, n);
    for (const complement of [false, true]) {
      for (const reverse of [false, true]) {
        const p = { base, complement, reverse };
        cands.push({ p, bits: programBits(p, o.literal), out: applyModifiers(raw, complement, reverse), order: order++ });
      }
    }
  }
  cands.sort((a, b) => a.bits - b.bits || a.order - b.order);
  const seen = new Set<string>();
  const kept: typeof cands = [];
  for (const c of cands) {
    const k = String.fromCharCode(...pack(c.out).map((w) => w & 0xffff), ...pack(c.out).map((w) => w >>> 16));
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(c);
  }
  const words = (n + 31) >>> 5;
  const outputs = new Uint32Array(kept.length * words);
  kept.forEach((c, i) => outputs.set(pack(c.out), i * words));
  const lib: Library = { n, words, programs: kept.map((c) => c.p), bits: Float64Array.from(kept, (c) => c.bits), outputs };
  if (cache.size > 4) cache.clear();
  cache.set(key, lib);
  return lib;
}

/** Unpacked output of program i. */
export function libraryOutput(lib: Library, i: number): Bits {
  const out = new Uint8Array(lib.n);
  for (let j = 0; j < lib.n; j++) out[j] = (lib.outputs[i * lib.words + (j >>> 5)]! >>> (j & 31)) & 1;
  return out;
}

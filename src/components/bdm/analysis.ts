/**
 * Pure analysis for the BDM tools (no DOM, no Plot): the block decomposition of a 1-D string or a 2-D grid
 * with each distinct block's CTM and multiplicity, the layout of the first blocks for drawing, and the
 * baselines (Shannon entropy, block entropy, deflate length) side by side. Runs in the worker, on the main
 * thread as a fallback, and at build time for the no-JavaScript figure.
 */
import { decompose1, resolveBdm1, type Boundary } from "../../core/ctm/bdm";
import { decompose2, type BitMatrix } from "../../core/ctm/bdm2d";
import { bdmOfCounts, blockTotal, entropyOfCounts, normalisedBdm, normalisedEntropy, type BlockCounts } from "../../core/ctm/blocks";
import { compressedBits, shannonEntropy } from "../../core/ctm/compare";
import { parseBits } from "../../core/ctm/parse";
import type { CtmTable } from "../../core/ctm/table";
import { log2 } from "../../core/math";
import { generateItem, type SetItem } from "./input";

/** Distinct blocks listed in full (the rest are summarised). */
export const MAX_LISTED = 64;
/** Blocks drawn (1-D windows shown in the string). */
export const MAX_DRAWN_WINDOWS = 48;
import { COLOURED } from "./palette";
export { COLOURED, PALETTE } from "./palette";

export interface BlockRow {
  /** The block's bits ('-' between rows for 2-D blocks). */
  block: string;
  shape: string;
  /** CTM in bits (the table value, or max + 1 if missing). */
  ctm: number;
  missing: boolean;
  count: number;
  /** CTM + log2(count): this block's share of BDM. */
  cost: number;
  /** Colour index (0 … COLOURED−1) or −1 (grey). */
  colour: number;
}

export interface Measures {
  /** Symbols (bits or cells). */
  length: number;
  ones: number;
  bdm: number;
  /** Normalised BDM in [0, 1]; null when undefined (correlated boundary, or max = min). */
  nbdm: number | null;
  /** Shannon entropy of the block distribution (bits). */
  blockEntropy: number;
  /** Normalised block entropy; null when undefined. */
  nent: number | null;
  /** Shannon entropy of the 0/1 frequencies, per symbol (bits). */
  shannon: number;
  /** Shannon entropy × length (bits): the i.i.d. code length. */
  shannonTotal: number;
  /** Deflate (level 9) length of the packed bits, in bits. */
  deflateBits: number;
  blocks: number;
  distinct: number;
  /** Symbols not covered by any block (ignore boundary leftovers). */
  uncovered: number;
}

export interface Window1 {
  start: number;
  length: number;
  colour: number;
  /** Index into `rows`, or −1 if the block is not listed. */
  row: number;
}

export interface Analysis1 extends Measures {
  kind: "1d";
  rows: BlockRow[];
  /** Distinct blocks beyond MAX_LISTED (not listed). */
  unlisted: number;
  windows: Window1[];
  /** The first symbols, for drawing (at most `shownLength`). */
  shown: string;
}

export interface Tile2 {
  r: number;
  c: number;
  side: number;
  colour: number;
  row: number;
}

export interface Analysis2 extends Measures {
  kind: "2d";
  rows: BlockRow[];
  unlisted: number;
  tiles: Tile2[];
  grid: string[];
}

export interface Options1 {
  block: number;
  offset: number;
  boundary: Boundary;
}

const SHOWN_SYMBOLS = 576;

function nullIfNaN(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function codeToBits(code: number, cells: number): string {
  return code.toString(2).padStart(cells, "0");
}

/** Distinct blocks sorted by count (desc), then CTM (asc), then bits. */
function blockRows(counts: BlockCounts, table: CtmTable, side2d: boolean): { rows: BlockRow[]; unlisted: number; index: Map<string, number> } {
  const all: BlockRow[] = [];
  for (const s of counts.values()) {
    const t = table.shape(s.shape);
    if (!t) throw new RangeError(`the CTM table has no blocks of shape ${s.shape}`);
    const side = side2d ? Math.round(Math.sqrt(s.cells)) : 0;
    s.counts.forEach((n, code) => {
      if (n === 0) return;
      const v = table.byCode(t, code);
      const missing = Number.isNaN(v);
      const ctm = missing ? t.missing : v;
      let bits = codeToBits(code, s.cells);
      if (side2d) bits = bits.match(new RegExp(`.{${side}}`, "g"))!.join("-");
      all.push({ block: bits, shape: s.shape, ctm, missing, count: n, cost: ctm + log2(n), colour: -1 });
    });
  }
  all.sort((a, b) => b.count - a.count || a.ctm - b.ctm || (a.block < b.block ? -1 : 1));
  all.forEach((r, i) => (r.colour = i < COLOURED ? i : -1));
  const rows = all.slice(0, MAX_LISTED);
  const index = new Map(rows.map((r, i) => [`${r.shape}:${r.block}`, i]));
  return { rows, unlisted: all.length - rows.length, index };
}

function baseMeasures(bits: Uint8Array, counts: BlockCounts, table: CtmTable, normalisable: boolean, covered: number): Measures {
  let ones = 0;
  for (const b of bits) ones += b;
  const h = shannonEntropy(bits);
  let distinct = 0;
  for (const s of counts.values()) for (const n of s.counts) if (n > 0) distinct++;
  const blocks = blockTotal(counts);
  return {
    length: bits.length,
    ones,
    bdm: blocks === 0 ? 0 : bdmOfCounts(counts, table),
    nbdm: normalisable && blocks > 0 ? nullIfNaN(normalisedBdm(counts, table)) : null,
    blockEntropy: entropyOfCounts(counts),
    nent: blocks > 0 ? nullIfNaN(normalisedEntropy(counts)) : null,
    shannon: h,
    shannonTotal: h * bits.length,
    deflateBits: compressedBits(bits),
    blocks,
    distinct,
    uncovered: Math.max(0, bits.length - covered),
  };
}

/** Checks block/offset/boundary; returns a plain-text problem or null. */
export function checkOptions1(o: Options1): string | null {
  try {
    resolveBdm1(o);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : "invalid options";
  }
}

/** BDM of a binary string with the decomposition drawn. Throws BitsError/RangeError on bad input. */
export function analyse1D(text: string, table: CtmTable, o: Options1): Analysis1 {
  const bits = parseBits(text);
  const opts = resolveBdm1(o);
  const counts = decompose1(bits, opts);
  const { rows, unlisted, index } = blockRows(counts, table, false);
  const colourOf = new Map(rows.map((r) => [r.block, r.colour]));
  // Windows, in order, over the first SHOWN_SYMBOLS symbols.
  const windows: Window1[] = [];
  let start = 0;
  let covered = 0;
  for (; start + opts.block <= bits.length; start += opts.offset) {
    covered = start + opts.block;
    if (windows.length < MAX_DRAWN_WINDOWS && start + opts.block <= SHOWN_SYMBOLS) {
      const key = text.slice(start, start + opts.block);
      windows.push({ start, length: opts.block, colour: colourOf.get(key) ?? -1, row: index.get(`${opts.block}:${key}`) ?? -1 });
    }
  }
  if (opts.boundary === "recursive") {
    const r = bits.length - start;
    if (r >= opts.minLength) {
      covered = bits.length;
      const key = text.slice(start);
      if (windows.length < MAX_DRAWN_WINDOWS && bits.length <= SHOWN_SYMBOLS) {
        windows.push({ start, length: r, colour: colourOf.get(key) ?? -1, row: index.get(`${r}:${key}`) ?? -1 });
      }
    }
  }
  return {
    kind: "1d",
    ...baseMeasures(bits, counts, table, opts.boundary !== "correlated", covered),
    rows,
    unlisted,
    windows,
    shown: text.slice(0, SHOWN_SYMBOLS),
  };
}

export interface Options2 {
  block: number;
  boundary: "ignore" | "recursive";
}

/** BDM of a small binary grid with its tiles. Throws RangeError on a bad grid. */
export function analyse2D(grid: readonly string[], table: CtmTable, o: Options2): Analysis2 {
  const rowsIn = [...grid];
  const cols = rowsIn[0]?.length ?? 0;
  const cells = new Uint8Array(rowsIn.length * cols);
  rowsIn.forEach((r, i) => {
    if (r.length !== cols || !/^[01]+$/.test(r)) throw new RangeError(`row ${i + 1} is not a row of ${cols} binary cells`);
    for (let j = 0; j < cols; j++) cells[i * cols + j] = r.charCodeAt(j) - 48;
  });
  const m: BitMatrix = { rows: rowsIn.length, cols, cells };
  const opts = { block: o.block, boundary: o.boundary };
  const counts = decompose2(m, opts);
  const { rows, unlisted, index } = blockRows(counts, table, true);
  const colourOf = new Map(rows.map((r) => [`${r.shape}:${r.block}`, r.colour]));
  const tiles: Tile2[] = [];
  let covered = 0;
  const place = (r0: number, c0: number, h: number, w: number, d: number): void => {
    for (let r = r0; r < r0 + h; r += d) {
      for (let c = c0; c < c0 + w; c += d) {
        const ph = Math.min(d, r0 + h - r), pw = Math.min(d, c0 + w - c);
        if (ph === d && pw === d) {
          const key = `${d}x${d}:${Array.from({ length: d }, (_, i) => rowsIn[r + i]!.slice(c, c + d)).join("-")}`;
          tiles.push({ r, c, side: d, colour: colourOf.get(key) ?? -1, row: index.get(key) ?? -1 });
          covered += d * d;
        } else if (o.boundary === "recursive") {
          const side = Math.min(ph, pw);
          if (side >= 2) place(r, c, ph, pw, side);
        }
      }
    }
  };
  place(0, 0, m.rows, m.cols, o.block);
  return { kind: "2d", ...baseMeasures(cells, counts, table, true, covered), rows, unlisted, tiles, grid: rowsIn };
}

/** One row of the comparison table. */
export interface SetRow extends SetItem {
  length: number;
  ones: number;
  /** CTM of the whole string if the table has it (length ≤ 12), else null. */
  ctm: number | null;
  bdm: number;
  blockEntropy: number;
  shannon: number;
  shannonTotal: number;
  deflateBits: number;
}

/** The comparison set: every item expanded to n bits and measured with the same options. */
export function analyseSet(specs: readonly string[], n: number, table: CtmTable, o: Options1): SetRow[] {
  const opts = resolveBdm1(o);
  return specs.map((spec) => {
    const item = generateItem(spec, n);
    const bits = parseBits(item.bits);
    const counts = decompose1(bits, opts);
    const ctm = item.bits.length <= 12 ? (table.lookup(item.bits) ?? null) : null;
    let ones = 0;
    for (const b of bits) ones += b;
    const h = shannonEntropy(bits);
    return {
      ...item,
      length: bits.length,
      ones,
      ctm,
      bdm: blockTotal(counts) === 0 ? 0 : bdmOfCounts(counts, table),
      blockEntropy: entropyOfCounts(counts),
      shannon: h,
      shannonTotal: h * bits.length,
      deflateBits: compressedBits(bits),
    };
  });
}

/**
 * Block counts: how many times each distinct raw block occurs in a decomposition (shared by 1-D and 2-D BDM).
 * Raw blocks are kept distinct (e.g. 000… and 111… are two blocks, as in pybdm); only the CTM lookup is
 * canonicalised.
 */
import type { CtmTable, ShapeTable } from "./table";
import { log2 } from "../math";

/** Counts of the blocks of one shape, indexed by the block's code (cells row-major, first = most significant). */
export interface ShapeCounts {
  /** Table shape name: "12" (1-D length) or "4x4". */
  shape: string;
  cells: number;
  counts: Int32Array;
}

/** Counts per shape, in first-seen order. */
export type BlockCounts = Map<string, ShapeCounts>;

export function shapeCounts(all: BlockCounts, shape: string, cells: number): ShapeCounts {
  let s = all.get(shape);
  if (!s) {
    if (cells > 24) throw new RangeError(`blocks of ${cells} cells are too large`);
    s = { shape, cells, counts: new Int32Array(1 << cells) };
    all.set(shape, s);
  }
  return s;
}

function tableShape(table: CtmTable, shape: string): ShapeTable {
  const t = table.shape(shape);
  if (!t) throw new RangeError(`the CTM table "${table.name}" has no blocks of shape ${shape}`);
  return t;
}

/** BDM = Σ over distinct blocks [CTM(block) + log2(multiplicity)]; a block absent from the table costs max + 1. */
export function bdmOfCounts(all: BlockCounts, table: CtmTable): number {
  let sum = 0;
  for (const s of all.values()) {
    const t = tableShape(table, s.shape);
    const c = s.counts;
    for (let code = 0; code < c.length; code++) {
      const n = c[code]!;
      if (n === 0) continue;
      const v = table.byCode(t, code);
      sum += (Number.isNaN(v) ? t.missing : v) + log2(n);
    }
  }
  return sum;
}

/** Shannon entropy (bits) of the distribution of raw blocks, all shapes pooled (pybdm `ent`). */
export function entropyOfCounts(all: BlockCounts): number {
  let total = 0;
  for (const s of all.values()) for (const n of s.counts) total += n;
  if (total === 0) return 0;
  let h = 0;
  for (const s of all.values()) {
    for (const n of s.counts) {
      if (n === 0) continue;
      const p = n / total;
      h -= p * log2(p);
    }
  }
  return h;
}

/** Total number of blocks. */
export function blockTotal(all: BlockCounts): number {
  let total = 0;
  for (const s of all.values()) for (const n of s.counts) total += n;
  return total;
}

/**
 * Normalised BDM (pybdm): (BDM − min)/(max − min). Per shape with n blocks: min = least CTM + log2 n
 * (n copies of the simplest block); max: blocks dealt in turn onto the table's keys by decreasing CTM,
 * each binary key standing for 2 raw blocks (itself and its complement), wrapping round when n exceeds
 * them, then Σ CTM + log2(multiplicity). NaN if max = min.
 */
export function normalisedBdm(all: BlockCounts, table: CtmTable): number {
  let min = 0, max = 0;
  for (const s of all.values()) {
    const t = tableShape(table, s.shape);
    let n = 0;
    for (const c of s.counts) n += c;
    if (n === 0) continue;
    min += t.min + log2(n);
    const positions = 2 * t.descending.length;
    const base = Math.floor(n / positions), extra = n % positions;
    for (let p = 0; p < positions; p++) {
      const m = base + (p < extra ? 1 : 0);
      if (m === 0) break;
      max += t.descending[p >> 1]! + log2(m);
    }
  }
  const bdm = bdmOfCounts(all, table);
  return max === min ? NaN : (bdm - min) / (max - min);
}

/**
 * Normalised block entropy (pybdm `nent`): (H − min)/(max − min) with min = entropy of the shares of
 * distinct blocks per shape (0 for a single shape) and max = log2(min(blocks, possible blocks)). NaN if max = min.
 */
export function normalisedEntropy(all: BlockCounts): number {
  const h = entropyOfCounts(all);
  const distinct: number[] = [];
  let blocks = 0, possible = 0;
  for (const s of all.values()) {
    let d = 0;
    for (const n of s.counts) {
      blocks += n;
      if (n > 0) d++;
    }
    if (d > 0) distinct.push(d);
    possible += s.counts.length;
  }
  const total = distinct.reduce((a, b) => a + b, 0);
  let min = 0;
  for (const d of distinct) min -= (d / total) * log2(d / total);
  const max = log2(Math.min(blocks, possible));
  return max === min ? NaN : (h - min) / (max - min);
}

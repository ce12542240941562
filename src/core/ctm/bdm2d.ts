/**
 * BDM for binary matrices with d×d blocks (default 4×4, the 2-D Turing-machine table), pybdm conventions:
 * `ignore` keeps the full blocks of the grid at multiples of d; `recursive` cuts every leftover piece again
 * with square blocks of its smallest side, recursively, dropping pieces whose smallest side < minLength (2).
 */
import { bdmOfCounts, entropyOfCounts, normalisedBdm, normalisedEntropy, shapeCounts, type BlockCounts } from "./blocks";
import type { CtmTable } from "./table";

/** A binary matrix, row-major. */
export interface BitMatrix {
  rows: number;
  cols: number;
  cells: Uint8Array;
}

export interface Bdm2Options {
  /** Block side 1…4 (default 4). */
  block?: number;
  boundary?: "ignore" | "recursive";
  minLength?: number;
}

/** Parse rows written as '0'/'1' strings (e.g. "0001-0101-…" split on '-'); throws on ragged or bad input. */
export function matrixFromRows(rows: string[]): BitMatrix {
  const cols = rows[0]?.length ?? 0;
  if (rows.length === 0 || cols === 0) throw new RangeError("empty matrix");
  const cells = new Uint8Array(rows.length * cols);
  rows.forEach((r, i) => {
    if (r.length !== cols) throw new RangeError(`row ${i + 1} has ${r.length} cells, expected ${cols}`);
    for (let j = 0; j < cols; j++) {
      const ch = r[j];
      if (ch !== "0" && ch !== "1") throw new RangeError(`row ${i + 1}: not a binary digit at column ${j + 1}`);
      cells[i * cols + j] = ch === "1" ? 1 : 0;
    }
  });
  return { rows: rows.length, cols, cells };
}

function addPiece(m: BitMatrix, all: BlockCounts, r0: number, c0: number, h: number, w: number, d: number, recursive: boolean, minLength: number): void {
  for (let r = r0; r < r0 + h; r += d) {
    for (let c = c0; c < c0 + w; c += d) {
      const ph = Math.min(d, r0 + h - r), pw = Math.min(d, c0 + w - c);
      if (ph === d && pw === d) {
        let code = 0;
        for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) code = code * 2 + m.cells[(r + i) * m.cols + c + j]!;
        shapeCounts(all, `${d}x${d}`, d * d).counts[code]!++;
      } else if (recursive) {
        const side = Math.min(ph, pw);
        if (side >= minLength) addPiece(m, all, r, c, ph, pw, side, true, minLength);
      }
    }
  }
}

export function decompose2(m: BitMatrix, options: Bdm2Options = {}): BlockCounts {
  const d = options.block ?? 4;
  if (!Number.isInteger(d) || d < 1 || d > 4) throw new RangeError(`block must be an integer in [1, 4], got ${d}`);
  const all: BlockCounts = new Map();
  addPiece(m, all, 0, 0, m.rows, m.cols, d, options.boundary === "recursive", options.minLength ?? 2);
  return all;
}

export function bdm2(m: BitMatrix, table: CtmTable, options?: Bdm2Options): number {
  return bdmOfCounts(decompose2(m, options), table);
}

export function blockEntropy2(m: BitMatrix, options?: Bdm2Options): number {
  return entropyOfCounts(decompose2(m, options));
}

export function nbdm2(m: BitMatrix, table: CtmTable, options?: Bdm2Options): number {
  return normalisedBdm(decompose2(m, options), table);
}

/** Normalised block entropy in [0, 1] (pybdm `nent`). */
export function nent2(m: BitMatrix, options?: Bdm2Options): number {
  return normalisedEntropy(decompose2(m, options));
}

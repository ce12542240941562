/**
 * CTM lookup tables for binary blocks (1-D strings or row-major square 2-D blocks).
 *
 * Compact file format (src/core/data/*.json): for every shape ("12" = strings of length 12, "4x4" = 4×4
 * blocks) `values` lists the distinct CTM values (bits) and `index[i]` gives the value of the canonical key
 * whose bits, read as a binary number, equal i (canonical = first cell 0; −1 = not in the table). Since CTM is
 * complement-invariant, only canonical keys (2^(cells−1) of them) are stored.
 */
import { canonicalKey } from "./strings";

export interface CompactTableFile {
  name: string;
  /** Who computed the values, and under which licence they ship. */
  attribution: string;
  shapes: Record<string, { cells: number; values: number[]; index: number[] }>;
}

/** One shape of a table: values by canonical code. */
export interface ShapeTable {
  cells: number;
  /** value[code] for canonical codes 0 … 2^(cells−1)−1; NaN = missing. */
  value: Float64Array;
  /** Largest and smallest value present; `missing` = max + 1 bit (pybdm's rule for absent blocks). */
  max: number;
  min: number;
  missing: number;
  /** Present values, in decreasing order (for normalised BDM). */
  descending: Float64Array;
}

export class CtmTable {
  readonly name: string;
  readonly attribution: string;
  private readonly shapes = new Map<string, ShapeTable>();

  constructor(file: CompactTableFile) {
    this.name = file.name;
    this.attribution = file.attribution;
    for (const [shape, s] of Object.entries(file.shapes)) {
      const value = new Float64Array(s.index.length).fill(NaN);
      const present: number[] = [];
      s.index.forEach((j, code) => {
        if (j >= 0) {
          value[code] = s.values[j]!;
          present.push(s.values[j]!);
        }
      });
      const max = Math.max(...s.values), min = Math.min(...s.values);
      this.shapes.set(shape, { cells: s.cells, value, max, min, missing: max + 1, descending: Float64Array.from(present.sort((a, b) => b - a)) });
    }
  }

  /** The table of one shape ("12", "4x4"), if present. */
  shape(name: string): ShapeTable | undefined {
    return this.shapes.get(name);
  }

  /** Shape names present. */
  shapeNames(): string[] {
    return [...this.shapes.keys()];
  }

  /** CTM of a block given by its code (bits as a number, first cell most significant); NaN if missing. */
  byCode(shape: ShapeTable, code: number): number {
    const top = 1 << (shape.cells - 1);
    return shape.value[code >= top ? 2 * top - 1 - code : code]!;
  }

  /** CTM of a 1-D binary string (canonicalised first); undefined if the table lacks it. */
  lookup(bits: string): number | undefined {
    const shape = this.shapes.get(String(bits.length));
    if (!shape) return undefined;
    const v = shape.value[parseInt(canonicalKey(bits), 2)]!;
    return Number.isNaN(v) ? undefined : v;
  }
}

/** Build the compact form from a map key → value per shape (keys canonical or not; canonicalised here). */
export function compactTable(name: string, attribution: string, shapes: Record<string, { cells: number; entries: Map<string, number> }>): CompactTableFile {
  const out: CompactTableFile = { name, attribution, shapes: {} };
  for (const [shape, { cells, entries }] of Object.entries(shapes)) {
    const values: number[] = [];
    const where = new Map<number, number>();
    const index = new Array<number>(1 << (cells - 1)).fill(-1);
    for (const [key, v] of entries) {
      if (key.length !== cells) throw new RangeError(`key ${key} does not have ${cells} cells`);
      let j = where.get(v);
      if (j === undefined) {
        j = values.length;
        values.push(v);
        where.set(v, j);
      }
      index[parseInt(canonicalKey(key), 2)] = j;
    }
    out.shapes[shape] = { cells, values, index };
  }
  return out;
}

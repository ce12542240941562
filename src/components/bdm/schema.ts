/**
 * URL/state schemas of the two BDM tools (src/core/schema.ts types): the calculator (`bdm`) and the
 * CTM-vs-entropy-vs-compression comparison (`ctm-compare`). Text values are validated by the same pure
 * parsers the tools use, so a hostile link yields a notice and the default.
 */
import { ParamError } from "../../core/errors";
import type { Schema } from "../../core/schema";
import { DEFAULT_SET, GRID_MAX, parseBinaryInput, parseGrid, parseSet, SET_LENGTH_MAX, SET_LENGTH_MIN, SET_SYNTAX } from "./input";

/** Longest binary string kept in a link (the shared URL reader ignores queries over 16 384 characters; longer typed strings are computed but not written to the URL). */
export const URL_MAX_BITS = 12_000;
/** Longest text kept in a link. */
export const URL_MAX_TEXT = 2_000;

function shown(raw: string): string {
  return JSON.stringify(raw.length > 24 ? `${raw.slice(0, 24)}…` : raw);
}

export type CalcParams = {
  mode: "bits" | "text" | "grid";
  bits: string;
  text: string;
  grid: string;
  block: number;
  offset: number;
  boundary: "ignore" | "recursive" | "correlated";
  side: number;
  boundary2d: "ignore" | "recursive";
};

export const DEFAULT_BITS = "010101010101" + "011010011001" + "010101010101" + "000000000000" + "0110";
export const DEFAULT_GRID = [
  "11110000",
  "11110000",
  "11110000",
  "11110000",
  "00001111",
  "00001111",
  "00001111",
  "00001111",
].join("-");

export const MODE_OPTIONS = [{ value: "bits", label: "Binary string" }, { value: "text", label: "Text → bits" }, { value: "grid", label: "2-D grid" }] as const;
export const BOUNDARY_OPTIONS = [{ value: "ignore", label: "ignore (drop leftover)" }, { value: "recursive", label: "recursive (shorter last block)" }, { value: "correlated", label: "correlated (sliding window)" }] as const;
export const BOUNDARY2D_OPTIONS = [{ value: "ignore", label: "ignore" }, { value: "recursive", label: "recursive" }] as const;
export const CALC_DEFAULTS = { block: 12, offset: 12, boundary: "ignore" as const, side: 4, boundary2d: "ignore" as const };

export const calcSchema: Schema<CalcParams> = {
  params: {
    mode: {
      type: "enum", label: "Input", help: "A binary string, text converted to bits (UTF-8, 8 bits per byte), or a drawn grid.", default: "bits",
      options: MODE_OPTIONS,
    },
    bits: {
      type: "text", label: "Binary string", help: "0s and 1s; spaces and line breaks are ignored.", default: DEFAULT_BITS,
      maxLength: URL_MAX_BITS, allowed: `a string of 1–${URL_MAX_BITS} 0s and 1s`,
      parse: (t) => {
        const r = parseBinaryInput(t, URL_MAX_BITS);
        if (!r.ok) throw new ParamError("bits", `a string of 1–${URL_MAX_BITS} 0s and 1s`, shown(t));
        return r.value;
      },
    },
    text: {
      type: "text", label: "Text", help: "Converted to bits by its UTF-8 bytes, 8 bits each, most significant first.", default: "Block decomposition",
      maxLength: URL_MAX_TEXT, allowed: `1–${URL_MAX_TEXT} characters of text`,
      parse: (t) => {
        if (t.length === 0) throw new ParamError("text", `1–${URL_MAX_TEXT} characters of text`, "an empty string");
        return t;
      },
    },
    grid: {
      type: "text", label: "Grid", help: `Rows of 0/1 separated by "-", 4–${GRID_MAX} rows and columns.`, default: DEFAULT_GRID,
      maxLength: (GRID_MAX + 1) * GRID_MAX, allowed: `4–${GRID_MAX} rows of 4–${GRID_MAX} binary cells separated by "-"`,
      parse: (t) => {
        const r = parseGrid(t);
        if (!r.ok) throw new ParamError("grid", `4–${GRID_MAX} rows of 4–${GRID_MAX} binary cells separated by "-"`, shown(t));
        return r.value.join("-");
      },
    },
    block: { type: "int", label: "Block size", help: "Length of the blocks looked up in the CTM table (1–12).", default: 12, min: 1, max: 12 },
    offset: { type: "int", label: "Offset", help: "Step between block starts; smaller than the block size means overlapping blocks.", default: 12, min: 1, max: 12 },
    boundary: {
      type: "enum", label: "Boundary", help: "What happens to the leftover at the end: dropped, cut into a shorter block, or a sliding window.", default: "ignore",
      options: BOUNDARY_OPTIONS,
    },
    side: { type: "int", label: "Block side (2-D)", help: "Side of the square blocks of the grid (2–4).", default: 4, min: 2, max: 4 },
    boundary2d: {
      type: "enum", label: "Boundary (2-D)", help: "Leftover rows and columns: dropped, or cut into smaller squares.", default: "ignore",
      options: BOUNDARY2D_OPTIONS,
    },
  },
  check: (p) => {
    if (p.offset > p.block) throw new ParamError("offset", `an integer in [1, block = ${p.block}]`, String(p.offset));
    if (p.boundary === "recursive" && p.offset !== p.block) throw new ParamError("offset", "equal to the block size for the recursive boundary", String(p.offset));
  },
};

export type CompareParams = { set: string; n: number; block: number };

export const compareSchema: Schema<CompareParams> = {
  params: {
    set: {
      type: "text", label: "Strings", help: SET_SYNTAX, default: DEFAULT_SET, maxLength: 4200, allowed: SET_SYNTAX,
      parse: (t) => {
        try {
          parseSet(t, SET_LENGTH_MIN);
        } catch (error) {
          throw new ParamError("set", SET_SYNTAX, error instanceof Error ? error.message.replace(/; expected .*/, "") : shown(t));
        }
        return t.split(",").map((x) => x.trim()).filter(Boolean).join(",");
      },
    },
    n: { type: "int", label: "Length", help: "Length of the generated strings in bits.", default: 48, min: SET_LENGTH_MIN, max: SET_LENGTH_MAX, scale: "log" },
    block: { type: "int", label: "Block size", help: "BDM block size (non-overlapping, leftover ignored).", default: 12, min: 1, max: 12 },
  },
};

/**
 * The one place the BDM tools get their CTM tables from. Both are loaded lazily (dynamic import, a separate
 * chunk fetched by the worker or, as a fallback, by the island), never inlined into a page.
 *
 * To switch the 1-D source (e.g. to this project's own D(5) table), change the one line in `load1D`.
 */
import type { CtmTable } from "../../core/ctm/table";

/** Where the values come from (shown on the page next to every result that uses them). */
export const TABLE_CREDIT = {
  "1d": "CTM values: D(5) table (Turing machines with 5 states, 500 steps) from pybdm (MIT, © 2019 Szymon Talaga), computed by Soler-Toscano, Zenil, Delahaye & Gauvrit (2014)",
  "2d": "2-D CTM values (4×4 blocks) from pybdm (MIT, © 2019 Szymon Talaga), computed by Zenil, Soler-Toscano, Delahaye & Gauvrit (2015)",
} as const;

let one: Promise<CtmTable> | undefined;
let two: Promise<CtmTable> | undefined;

/** The 1-D table (blocks of length 1–12). */
export function load1D(): Promise<CtmTable> {
  return (one ??= import("../../core/ctm/data").then((m) => m.pybdmTable1D()));
}

/** The 2-D table (square blocks 1×1 … 4×4). */
export function load2D(): Promise<CtmTable> {
  return (two ??= import("../../core/ctm/data").then((m) => m.pybdmTable2D()));
}

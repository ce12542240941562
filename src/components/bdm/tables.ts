/**
 * The one place the BDM tools get their CTM tables from. This module (and the table data it pulls in) is
 * reached only from the BDM worker (a separate file the browser fetches when the first BDM is computed) or,
 * if the worker cannot start, through the dynamic import of ./api in client.ts: never from a page's own JS.
 * (Workers are built without code splitting, so the data is imported statically here.)
 *
 * The 1-D source is our own D(5) table (equal to the published one to 1e-9 bits); to switch it, change the one line in `load1D`.
 */
import { d5Table, pybdmTable2D } from "../../core/ctm/data";
import type { CtmTable } from "../../core/ctm/table";

export { TABLE_CREDIT } from "./credit";

/** The 1-D table (blocks of length 1–12). */
export async function load1D(): Promise<CtmTable> {
  return d5Table();
}

/** The 2-D table (square blocks 1×1 … 4×4). */
export async function load2D(): Promise<CtmTable> {
  return pybdmTable2D();
}

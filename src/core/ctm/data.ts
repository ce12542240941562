/**
 * The shipped tables. pybdm's values are MIT-licensed (© 2019 Szymon Talaga, src/core/data/pybdm-LICENSE.txt)
 * and were computed by Soler-Toscano, Zenil, Delahaye & Gauvrit (2014) and Zenil et al. (2015): keep this
 * attribution wherever they are shown. `ctm-d4.json` is this project's own exact D(4); `ctm-d5.json` is this
 * project's own D(5) (500 steps), derived by `npx tsx scripts/ctm-d5/tables.ts d5` from the exact counts in
 * `ctm-d5-counts.json.gz` and checked against pybdm's table (the oracle) to 1e-9 bits. It is the default
 * 1-D table (`defaultTable1D`). Browser code must use the async `loadD5Table()` (a separate lazily loaded
 * chunk), never `d5Table()`, so the 40 KB table is not inlined into a page.
 */
import d12 from "../data/ctm-b2-d12.json";
import d4x4 from "../data/ctm-b2-d4x4.json";
import d4 from "../data/ctm-d4.json";
import { CtmTable, type CompactTableFile } from "./table";

import d5 from "../data/ctm-d5.json";

let cache: { d12?: CtmTable; d4x4?: CtmTable; d4?: CtmTable; d5?: CtmTable } = {};

/** Our D(5) (500 steps), lengths 1–12 where produced (2 strings of length 12 never are: lookup → undefined, BDM uses max + 1). */
export function d5Table(): CtmTable {
  return (cache.d5 ??= new CtmTable(d5 as CompactTableFile));
}

/** The default table for 1-D CTM lookups and BDM: our D(5). */
export function defaultTable1D(): CtmTable {
  return d5Table();
}

/** pybdm 1-D table: D(5), 500 steps, lengths 1–12 (all 4 095 canonical keys). */
export function pybdmTable1D(): CtmTable {
  return (cache.d12 ??= new CtmTable(d12 as CompactTableFile));
}

/** pybdm 2-D table: 1×1 … 4×4 blocks from 2-D Turing machines. */
export function pybdmTable2D(): CtmTable {
  return (cache.d4x4 ??= new CtmTable(d4x4 as CompactTableFile));
}

/** Our exact D(4) (107 steps), lengths 1–12 where they occur. */
export function d4Table(): CtmTable {
  return (cache.d4 ??= new CtmTable(d4 as CompactTableFile));
}

/** Drop the parsed tables (tests). */
export function clearTableCache(): void {
  cache = {};
}

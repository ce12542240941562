/**
 * The shipped tables. pybdm's values are MIT-licensed (© 2019 Szymon Talaga, src/core/data/pybdm-LICENSE.txt)
 * and were computed by Soler-Toscano, Zenil, Delahaye & Gauvrit (2014) and Zenil et al. (2015): keep this
 * attribution wherever they are shown. `ctm-d4.json` is this project's own exact D(4).
 */
import d12 from "../data/ctm-b2-d12.json";
import d4x4 from "../data/ctm-b2-d4x4.json";
import d4 from "../data/ctm-d4.json";
import { CtmTable, type CompactTableFile } from "./table";

let cache: { d12?: CtmTable; d4x4?: CtmTable; d4?: CtmTable } = {};

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

/**
 * Browser-side lazy loading of the shipped D(5) table: the JSON is a separate chunk fetched on first use
 * (dynamic import), so chapter pages do not inline it. Node code may use `d5Table()` from data.ts instead.
 */
import { CtmTable, type CompactTableFile } from "./table";

let pending: Promise<CtmTable> | undefined;

/** Our D(5) table (lengths 1–12), loaded once on demand. */
export function loadD5Table(): Promise<CtmTable> {
  pending ??= import("../data/ctm-d5.json").then((m) => new CtmTable((m.default ?? m) as CompactTableFile));
  pending.catch(() => (pending = undefined));
  return pending;
}

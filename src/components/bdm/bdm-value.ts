/**
 * Build-time numbers for the chapter prose (never hand-typed): one measure of one string (a comparison-set
 * item such as "thue-morse" expanded to n bits, or a literal binary string) or of a grid.
 */
import { analyse1D, analyse2D, type Options1 } from "./analysis";
import { generateItem } from "./input";
import { d5Table, pybdmTable2D } from "../../core/ctm/data";

export type BdmMetric = "bdm" | "bdmPerBit" | "nbdm" | "blockEntropy" | "nent" | "shannon" | "shannonTotal" | "deflateBits" | "ctm" | "distinct" | "blocks" | "ones" | "length";

export interface BdmValueInput {
  /** A comparison-set item ("thue-morse", "random:7", "period:01", …) or a literal binary string. */
  item?: string;
  /** Length for generated items (default 48). */
  n?: number;
  /** A grid "0101-…" (2-D; uses side and boundary2d). */
  grid?: string;
  metric: BdmMetric;
  block?: number;
  offset?: number;
  boundary?: Options1["boundary"];
  side?: number;
  boundary2d?: "ignore" | "recursive";
}

type AnyAnalysis = ReturnType<typeof analyse1D> | ReturnType<typeof analyse2D>;
const cache = new Map<string, AnyAnalysis>();

function cached(key: object, f: () => AnyAnalysis): AnyAnalysis {
  const k = JSON.stringify(key);
  let a = cache.get(k);
  if (!a) cache.set(k, (a = f()));
  return a;
}

export function bdmValue(i: BdmValueInput): number {
  let v: number;
  if (i.grid !== undefined) {
    const opts = { block: i.side ?? 4, boundary: i.boundary2d ?? "ignore" } as const;
    const a = cached({ grid: i.grid, ...opts }, () => analyse2D(i.grid!.split("-"), pybdmTable2D(), opts));
    v = pick(a, i.metric, i);
  } else {
    if (!i.item) throw new Error("BdmValue needs item or grid");
    const bits = generateItem(i.item, i.n ?? 48).bits;
    if (i.metric === "ctm") {
      const c = d5Table().lookup(bits);
      if (c === undefined) throw new Error(`BdmValue: no CTM value for "${bits}" (length ≤ 12 only)`);
      v = c;
    } else {
      const block = i.block ?? 12;
      const boundary = i.boundary ?? "ignore";
      const opts = { block, boundary, offset: i.offset ?? (boundary === "correlated" ? 1 : block) };
      const a = cached({ item: i.item, n: i.n, ...opts }, () => analyse1D(bits, d5Table(), opts));
      v = pick(a, i.metric, i);
    }
  }
  return v;
}

function pick(a: AnyAnalysis, m: BdmMetric, i: BdmValueInput): number {
  switch (m) {
    case "bdmPerBit":
      return a.bdm / a.length;
    case "nbdm":
    case "nent": {
      const v = a[m];
      if (v === null) throw new Error(`BdmValue: ${m} is not defined for ${JSON.stringify(i)}`);
      return v;
    }
    case "ctm":
      throw new Error("BdmValue: ctm needs a 1-D item");
    default:
      return a[m];
  }
}

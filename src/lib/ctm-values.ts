/**
 * Numbers about D(1)–D(5) quoted in chapter 9, computed at build time from the committed data
 * (src/core/data: ctm-reference.json, ctm-d4-counts.json, ctm-d5-counts.json.gz, ctm-d5.json), never typed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import reference from "../core/data/ctm-reference.json";
import { log2Big } from "../core/ctm/complete";
import { d5Table, pybdmTable1D } from "../core/ctm/data";
import { machineCount } from "../core/ctm/machine";
import type { DistributionSummary } from "../core/ctm/reference";

export type CtmQuantity =
  | "machines" // (4n+2)^(2n)
  | "pairs" // 2·(4n+2)^(2n): (machine, blank) pairs
  | "halting" // halting pairs over both blanks
  | "haltingShare" // halting pairs / pairs, in percent
  | "distinct" // distinct output strings
  | "count" // count of `string` over both blanks
  | "ctm" // −log2 D(n)(string), bits
  | "maxDeltaPybdm" // D(5): largest |CTM ours − pybdm| over produced strings of length ≤ 12, bits
  | "compared" // D(5): produced strings of length ≤ 12 compared with pybdm
  | "absent12" // D(5): strings of length 12 never produced
  | "maxLength"; // longest output string

interface Counts {
  halting: string;
  counts: Record<string, string>;
}

const refs = reference as Record<string, DistributionSummary>;
let d4: Counts | undefined;
let d5: Counts | undefined;
/** Data files by path from the project root (the build runs there; import.meta.url moves when bundled). */
const dataPath = (f: string) => path.join(process.cwd(), "src", "core", "data", f);

function counts(n: number): Counts {
  if (n === 4) return (d4 ??= JSON.parse(readFileSync(dataPath("ctm-d4-counts.json"), "utf8")) as Counts);
  if (n === 5) return (d5 ??= JSON.parse(gunzipSync(readFileSync(dataPath("ctm-d5-counts.json.gz"))).toString("utf8")) as Counts);
  throw new RangeError(`full counts are committed for n = 4 and 5 only (got ${n})`);
}

function haltingOf(n: number): bigint {
  return n === 5 ? BigInt(counts(5).halting) : BigInt(refs[String(n)]!.halting);
}

/** The value (bigint for exact counts, number otherwise). */
export function ctmValue(quantity: CtmQuantity, n: number, string?: string): bigint | number {
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new RangeError(`n must be 1–5, got ${n}`);
  switch (quantity) {
    case "machines":
      return machineCount(n);
    case "pairs":
      return 2n * machineCount(n);
    case "halting":
      return haltingOf(n);
    case "haltingShare":
      return (100 * Number(haltingOf(n))) / Number(2n * machineCount(n));
    case "distinct":
      return n === 5 ? Object.keys(counts(5).counts).length : refs[String(n)]!.distinct;
    case "maxLength":
      return Math.max(...Object.keys(counts(n).counts).map((s) => s.length));
    case "count":
    case "ctm": {
      if (!string || !/^[01]+$/.test(string)) throw new RangeError(`"${quantity}" needs a binary string`);
      const c = counts(n).counts[string];
      if (c === undefined) throw new RangeError(`${string} is not an output of D(${n})`);
      return quantity === "count" ? BigInt(c) : log2Big(haltingOf(n)) - log2Big(BigInt(c));
    }
    case "maxDeltaPybdm":
    case "compared":
    case "absent12": {
      if (n !== 5) throw new RangeError(`${quantity} is about D(5)`);
      const ours = d5Table(), pub = pybdmTable1D();
      let worst = 0, compared = 0, absent = 0;
      for (let L = 1; L <= 12; L++) {
        for (let x = 0; x < 1 << L; x++) {
          const s = x.toString(2).padStart(L, "0");
          const k = ours.lookup(s);
          if (k === undefined) {
            if (L === 12) absent++;
            continue;
          }
          compared++;
          worst = Math.max(worst, Math.abs(k - pub.lookup(s)!));
        }
      }
      return quantity === "compared" ? compared : quantity === "absent12" ? absent : worst;
    }
  }
}

/** Formatted for prose: exact integers with thousands separators (thin spaces), others to `digits` significant digits. */
export function formatCtmValue(v: bigint | number, digits = 4): string {
  if (typeof v === "bigint") return v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009");
  if (Number.isInteger(v)) return v.toLocaleString("en-US").replace(/,/g, "\u2009");
  if (Math.abs(v) < 1e-3 && v !== 0) {
    const [m, e] = v.toExponential(1).split("e");
    return `${m} × 10^${Number(e)}`;
  }
  return Number(v.toPrecision(digits)).toLocaleString("en-US", { maximumSignificantDigits: digits });
}

/**
 * Compare a finished D(5) run with the published table: `npx tsx scripts/ctm-d5/verify.ts [state-dir]`.
 * Prints the number of distinct strings (published: 99 608), the largest |ΔK| over lengths ≤ 12 against
 * pybdm's D(5) table, strings present on one side only, and whether counts are 8·c(s) with
 * c(s) = 2^(−K(s))·1 724 315 972 168 (the published denominator form).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { log2Big } from "../../src/core/ctm/complete";
import { pybdmTable1D } from "../../src/core/ctm/data";

const dir = process.argv[2] ?? "/work/ctm-d5-state";
const d = JSON.parse(readFileSync(join(dir, "d5-counts.json"), "utf8")) as { halting: string; counts: Record<string, string> };
const table = pybdmTable1D();
const H = BigInt(d.halting);
let worst = 0, worstKey = "", compared = 0, missingOurs = 0, eightC = true;
const ours = new Set<string>();
for (const [s, c] of Object.entries(d.counts)) {
  if (s.length > 12) continue;
  ours.add(s);
  const k = log2Big(H) - log2Big(BigInt(c));
  const p = table.lookup(s);
  if (p === undefined) continue;
  compared++;
  if (Math.abs(k - p) > worst) { worst = Math.abs(k - p); worstKey = s; }
  const cs = 2 ** -p * 1724315972168;
  if (Math.abs(Number(BigInt(c)) - 8 * cs) > 1e-6 * 8 * cs) eightC = false;
}
for (let L = 1; L <= 12; L++) for (let x = 0; x < 2 ** L; x++) if (!ours.has(x.toString(2).padStart(L, "0"))) missingOurs++;
console.log(JSON.stringify({ distinct: Object.keys(d.counts).length, halting: d.halting, compared, maxAbsDeltaK: worst, worstKey, lengthLe12NeverProduced: missingOurs, countsAre8c: eightC }));

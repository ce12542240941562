/**
 * Build the compact CTM tables shipped under src/core/data/:
 *   npx tsx scripts/ctm-d5/tables.ts pybdm <dir with ctm-b2-d12.json, ctm-b2-d4x4.json>
 *   npx tsx scripts/ctm-d5/tables.ts d4      # our own exact D(4) (cut-off 107), lengths 1–12
 *   npx tsx scripts/ctm-d5/tables.ts d5      # our own D(5) (500 steps), lengths 1–12, from ctm-d5-counts.json.gz
 *   npx tsx scripts/ctm-d5/tables.ts reference  # exact D(1)–D(4) summaries + D(4) counts (chapter 9 check and fallback)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { d5TableFromCounts, readD5Counts, tableChecksum } from "./d5-table";
import { referenceFromDistribution } from "../../src/core/ctm/reference";
import { join } from "node:path";
import { completeDistribution, ctmOf } from "../../src/core/ctm/complete";
import { compactTable } from "../../src/core/ctm/table";
import { emptyTreeCounts, enumerateTree } from "../../src/core/ctm/tree";

const out = new URL("../../src/core/data/", import.meta.url).pathname;
const PYBDM = "CTM values from pybdm (MIT, © 2019 Szymon Talaga; see pybdm-LICENSE.txt), originally computed by Soler-Toscano, Zenil, Delahaye & Gauvrit (PLoS ONE 2014) [1-D, D(5), 500 steps] and Zenil et al. (PeerJ CS 2015) [2-D].";

const [command, dir] = process.argv.slice(2);
if (command === "pybdm" && dir) {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, Record<string, number>>;
  const d12 = read("ctm-b2-d12.json"), d4x4 = read("ctm-b2-d4x4.json");
  const shapes1: Record<string, { cells: number; entries: Map<string, number> }> = {};
  for (const [len, m] of Object.entries(d12)) shapes1[len] = { cells: Number(len), entries: new Map(Object.entries(m)) };
  writeFileSync(join(out, "ctm-b2-d12.json"), JSON.stringify(compactTable("pybdm ctm-b2-d12 (D(5), 500 steps)", PYBDM, shapes1)));
  const shapes2: Record<string, { cells: number; entries: Map<string, number> }> = {};
  for (const [shape, m] of Object.entries(d4x4)) {
    const d = Number(shape.split("x")[0]);
    shapes2[shape] = { cells: d * d, entries: new Map(Object.entries(m)) };
  }
  writeFileSync(join(out, "ctm-b2-d4x4.json"), JSON.stringify(compactTable("pybdm ctm-b2-d4x4 (2-D Turing machines)", PYBDM, shapes2)));
} else if (command === "d4") {
  const acc = emptyTreeCounts();
  enumerateTree({ states: 4, maxSteps: 107 }, acc);
  const d = completeDistribution(4, 107, acc);
  const shapes: Record<string, { cells: number; entries: Map<string, number> }> = {};
  for (const s of d.counts.keys()) {
    if (s.length > 12 || s.startsWith("1")) continue;
    (shapes[String(s.length)] ??= { cells: s.length, entries: new Map() }).entries.set(s, ctmOf(d, s));
  }
  writeFileSync(join(out, "ctm-d4.json"), JSON.stringify(compactTable("exact D(4) (4 states, 107 steps), computed by this project", "Computed by this project's tree enumerator (src/core/ctm), method of Delahaye & Zenil (2012) and Soler-Toscano et al. (2014).", shapes)));
} else if (command === "d5") {
  const file = d5TableFromCounts(readD5Counts(join(out, "ctm-d5-counts.json.gz")));
  const text = JSON.stringify(file);
  writeFileSync(join(out, "ctm-d5.json"), text);
  writeFileSync(join(out, "ctm-d5.json.sha256"), `${tableChecksum(text)}  ctm-d5.json\n`);
} else if (command === "reference") {
  const ref: Record<string, unknown> = {};
  for (const n of [1, 2, 3, 4]) {
    const maxSteps = [0, 1, 6, 21, 107][n]!;
    const acc = emptyTreeCounts();
    enumerateTree({ states: n, maxSteps }, acc);
    const d = completeDistribution(n, maxSteps, acc);
    ref[String(n)] = referenceFromDistribution(d);
    if (n === 4) {
      const counts: Record<string, string> = {};
      for (const [s, c] of d.counts) counts[s] = c.toString();
      writeFileSync(join(out, "ctm-d4-counts.json"), JSON.stringify({ states: 4, maxSteps, machines: d.machines.toString(), blanks: 2, halting: d.halting.toString(), counts }));
    }
  }
  writeFileSync(join(out, "ctm-reference.json"), `${JSON.stringify(ref, null, 1)}\n`);
} else {
  process.stderr.write("usage: tsx scripts/ctm-d5/tables.ts pybdm <dir> | d4 | d5 | reference\n");
  process.exitCode = 2;
}

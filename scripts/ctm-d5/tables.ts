/**
 * Build the compact CTM tables shipped under src/core/data/:
 *   npx tsx scripts/ctm-d5/tables.ts pybdm <dir with ctm-b2-d12.json, ctm-b2-d4x4.json>
 *   npx tsx scripts/ctm-d5/tables.ts d4      # our own exact D(4) (cut-off 107), lengths 1–12
 */
import { readFileSync, writeFileSync } from "node:fs";
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
} else {
  process.stderr.write("usage: tsx scripts/ctm-d5/tables.ts pybdm <dir> | d4\n");
  process.exitCode = 2;
}

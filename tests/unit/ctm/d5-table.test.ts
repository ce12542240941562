import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { d5TableFromCounts, readD5Counts, tableChecksum } from "../../../scripts/ctm-d5/d5-table";
import { completeDistribution } from "../../../src/core/ctm/complete";
import { d4Table, d5Table, defaultTable1D, pybdmTable1D } from "../../../src/core/ctm/data";
import { loadD5Table } from "../../../src/core/ctm/load";
import { compareSummary, fingerprintCounts, referenceFromDistribution, type DistributionSummary } from "../../../src/core/ctm/reference";
import { emptyTreeCounts, enumerateTree } from "../../../src/core/ctm/tree";

const dataDir = new URL("../../../src/core/data/", import.meta.url).pathname;
const allStrings = (L: number) => Array.from({ length: 1 << L }, (_, x) => x.toString(2).padStart(L, "0"));

describe("shipped D(5) table", () => {
  const counts = readD5Counts(`${dataDir}ctm-d5-counts.json.gz`);

  it("the counts file passes its checksums and has the published totals", () => {
    expect(Object.keys(counts.counts)).toHaveLength(99_608);
    expect(counts.halting).toBe((8n * 1_724_315_972_168n).toString());
    expect(counts.machines).toBe("26559922791424");
  });

  it("the committed table is exactly what the script derives from the counts, and its checksum holds", () => {
    const text = readFileSync(`${dataDir}ctm-d5.json`, "utf8");
    expect(text).toBe(JSON.stringify(d5TableFromCounts(counts)));
    expect(readFileSync(`${dataDir}ctm-d5.json.sha256`, "utf8").split(/\s+/)[0]).toBe(tableChecksum(text));
  });

  it("equals pybdm's published D(5) values to 1e-9 bits for every produced string of length ≤ 12", () => {
    const ours = d5Table(), published = pybdmTable1D();
    let compared = 0, absent = 0, worst = 0;
    for (let L = 1; L <= 12; L++) {
      for (const s of allStrings(L)) {
        const k = ours.lookup(s);
        if (k === undefined) {
          absent++;
          expect(L).toBe(12);
          continue;
        }
        const p = published.lookup(s)!;
        worst = Math.max(worst, Math.abs(k - p));
        compared++;
      }
    }
    expect(worst).toBeLessThan(1e-9);
    expect(absent).toBe(2); // as published: 2 strings of length 12 (a complement pair) are never produced
    expect(compared).toBe(8_190 - 2);
  });

  it("reproduces the reference values of the notes and is the default 1-D table", () => {
    const t = defaultTable1D();
    expect(t).toBe(d5Table());
    expect(t.lookup("0")).toBeCloseTo(2.5142767361233522, 12);
    expect(t.lookup("01011100")).toBeCloseTo(22.003006945849474, 12);
    expect(t.lookup("000000000000")).toBeCloseTo(25.610413747641715, 12);
    expect(t.lookup("0101")).toBeCloseTo(t.lookup("1010")!, 15);
  });

  it("the lazy loader gives the same table", async () => {
    const t = await loadD5Table();
    expect(t.lookup("0101")).toBe(d5Table().lookup("0101"));
  });
});

describe("exact D(1)–D(4) reference summaries", () => {
  const ref = JSON.parse(readFileSync(`${dataDir}ctm-reference.json`, "utf8")) as Record<string, DistributionSummary>;

  it.each([1, 2, 3])("a fresh enumeration of D(%i) matches the committed reference", (n) => {
    const maxSteps = [0, 1, 6, 21][n]!;
    const acc = emptyTreeCounts();
    enumerateTree({ states: n, maxSteps }, acc);
    const live = referenceFromDistribution(completeDistribution(n, maxSteps, acc));
    expect(compareSummary(live, ref[String(n)]!)).toEqual([]);
  });

  it("D(2) has the totals of the notes and the D(4) counts file agrees with the summary and with d4Table", () => {
    expect(ref["2"]!.halting).toBe("6088");
    expect(ref["1"]!.halting).toBe("24");
    const d4 = JSON.parse(readFileSync(`${dataDir}ctm-d4-counts.json`, "utf8")) as { halting: string; counts: Record<string, string> };
    const m = new Map(Object.entries(d4.counts).map(([s, c]) => [s, BigInt(c)]));
    expect(fingerprintCounts(m)).toBe(ref["4"]!.fingerprint);
    expect(d4.halting).toBe(ref["4"]!.halting);
    expect(m.size).toBe(ref["4"]!.distinct);
    expect(d4Table().lookup("0")).toBeGreaterThan(0);
  });

  it("a changed count changes the fingerprint", () => {
    const a = new Map([["0", 2n], ["1", 2n]]), b = new Map([["0", 2n], ["1", 3n]]);
    expect(fingerprintCounts(a)).not.toBe(fingerprintCounts(b));
  });
});

/**
 * The shipped D(5) table, derived from our exact counts (src/core/data/ctm-d5-counts.json.gz):
 * CTM(s) = log2(halting) − log2(count(s)) for every produced string of length 1–12, in the compact
 * CtmTable format (canonical keys). Used by `tables.ts d5` and by the unit test that re-derives the file.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { log2Big } from "../../src/core/ctm/complete";
import { compactTable, type CompactTableFile } from "../../src/core/ctm/table";

export interface D5Counts {
  states: number;
  maxSteps: number;
  machines: string;
  blanks: number;
  halting: string;
  counts: Record<string, string>;
}

export const D5_NAME = "D(5) (5 states, 500 steps), computed by this project";
export const D5_ATTRIBUTION =
  "Computed by this project's tree enumerator (src/core/ctm; scripts/ctm-d5, 734 worker-seconds) from exact counts over all (5,2) machines and both blanks, 500-step cut-off; method of Delahaye & Zenil (2012) and Soler-Toscano, Zenil, Delahaye & Gauvrit (2014). Checked against the published table (pybdm, MIT) to 1e-9 bits.";

/** sha256 hex of a string or buffer. */
export function tableChecksum(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Read the committed counts after checking both checksums in the .sha256 file beside it. */
export function readD5Counts(path: string): D5Counts {
  const gz = readFileSync(path);
  const sums = readFileSync(`${path}.sha256`, "utf8").trim().split("\n").map((l) => l.split(/\s+/)[0]!);
  if (tableChecksum(gz) !== sums[0]) throw new Error(`${path}: sha256 of the compressed file does not match`);
  const raw = gunzipSync(gz);
  if (tableChecksum(raw) !== sums[1]) throw new Error(`${path}: sha256 of the uncompressed file does not match`);
  return JSON.parse(raw.toString("utf8")) as D5Counts;
}

/** Derive the compact table (lengths 1–12) from the counts. */
export function d5TableFromCounts(d: D5Counts): CompactTableFile {
  const H = log2Big(BigInt(d.halting));
  const shapes: Record<string, { cells: number; entries: Map<string, number> }> = {};
  for (const [s, c] of Object.entries(d.counts)) {
    if (s.length > 12 || s.startsWith("1")) continue;
    (shapes[String(s.length)] ??= { cells: s.length, entries: new Map() }).entries.set(s, H - log2Big(BigInt(c)));
  }
  return compactTable(D5_NAME, D5_ATTRIBUTION, shapes);
}

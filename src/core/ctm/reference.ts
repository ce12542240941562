/**
 * Compact summaries of an exact distribution, to check a live (browser) enumeration against the committed
 * reference (src/core/data/ctm-reference.json, built by `npx tsx scripts/ctm-d5/tables.ts reference`):
 * machines, halting pairs, distinct outputs, and an FNV-1a fingerprint of every "string:count" line in
 * the canonical order (length, then lexicographic). Equal fingerprints mean equal count tables.
 */
import type { Distribution } from "./complete";

export interface DistributionSummary {
  states: number;
  maxSteps: number;
  machines: string;
  halting: string;
  distinct: number;
  /** 64-bit FNV-1a of the "s:count\n" lines, hex. */
  fingerprint: string;
}

const PRIME = 0x100000001b3n, MASK = (1n << 64n) - 1n;

/** FNV-1a (64-bit) of the canonical count lines. */
export function fingerprintCounts(counts: Map<string, bigint>): string {
  const keys = [...counts.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  // Hash 32-bit halves with a number-based FNV to stay fast; combine into 64-bit via BigInt once per line.
  let h = 0xcbf29ce484222325n;
  for (const s of keys) {
    const line = `${s}:${counts.get(s)!.toString()}\n`;
    for (let i = 0; i < line.length; i++) {
      h ^= BigInt(line.charCodeAt(i));
      h = (h * PRIME) & MASK;
    }
  }
  return h.toString(16).padStart(16, "0");
}

export function referenceFromDistribution(d: Distribution): DistributionSummary {
  return { states: d.states, maxSteps: d.maxSteps, machines: d.machines.toString(), halting: d.halting.toString(), distinct: d.counts.size, fingerprint: fingerprintCounts(d.counts) };
}

/** Which fields of a live summary differ from the reference (empty = matches). */
export function compareSummary(live: DistributionSummary, ref: DistributionSummary): string[] {
  const diff: string[] = [];
  for (const k of ["states", "maxSteps", "machines", "halting", "distinct", "fingerprint"] as const) if (String(live[k]) !== String(ref[k])) diff.push(k);
  return diff;
}

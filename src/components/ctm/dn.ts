/**
 * D(n) results as the chapter shows and exports them (no DOM): ranked rows with count, D and CTM, the
 * check against the committed exact reference, CSV and JSON.
 */
import { ctmOf, probability, type Distribution } from "../../core/ctm/complete";
import { compareSummary, referenceFromDistribution, type DistributionSummary } from "../../core/ctm/reference";
import type { RankRow } from "../../charts/rank-frequency";

export interface RankedString {
  rank: number;
  string: string;
  count: bigint;
  d: number;
  ctm: number;
}

/** All outputs by decreasing count (ties by length, then lexicographically); rank = position (1-based). */
export function rankStrings(d: Distribution): RankedString[] {
  const entries = [...d.counts].sort(([a, ca], [b, cb]) => (ca > cb ? -1 : ca < cb ? 1 : a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)));
  return entries.map(([string, count], i) => ({ rank: i + 1, string, count, d: probability(d, string), ctm: ctmOf(d, string) }));
}

export function rankRows(ranked: RankedString[]): RankRow[] {
  return ranked.map((r) => ({ rank: r.rank, d: r.d, string: r.string }));
}

/** Live summary vs the committed reference: which fields differ (empty = matches). */
export function checkAgainstReference(d: Distribution, reference: Record<string, DistributionSummary>): { summary: DistributionSummary; differs: string[] } {
  const summary = referenceFromDistribution(d);
  const ref = reference[String(d.states)];
  return { summary, differs: ref ? compareSummary(summary, ref) : ["no reference"] };
}

export function distributionCsv(d: Distribution): string {
  const lines = ["rank,string,count,D,CTM_bits"];
  for (const r of rankStrings(d)) lines.push(`${r.rank},${r.string},${r.count.toString()},${r.d},${r.ctm}`);
  return `${lines.join("\n")}\n`;
}

export function distributionJson(d: Distribution, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const counts: Record<string, string> = {};
  for (const [s, c] of d.counts) counts[s] = c.toString();
  return { states: d.states, maxSteps: d.maxSteps, machines: d.machines.toString(), blanks: 2, halting: d.halting.toString(), distinct: d.counts.size, ...extra, counts };
}

/** Thousands separators for big integers (en-US). */
export function groupDigits(x: bigint | number | string): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

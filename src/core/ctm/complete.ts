/**
 * From the right-first subtree R (blank 0) to exact counts over the whole (n,2) space and both blanks.
 *
 * For blank 0: count_b0(s) = R(s) + R(reverse s) for |s| ≥ 2 (left-first machines are mirror images of
 * right-first ones), and the machines whose first transition halts give count_b0("0") = count_b0("1") =
 * (4n+2)^(2n−1). Blank 1 behaves like the symbol-swapped machine on blank 0 (a bijection of the space), so
 * count_b1(s) = count_b0(complement s). The result counts every pair (machine, blank), as in the papers.
 */
import { choicesPerEntry } from "./machine";
import { complement, reverse } from "./strings";
import { treeCountsToMap, type TreeCounts } from "./tree";
import { bigPow, log2, pow } from "../math";

/** Exact output distribution of (n,2) over both blanks (halting and counts are over (machine, blank) pairs). */
export interface Distribution {
  states: number;
  maxSteps: number;
  /** Number of machines (4n+2)^(2n); each is run on both blanks, so there are 2× as many pairs. */
  machines: bigint;
  /** Number of halting pairs (the denominator of D). */
  halting: bigint;
  /** Count of every output string (halting pairs with that output). */
  counts: Map<string, bigint>;
}

function exact(x: number): bigint {
  if (!Number.isSafeInteger(x)) throw new RangeError(`count ${x} is not an exact integer`);
  return BigInt(x);
}

/** Complete the R counts into the distribution over both blanks. */
export function completeDistribution(states: number, maxSteps: number, tree: TreeCounts): Distribution {
  const K = BigInt(choicesPerEntry(states));
  const first = bigPow(K, 2 * states - 1);
  const r = treeCountsToMap(tree);
  const b0 = new Map<string, bigint>();
  const add = (m: Map<string, bigint>, s: string, v: bigint) => m.set(s, (m.get(s) ?? 0n) + v);
  add(b0, "0", first);
  add(b0, "1", first);
  for (const [s, v] of r) {
    add(b0, s, exact(v));
    add(b0, reverse(s), exact(v));
  }
  const counts = new Map<string, bigint>();
  let halting = 0n;
  for (const [s, v] of b0) {
    add(counts, s, v);
    add(counts, complement(s), v);
    halting += 2n * v;
  }
  const sorted = new Map([...counts].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)));
  return { states, maxSteps, machines: bigPow(K, 2 * states), halting, counts: sorted };
}

/** D(s) = count(s) / halting as a double. */
export function probability(d: Distribution, s: string): number {
  const c = d.counts.get(s);
  return c === undefined ? 0 : ratio(c, d.halting);
}

/** CTM(s) = −log2 D(s) in bits (Infinity if s never occurs). */
export function ctmOf(d: Distribution, s: string): number {
  const c = d.counts.get(s);
  if (c === undefined) return Infinity;
  return log2Big(d.halting) - log2Big(c);
}

function ratio(a: bigint, b: bigint): number {
  return pow(2, log2Big(a) - log2Big(b));
}

/** log2 of a positive bigint, accurate to double precision. */
export function log2Big(x: bigint): number {
  const bits = x.toString(2).length;
  if (bits <= 53) return log2(Number(x));
  const shift = BigInt(bits - 53);
  return log2(Number(x >> shift)) + Number(shift);
}

/**
 * Plain JSON form `{"states","machines","blanks":2,"halting","counts":{"<string>":"<integer>"}}`: machines =
 * (4n+2)^(2n); halting and counts are over (machine, blank) pairs, both blanks.
 */
export function distributionToJson(d: Distribution): { states: number; maxSteps: number; machines: string; blanks: 2; halting: string; counts: Record<string, string> } {
  const counts: Record<string, string> = {};
  for (const [s, v] of d.counts) counts[s] = v.toString();
  return { states: d.states, maxSteps: d.maxSteps, machines: d.machines.toString(), blanks: 2, halting: d.halting.toString(), counts };
}

import { beforeAll, describe, expect, it } from "vitest";
import { bruteForce } from "../../../src/core/ctm/brute";
import { chunkCount, runAllChunks } from "../../../src/core/ctm/chunks";
import { completeDistribution, ctmOf, type Distribution } from "../../../src/core/ctm/complete";
import { complement, reverse } from "../../../src/core/ctm/strings";
import { emptyTreeCounts, enumerateTree } from "../../../src/core/ctm/tree";

const S = [0, 1, 6, 21, 107];
const cache = new Map<string, Distribution>();
function tree(n: number, maxSteps = S[n]!, prune = true): Distribution {
  const key = `${n}/${maxSteps}/${prune}`;
  if (!cache.has(key)) {
    const acc = emptyTreeCounts();
    enumerateTree({ states: n, maxSteps, prune }, acc);
    cache.set(key, completeDistribution(n, maxSteps, acc));
  }
  return cache.get(key)!;
}

function expectSame(a: Distribution, b: { halting: bigint | number; counts: Map<string, bigint | number> }): void {
  expect(BigInt(b.halting)).toBe(a.halting);
  expect(b.counts.size).toBe(a.counts.size);
  for (const [s, v] of b.counts) expect(a.counts.get(s), s).toBe(BigInt(v));
}

describe("exact D(n) by tree enumeration", () => {
  beforeAll(() => void tree(4), 120_000);

  it("D(1): 12 of 36 machines halt per blank", () => {
    const d = tree(1);
    expect(d.machines).toBe(36n);
    expect(d.halting).toBe(24n);
    expect([...d.counts]).toEqual([["0", 12n], ["1", 12n]]);
  });

  it("D(2) is the published distribution (denominator 6 088, both blanks)", () => {
    const expected = new Map<string, bigint>();
    for (const s of ["0", "1"]) expected.set(s, 2000n);
    for (const s of ["00", "01", "10", "11"]) expected.set(s, 508n);
    for (const s of ["001", "011", "100", "110"]) expected.set(s, 6n);
    for (const s of ["000", "010", "101", "111"]) expected.set(s, 4n);
    for (const s of ["0000", "0010", "0100", "0110", "1001", "1011", "1101", "1111"]) expected.set(s, 2n);
    expectSame(tree(2), { halting: 6088n, counts: expected });
    expect(ctmOf(tree(2), "0")).toBeCloseTo(-Math.log2(2000 / 6088), 12);
  });

  it("count('0') = count('1') = 2·(4n+2)^(2n−1) over both blanks", () => {
    for (const n of [1, 2, 3, 4]) {
      const d = tree(n);
      const c = 2n * BigInt(4 * n + 2) ** BigInt(2 * n - 1);
      expect(d.counts.get("0")).toBe(c);
      expect(d.counts.get("1")).toBe(c);
    }
  });

  it("is complement- and reversal-invariant, and the counts add up to the halting total", () => {
    for (const n of [3, 4]) {
      const d = tree(n);
      let sum = 0n;
      for (const [s, v] of d.counts) {
        expect(d.counts.get(complement(s))).toBe(v);
        expect(d.counts.get(reverse(s))).toBe(v);
        sum += v;
      }
      expect(sum).toBe(d.halting);
    }
  });

  it("brute force over every machine number equals the tree for n ≤ 2", () => {
    for (const n of [1, 2]) expectSame(tree(n), bruteForce({ states: n, maxSteps: S[n]! }));
  });

  it("a sampled brute force of (3,2) (every 97th machine) stays inside the tree's support", () => {
    const d = tree(3);
    const b = bruteForce({ states: 3, maxSteps: 21, first: 5, stride: 97 });
    expect(b.halting).toBeGreaterThan(0);
    for (const s of b.counts.keys()) expect(d.counts.has(s), s).toBe(true);
    // The sampled halting fraction matches the exact one within 4 standard errors.
    const pairs = 2 * Math.ceil((7529536 - 5) / 97);
    const p = Number(d.halting) / (2 * 7529536);
    expect(Math.abs(b.halting / pairs - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / pairs));
  });

  it("pruning is safe: the unpruned tree gives the same D(3)", () => {
    const pruned = tree(3);
    expectSame(pruned, tree(3, 21, false));
  });

  it("S(n) is the longest halting time: a longer cut-off changes nothing for n ≤ 3", () => {
    expectSame(tree(2), tree(2, 50));
    expectSame(tree(3), tree(3, 60));
  });

  it("chunks partition the tree (any depth)", () => {
    for (const [n, depth] of [[2, 3], [3, 2], [3, 4]] as const) {
      const r = runAllChunks({ states: n, maxSteps: S[n]!, depth });
      expect(r.complete).toBe(true);
      expectSame(tree(n), completeDistribution(n, S[n]!, r.counts));
    }
    expect(chunkCount(5, 4)).toBe(2 * 22 ** 3);
  });

  it("chunked runs can be cancelled", () => {
    let calls = 0;
    const r = runAllChunks({ states: 3, maxSteps: 21, depth: 3, shouldCancel: () => ++calls > 5 });
    expect(r.complete).toBe(false);
  });

  it("D(4): exact totals and self-consistency", () => {
    const d = tree(4);
    expect(d.machines).toBe(11019960576n);
    // Halting pairs are even (two blanks, complement bijection) and below the number of pairs.
    expect(d.halting % 2n).toBe(0n);
    expect(d.halting < 2n * d.machines).toBe(true);
    // Simplest strings are the most probable: K("0") < K("00") < K("000") and K grows with length on average.
    expect(ctmOf(d, "0")).toBeLessThan(ctmOf(d, "00"));
    expect(ctmOf(d, "00")).toBeLessThan(ctmOf(d, "000"));
  }, 60_000);
});

describe("accumulator", () => {
  it("long outputs counted in the map equal those counted in the flat array", () => {
    const flat = emptyTreeCounts(), mapped = emptyTreeCounts(3);
    enumerateTree({ states: 3, maxSteps: 21 }, flat);
    enumerateTree({ states: 3, maxSteps: 21 }, mapped);
    expect(mapped.large.size).toBeGreaterThan(0);
    expect(completeDistribution(3, 21, mapped).counts).toEqual(completeDistribution(3, 21, flat).counts);
  });
});

import { expect, it } from "vitest";
import { bruteForce } from "../../../src/core/ctm/brute";
import { completeDistribution } from "../../../src/core/ctm/complete";
import { emptyTreeCounts, enumerateTree } from "../../../src/core/ctm/tree";

// Full (3,2) brute force: 7 529 536 machines × 2 blanks, ~15 s on a busy core. Kept in its own file.
it("brute force over all (3,2) machine numbers equals the tree enumeration", () => {
  const acc = emptyTreeCounts();
  enumerateTree({ states: 3, maxSteps: 21 }, acc);
  const d = completeDistribution(3, 21, acc);
  const b = bruteForce({ states: 3, maxSteps: 21 });
  expect(BigInt(b.halting)).toBe(d.halting);
  expect(b.counts.size).toBe(d.counts.size);
  for (const [s, v] of b.counts) expect(d.counts.get(s), s).toBe(BigInt(v));
}, 120_000);

// Pruning safety at n = 4 (escapee, reachability, cycles, translated cycles): ~360 M unpruned steps.
it("the unpruned (4,2) tree gives the same D(4) as the pruned one, and a 300-step cut-off changes nothing", () => {
  const run = (maxSteps: number, prune: boolean) => {
    const acc = emptyTreeCounts();
    enumerateTree({ states: 4, maxSteps, prune }, acc);
    return completeDistribution(4, maxSteps, acc);
  };
  const pruned = run(107, true);
  for (const other of [run(107, false), run(300, true)]) {
    expect(other.halting).toBe(pruned.halting);
    expect(other.counts).toEqual(pruned.counts);
  }
}, 300_000);

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

/** The prefix-code prior: Kraft total (closed form), enumeration counts, ordering by bits. */
import { describe, expect, it } from "vitest";
import { enumerateSkeletons } from "../../../src/core/symbolic/enumerate";
import { codedSymbols, kraftTotal, makeGrammar, structureBits } from "../../../src/core/symbolic/grammar";
import { ParamError } from "../../../src/core/errors";
import { constantCount, key, type Expr } from "../../../src/core/symbolic/expr";

/** Number of unpruned trees with L coded symbols: T(1) = 2, T(L) = (U + P) T(L−1) + B Σ_{i+j=L−1} T(i) T(j). */
function treeCounts(U: number, P: number, B: number, max: number): number[] {
  const T = [0, 2];
  for (let L = 2; L <= max; L++) {
    let s = (U + P) * T[L - 1]!;
    for (let i = 1; i <= L - 2; i++) s += B * T[i]! * T[L - 1 - i]!;
    T.push(s);
  }
  return T;
}

describe("grammar prior", () => {
  it("Kraft total: 1/2 for the full alphabet (4q² − 6q + 2 = 0), 1 for critical or unary-only alphabets", () => {
    expect(kraftTotal(makeGrammar())).toBeCloseTo(0.5, 14);
    // Alphabet {x, c, add, mul}: p = 1/4, q = 2/4 + (2/4) q² → q² − 2q + 1 = 0 → q = 1 (critical process).
    expect(kraftTotal(makeGrammar(["add", "mul"]))).toBeCloseTo(1, 6);
    // Only unary ops {sin}: q = (2/3) / (1 − 1/3) = 1.
    expect(kraftTotal(makeGrammar(["sin"]))).toBeCloseTo(1, 12);
  });
  it("unpruned enumeration produces exactly the counted trees, each coded with log2|A| bits per symbol", () => {
    const g = makeGrammar();
    const all = enumerateSkeletons(g, { maxSymbols: 5, maxConstants: 99, prune: false });
    const counts = treeCounts(5, 1, 4, 5);
    for (let L = 1; L <= 5; L++) expect(all.filter((e) => codedSymbols(e) === L).length).toBe(counts[L]);
    expect(new Set(all.map(key)).size).toBe(all.length);
    // Partial Kraft sums from the enumeration are below the closed-form total and increase with L.
    let sum = 0;
    for (const e of all) sum += 2 ** -structureBits(e, g);
    expect(sum).toBeLessThanOrEqual(0.5);
    // Partial sums Σ_L T(L) 12^−L (recursion on the scaled counts, which would overflow unscaled) converge to 1/2.
    const t = [0, 2 / 12];
    for (let L = 2; L <= 400; L++) {
      let s = (6 / 12) * t[L - 1]!;
      for (let i = 1; i <= L - 2; i++) s += (4 / 12) * t[i]! * t[L - 1 - i]!;
      t.push(s);
    }
    const partial = t.reduce((a, b) => a + b, 0);
    expect(partial).toBeGreaterThan(0.49);
    expect(partial).toBeLessThanOrEqual(0.5 + 1e-12);
  });
  it("pruned enumeration is in order of non-decreasing least bits (structure + 2 per constant), no duplicate spelling", () => {
    const g = makeGrammar();
    const list = enumerateSkeletons(g, { maxSymbols: 5, maxConstants: 2 });
    const least = (e: Expr) => structureBits(e, g) + 2 * constantCount(e);
    for (let i = 1; i < list.length; i++) expect(least(list[i]!)).toBeGreaterThanOrEqual(least(list[i - 1]!));
    // A budget keeps a prefix of that order.
    expect(enumerateSkeletons(g, { maxSymbols: 5, maxConstants: 2, maxSkeletons: 100 }).map(key)).toEqual(list.slice(0, 100).map(key));
    expect(new Set(list.map(key)).size).toBe(list.length);
    expect(list.map(key)).toContain("pow(x,c)");
    expect(list.map(key)).not.toContain("add(x,x)");
    expect(list.map(key)).not.toContain("sin(c)");
  });
  it("rejects unknown or repeated operators", () => {
    expect(() => makeGrammar(["add", "tan"])).toThrow(ParamError);
    expect(() => makeGrammar(["add", "add"])).toThrow(ParamError);
  });
});

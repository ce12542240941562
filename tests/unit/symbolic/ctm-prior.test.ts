import { describe, expect, it } from "vitest";
import { bdm1 } from "../../../src/core/ctm/bdm";
import { pybdmTable1D } from "../../../src/core/ctm/data";
import { fromString } from "../../../src/core/programs/bits";
import { ctmComplexity, ctmLibraryOptions, rankAlternatives, rankEcaRules, ruleBits, ruleTable } from "../../../src/core/programs/ctm-prior";
import { patternClasses, spaceTime } from "../../../src/core/programs/eca";
import { runProgram } from "../../../src/core/programs/language";
import { synthesize } from "../../../src/core/programs/synthesize";
import { createRng } from "../../../src/core/rng";

const K = ctmComplexity();

describe("CTM as the price of literal strings", () => {
  it("is a sub-prefix code over all strings of 1–12 bits (Kraft: Σ 2^−CTM ≤ 1)", () => {
    let z = 0;
    for (let L = 1; L <= 12; L++) for (let v = 0; v < 1 << L; v++) z += 2 ** -K(v.toString(2).padStart(L, "0"));
    expect(z).toBeLessThanOrEqual(1);
    expect(z).toBeGreaterThan(0.99);
  });

  it("looks short strings up in the D(5) table and uses BDM beyond 12 bits", () => {
    const t = pybdmTable1D();
    expect(K("0101")).toBe(t.lookup("0101"));
    const long = "0110100110010110";
    expect(K(long)).toBeCloseTo(bdm1(fromString(long), t, { block: 12, boundary: "recursive" }), 12);
    expect(() => K("")).toThrow(RangeError);
  });

  it("is invariant under complement and reversal, and grows with repetitions of a pattern", () => {
    expect(K("0011")).toBe(K("1100"));
    expect(K("001011")).toBe(K("110100"));
    expect(K("01")).toBeLessThan(K("0101"));
    expect(K("0101")).toBeLessThan(K("010101"));
  });
});

describe("rankAlternatives: programs consistent with a short object, ranked by CTM", () => {
  it("ranks the shortest period first and its multiples after it, in order", () => {
    const r = rankAlternatives(fromString("010101010101"));
    expect(r[0]!.description).toBe("repeat(01)");
    const repeats = r.filter((a) => a.program.base.kind === "repeat" && !a.program.complement && !a.program.reverse).map((a) => a.description);
    expect(repeats.slice(0, 4)).toEqual(["repeat(01)", "repeat(0101)", "repeat(010101)", "repeat(01010101)"]);
    for (const a of r) expect(a.exceptions).toBe(0);
  });

  it("prefers the Thue–Morse morphism to every pattern, by a wider margin under CTM than under the literal code", () => {
    const tm = "011010011001";
    const ctm = rankAlternatives(fromString(tm));
    const lit = rankAlternatives(fromString(tm), { prior: "literal" });
    expect(ctm[0]!.description).toBe("morphism(0→01, 1→10)");
    expect(lit[0]!.description).toBe("morphism(0→01, 1→10)");
    const margin = (r: typeof ctm) => r.find((a) => a.program.base.kind === "repeat")!.bits - r[0]!.bits;
    expect(margin(ctm)).toBeGreaterThan(margin(lit));
  });

  it("breaks ties the literal code leaves: equally long patterns get different CTM prices", () => {
    const r = rankAlternatives(fromString("011010011001"), { prior: "literal" });
    const tens = r.filter((a) => a.program.base.kind === "repeat" && (a.program.base as { w: string }).w.length === 10);
    expect(new Set(tens.map((a) => a.bits)).size).toBe(1);
    const ctmBits = new Set(tens.map((a) => K((a.program.base as { w: string }).w)));
    expect(ctmBits.size).toBeGreaterThan(1);
  });

  it("tolerates exceptions by MDL: with one flipped bit the best program still prints the clean pattern", () => {
    const clean = fromString("001001001001001001001001");
    const d = Uint8Array.from(clean);
    d[7] ^= 1;
    const r = rankAlternatives(d, { maxExceptions: 2 });
    expect(runProgram(r[0]!.program, 24)).toEqual(clean);
    expect(r[0]!.exceptions).toBe(1);
  });

  it("rejects objects it cannot rank", () => {
    expect(() => rankAlternatives(new Uint8Array(0))).toThrow();
    expect(() => rankAlternatives(new Uint8Array(65))).toThrow();
  });
});

describe("synthesis with the CTM prior", () => {
  it("recovers repeat(001011) from 200 bits with 5% flips", () => {
    const rng = createRng(3);
    const clean = runProgram({ base: { kind: "repeat", w: "001011" }, complement: false, reverse: false }, 200);
    const noisy = Uint8Array.from(clean, (b) => b ^ (rng() < 0.05 ? 1 : 0));
    const best = synthesize(noisy, ctmLibraryOptions())[0]!;
    expect(runProgram(best.program!, 200)).toEqual(clean);
  });
});

describe("ECA rules as 8-bit objects", () => {
  it("normalises the CTM rule prior to a probability (Σ 2^−bits = 1)", () => {
    let z = 0;
    for (let r = 0; r < 256; r++) z += 2 ** -ruleBits(r);
    expect(z).toBeCloseTo(1, 12);
    expect(ruleBits(30, "literal")).toBe(8);
    expect(ruleTable(30)).toBe("00011110");
  });

  it("ranks rule 0 first for an all-zero pattern under CTM, where the uniform prior ties 128 rules", () => {
    const rows = spaceTime(0, new Uint8Array(11), 5);
    const ctm = rankEcaRules(rows);
    expect(ctm[0]!.rule).toBe(0);
    const uni = rankEcaRules(rows, { prior: "literal" });
    expect(uni.filter((s) => s.bits === uni[0]!.bits)).toHaveLength(128);
  });

  it("identifies every one of the 256 rules from a random 31-cell row in 15 steps (up to identical patterns)", () => {
    const rng = createRng(1);
    const seed = Uint8Array.from({ length: 31 }, () => (rng() < 0.5 ? 1 : 0));
    const classes = patternClasses(seed, 15);
    for (let rule = 0; rule < 256; rule++) {
      const top = rankEcaRules(spaceTime(rule, seed, 15), { top: 1 })[0]!;
      expect(classes.get(rule)).toContain(top.rule);
      expect(top.exceptions).toBe(0);
    }
  });

  it("keeps the true rule first under 5% cell flips (rule 30)", () => {
    const rng = createRng(2);
    const seed = Uint8Array.from({ length: 31 }, () => (rng() < 0.5 ? 1 : 0));
    const rows = spaceTime(30, seed, 15).map((r, t) => (t === 0 ? r : Uint8Array.from(r, (v) => v ^ (rng() < 0.05 ? 1 : 0))));
    expect(rankEcaRules(rows)[0]!.rule).toBe(30);
  });
});

/** Sequence programs: outputs against known prefixes, MDL synthesis under noise, ECA rule identification. */
import { describe, expect, it } from "vitest";
import { fromString, toString, exceptionBits, log2Binomial } from "../../../src/core/programs/bits";
import { centreColumn, ecaStep, identifyRules, patternClasses, spaceTime } from "../../../src/core/programs/eca";
import { programBits, runProgram, type Base } from "../../../src/core/programs/language";
import { synthesize } from "../../../src/core/programs/synthesize";
import { buildLibrary } from "../../../src/core/programs/library";
import { createRng } from "../../../src/core/rng";
import { ParamError } from "../../../src/core/errors";

const prog = (base: Base, complement = false, reverse = false) => ({ base, complement, reverse });

describe("program outputs (known sequences, OEIS)", () => {
  it("Thue–Morse A010060, Fibonacci word A003849, period doubling A096268, counters", () => {
    expect(toString(runProgram(prog({ kind: "morphism", a: "01", b: "10" }), 32))).toBe("01101001100101101001011001101001");
    expect(toString(runProgram(prog({ kind: "morphism", a: "01", b: "0" }), 21))).toBe("010010100100101001010");
    expect(toString(runProgram(prog({ kind: "morphism", a: "01", b: "00" }), 16))).toBe("0100010101000100");
    expect(toString(runProgram(prog({ kind: "counter", base: "binary" }), 17))).toBe("01101110010111011");
    expect(toString(runProgram(prog({ kind: "counter", base: "unary" }), 12))).toBe("101101110111");
    // 0010010 → complement 1101101 → reverse 1011011
    expect(toString(runProgram(prog({ kind: "repeat", w: "001" }, true, true), 7))).toBe("1011011");
  });
  it("rule 30 from a single 1: step by hand, and the centre column A051023", () => {
    expect(toString(ecaStep(30, fromString("0001000")))).toBe("0011100");
    expect(toString(ecaStep(30, fromString("0011100")))).toBe("0110010");
    expect(toString(centreColumn(30, 20))).toBe("11011100110001011001");
  });
  it("description lengths are prefix-code lengths (Elias gamma arguments)", () => {
    // header 4 + kind bit 1 + γ(6) = 5 + 6 pattern bits
    expect(programBits(prog({ kind: "repeat", w: "001011" }))).toBe(16);
    expect(programBits(prog({ kind: "eca", rule: 30 }))).toBe(12);
    expect(exceptionBits(200, 10)).toBeCloseTo(Math.log2(101) + log2Binomial(200, 10), 12);
    expect(exceptionBits(10, 6)).toBe(Infinity);
  });
});

describe("complexity seam (for CTM/BDM)", () => {
  it("a supplied literal complexity prices programs and reorders the library", () => {
    const K = (s: string) => (s === "001011" ? 1 : 40);
    const lib = buildLibrary(60, { literal: K, literalId: "test-K" });
    const i = lib.programs.findIndex((p) => p.base.kind === "repeat" && p.base.w === "001011" && !p.complement && !p.reverse);
    expect(lib.bits[i]).toBe(4 + 1 + 1);
    expect(Math.min(...lib.bits)).toBe(5); // the counters (4 + 1) stay cheapest
    expect(buildLibrary(60).bits[buildLibrary(60).programs.findIndex((p) => p.base.kind === "repeat" && p.base.w === "001011")]).toBe(16);
  });
});

describe("synthesis by MDL", () => {
  it("finds the generating program of clean sequences", () => {
    const cases: Base[] = [
      { kind: "morphism", a: "01", b: "10" },
      { kind: "repeat", w: "0010111" },
      { kind: "eca", rule: 30 },
      { kind: "eca", rule: 110 },
      { kind: "counter", base: "binary" },
    ];
    for (const base of cases) {
      const data = runProgram(prog(base), 150);
      const [best] = synthesize(data);
      expect(best!.exceptions).toBe(0);
      expect(toString(runProgram(best!.program!, 150))).toBe(toString(data));
      expect(best!.bits).toBeLessThan(150);
    }
  });
  it("tolerates 5% bit flips: repeat(001011) is still first, with the flips as exceptions", () => {
    const rng = createRng(4);
    for (let rep = 0; rep < 20; rep++) {
      const data = runProgram(prog({ kind: "repeat", w: "001011" }), 200);
      let flips = 0;
      for (let i = 0; i < 200; i++) if (rng() < 0.05) (data[i] = 1 - data[i]!), flips++;
      const [best, second] = synthesize(data);
      expect(best!.description).toBe("repeat(001011)");
      expect(best!.exceptions).toBe(flips);
      expect(second!.bits).toBeGreaterThanOrEqual(best!.bits);
    }
  });
  it("random data are incompressible: P(best < n − c bits) ≤ 2^−c (Kraft), checked at c = 3", () => {
    const rng = createRng(9);
    const R = 200;
    let compressed = 0;
    for (let rep = 0; rep < R; rep++) {
      const data = Uint8Array.from({ length: 120 }, () => (rng() < 0.5 ? 1 : 0));
      const best = synthesize(data)[0]!;
      expect(best.bits).toBeLessThanOrEqual(120); // the literal is always available
      if (best.bits < 120 - 3) compressed++;
    }
    expect(compressed / R).toBeLessThanOrEqual(1 / 8 + 3 * Math.sqrt((1 / 8) * (7 / 8) / R));
    expect(() => synthesize(new Uint8Array(0))).toThrow(ParamError);
  });
});

describe("ECA rule identification, all 256 rules", () => {
  const rng = createRng(2026);
  const randomSeed = Uint8Array.from({ length: 21 }, () => (rng() < 0.5 ? 1 : 0));
  const single = new Uint8Array(21);
  single[10] = 1;
  for (const [name, seed] of [["a seeded random row", randomSeed], ["a single 1", single]] as const) {
    it(`from ${name}: the consistent rules are exactly the rule's class of identical patterns`, () => {
      const classes = patternClasses(seed, 12);
      let sizes = 0;
      for (let r = 0; r < 256; r++) {
        const found = identifyRules(spaceTime(r, seed, 12));
        expect(found).toContain(r);
        expect(found).toEqual(classes.get(r));
        sizes += found.length;
      }
      if (name === "a single 1") expect(sizes).toBeGreaterThan(256); // many rules coincide from one cell
    });
  }
  it("from a de Bruijn row (all 8 neighbourhoods at step 0) every rule is identified uniquely", () => {
    const seed = fromString("00010111");
    for (let r = 0; r < 256; r++) expect(identifyRules(spaceTime(r, seed, 1))).toEqual([r]);
  });
  it("a contradictory pattern matches no rule", () => {
    expect(identifyRules([fromString("000"), fromString("100")])).toEqual([]);
  });
});

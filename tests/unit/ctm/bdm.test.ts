import { describe, expect, it } from "vitest";
import { bdm1, blockEntropy1, decompose1, nbdm1, nent1 } from "../../../src/core/ctm/bdm";
import { bdm2, blockEntropy2, matrixFromRows, nbdm2, nent2 } from "../../../src/core/ctm/bdm2d";
import { compressedBits, packBits, shannonEntropy } from "../../../src/core/ctm/compare";
import { d4Table, pybdmTable1D, pybdmTable2D } from "../../../src/core/ctm/data";
import { canonicalKey, complement, orbitKey, reverse } from "../../../src/core/ctm/strings";
import { parseBits } from "../../../src/core/ctm/parse";

// Expected values: pybdm tests/test_bdm.py and tests/data/bdm-b2-d4x4-test-input.tsv (MIT, © 2019 Szymon Talaga),
// as recorded in shared/research/ctm-notes.md §3.1; acss test value for K("01011100").
const b = (s: string) => parseBits(s);
const s0 = "0".repeat(24), s1 = "0".repeat(12) + "1".repeat(12), s2 = "0".repeat(6) + "1".repeat(12) + "0".repeat(18) + "1".repeat(12);
const v196 = "0001111011011101100101101000110000110110110000100100010111001010011100101000101001101000001011100000101011111111111100110000110111011010010000000100010101010111111000111100110110000101110110011011";

describe("CTM lookup (pybdm 1-D table, D(5))", () => {
  const t = pybdmTable1D();
  it("returns the published values, canonicalising by complement", () => {
    expect(t.lookup("0")).toBe(2.5142767361233522);
    expect(t.lookup("1")).toBe(2.5142767361233522);
    expect(t.lookup("01")).toBe(3.3274392037713696);
    expect(t.lookup("000")).toBe(5.396192979238844);
    expect(t.lookup("1010")).toBe(8.258704003348441);
    expect(t.lookup("01011100")).toBe(22.003006945849474);
    expect(t.lookup("111111111111")).toBe(25.610413747641715);
    expect(t.lookup("0".repeat(13))).toBeUndefined();
  });
  it("is reversal-symmetric on every length ≤ 12 (the table has no reversal folding of its own)", () => {
    for (let L = 1; L <= 12; L++) {
      for (let x = 0; x < 2 ** L; x += 37) {
        const s = x.toString(2).padStart(L, "0");
        expect(t.lookup(reverse(s))).toBe(t.lookup(s));
      }
    }
  });
  it("published denominator form: 2^(−K)·1 724 315 972 168 is an integer", () => {
    for (const s of ["0", "00", "000", "0101", "01011100"]) {
      const c = 2 ** -t.lookup(s)! * 1724315972168;
      expect(Math.abs(c - Math.round(c)) / c).toBeLessThan(1e-9);
    }
    expect(2 ** -t.lookup("0")! * 1724315972168).toBeCloseTo(22 ** 9 / 4, 0);
  });
  it("our D(4) table is exact and symmetric", () => {
    const d4 = d4Table();
    expect(d4.lookup("0")).toBeCloseTo(-Math.log2(1224440064 / 5970768960), 12);
    expect(d4.lookup("0110")).toBe(d4.lookup("1001"));
  });
});

describe("strings", () => {
  it("complement, reverse, canonical and orbit keys", () => {
    expect(complement("0110")).toBe("1001");
    expect(reverse("0011")).toBe("1100");
    expect(canonicalKey("1101")).toBe("0010");
    expect(orbitKey("1101")).toBe("0010");
    expect(orbitKey("1000")).toBe("0001");
  });
});

describe("1-D BDM reproduces pybdm", () => {
  const t = pybdmTable1D();
  it("bdm (ignore, block 12)", () => {
    expect(bdm1(b(s0), t)).toBeCloseTo(26.610413747641715, 12);
    expect(bdm1(b(s1), t)).toBeCloseTo(51.22082749528343, 12);
    expect(bdm1(b(s2), t)).toBeCloseTo(114.06151272200972, 12);
  });
  it("block entropy", () => {
    expect(blockEntropy1(b(s0))).toBe(0);
    expect(blockEntropy1(b(s1))).toBeCloseTo(1, 12);
    expect(blockEntropy1(b(s2))).toBeCloseTo(2, 12);
  });
  it("normalised bdm", () => {
    expect(nbdm1(b("1".repeat(30)), t)).toBe(0);
    expect(nbdm1(b("010001100010001"), t)).toBeCloseTo(0.648665654727082, 12);
    expect(v196.length).toBe(196);
    expect(nbdm1(b(v196), t)).toBeCloseTo(0.8924514180488615, 12);
  });
  it("normalised block entropy", () => {
    expect(nent1(b("1".repeat(30)))).toBe(0);
    expect(nent1(b(s1))).toBeCloseTo(1, 12);
  });
  it("acss-style sums with the correlated boundary (from the formula)", () => {
    const x = b("01".repeat(9));
    // Windows of 12 at offsets 0…6: 010101010101 ×4 and 101010101010 ×3 (raw blocks distinct).
    const k = t.lookup("010101010101")!;
    expect(bdm1(x, t, { block: 12, boundary: "correlated" })).toBeCloseTo(2 * k + Math.log2(4) + Math.log2(3), 12);
    expect(() => nbdm1(x, t, { boundary: "correlated" })).toThrow(RangeError);
  });
  it("recursive keeps a leftover of length ≥ 2 as one block", () => {
    const x = b("01".repeat(9));
    expect(bdm1(x, t, { boundary: "recursive" })).toBeCloseTo(t.lookup("010101010101")! + t.lookup("010101")!, 12);
    expect(bdm1(b("0".repeat(13)), t, { boundary: "recursive" })).toBeCloseTo(t.lookup("0".repeat(12))!, 12);
  });
  it("a block missing from the table costs max + 1", () => {
    const d4 = d4Table();
    const missing = "011010011010"; // not produced by any (4,2) machine within 107 steps
    expect(d4.lookup(missing)).toBeUndefined();
    const max = Math.max(...Array.from(d4.shape("12")!.descending));
    expect(bdm1(b(missing), d4)).toBeCloseTo(max + 1, 12);
  });
  it("rejects bad options", () => {
    expect(() => decompose1(b("0101"), { block: 13 })).toThrow(RangeError);
    expect(() => decompose1(b("0101"), { block: 4, offset: 5 })).toThrow(RangeError);
    expect(() => decompose1(b("0101"), { block: 4, offset: 2, boundary: "recursive" })).toThrow(RangeError);
  });
});

describe("2-D BDM reproduces pybdm (4×4 blocks, ignore)", () => {
  const t = pybdmTable2D();
  const rows: [string, number][] = [
    ["00000001-00010001-11110001-10000001", 56.359570016884945],
    ["00001111-00011111-11111111-10011111", 54.62895862824821],
    ["00001000-00011000-11111000-10001000", 56.359570016884945],
    ["00000000-00010000-11110000-10100000", 50.73763518824672],
    ["1110001100010111010011111-0101100110101100100110001-0101111101101011100101111-1000111100011000000001110-0101010111000001000011110-1010100011001011100001101-0011000110100010000111101-1111010011001101000100010-0010100001001100000111010-0011000011001110110000000-1111010000101011110110100-0101101001000010001001101-1000100011101100011110101-1101000101100011100010000-1001000101001100010101000-0000100111111001111101110-0001010110101001001100001-1010111011100111100011110-0010110000110011000001000-0000110101100100001001000-0010000000100101000000011", 924.8361220754371],
    ["100011011101111010110-101000110010000000011-000000001100101100111-000010100111100011011-110111111111011110100-110101111111011011010-111111110001100001110-100100010110100010100-011001100110100001010-011011011010110001110-100011101000101011010-110000100110011000111-000010101101100101111-110000100010001011001-110100110001110110000-100101101010001101101-111000111000111110001-100011101101011110111-001111001000111111111-000101001101101110010", 754.5081391908365],
  ];
  it.each(rows)("%s", (text, expected) => {
    expect(bdm2(matrixFromRows(text.split("-")), t)).toBeCloseTo(expected, 9);
  });
  it("docstring and nbdm values", () => {
    const ones = (n: number) => matrixFromRows(Array<string>(n).fill("1".repeat(n)));
    expect(bdm2(ones(12), t)).toBeCloseTo(25.176631293734488, 12);
    expect(nbdm2(ones(20), t)).toBe(0);
    expect(nbdm2(matrixFromRows(["0010", "1001", "0011", "1010"]), t)).toBeCloseTo(0.6139131118181638, 12);
    expect(blockEntropy2(ones(12))).toBe(0);
  });
  it("block entropy and normalised entropy (pybdm ent-b2-d4x4 test input)", () => {
    expect(blockEntropy2(matrixFromRows("11100011-00110010-11111011-11101110-11010100-10100111-11110101-10001101".split("-")))).toBeCloseTo(2, 12);
    const m16 = "0011100101101011-0101101010010000-0111101010110110-0110101011001010-1010101100011011-0110101100111111-1101001111001010-0010111010111001-1111101110010101-1101101110001110-0000001010101001-1000001000001000-0100111000010001-0101100001010011-0000110000011100-1010001101100001";
    expect(blockEntropy2(matrixFromRows(m16.split("-")))).toBeCloseTo(4, 12);
    expect(nent2(matrixFromRows(Array<string>(20).fill("1".repeat(20))))).toBe(0);
    expect(nent2(matrixFromRows([..."1111,1111,1111,1111,0000,0000,0000,0000".split(",")]))).toBeCloseTo(1, 12);
  });
  it("recursive boundary adds the leftover strips as smaller square blocks", () => {
    const m = matrixFromRows(Array<string>(6).fill("0".repeat(6)));
    // 6×6: one 4×4 block; right 4×2 strip → two 2×2; bottom 2×4 → two 2×2; corner 2×2 → one 2×2: five 2×2 in all.
    expect(bdm2(m, t, { boundary: "recursive" })).toBeCloseTo(t.shape("4x4")!.min + t.shape("2x2")!.min + Math.log2(5), 9);
  });
  it("rejects ragged or non-binary matrices", () => {
    expect(() => matrixFromRows(["01", "0"])).toThrow(RangeError);
    expect(() => matrixFromRows(["0a"])).toThrow(RangeError);
  });
});

describe("comparisons", () => {
  it("Shannon entropy per symbol", () => {
    expect(shannonEntropy(b("0000"))).toBe(0);
    expect(shannonEntropy(b("0101"))).toBe(1);
    expect(shannonEntropy(b("0001"))).toBeCloseTo(-(0.25 * Math.log2(0.25) + 0.75 * Math.log2(0.75)), 12);
  });
  it("packs bits most significant first and compresses repetitive input well", () => {
    expect(Array.from(packBits(b("100000011")))).toEqual([0x81, 0x80]);
    const periodic = b("01".repeat(50000));
    expect(compressedBits(periodic)).toBeLessThan(periodic.length / 50);
  });
});

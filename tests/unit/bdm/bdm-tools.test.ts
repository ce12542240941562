import { describe, expect, it } from "vitest";
import { analyse1D, analyse2D, analyseSet } from "../../../src/components/bdm/analysis";
import {
  DEFAULT_SET, emptyGrid, generateItem, parseBinaryInput, parseGrid, parseSet, parseTextInput, piBits, resizeGrid,
  textToBits, thueMorse, toggleCell, utf8BitLength,
} from "../../../src/components/bdm/input";
import { bdm1 } from "../../../src/core/ctm/bdm";
import { d5Table, pybdmTable1D, pybdmTable2D } from "../../../src/core/ctm/data";
import { parseBits } from "../../../src/core/ctm/parse";
import { load1D, load2D } from "../../../src/components/bdm/tables";

const t1 = pybdmTable1D();
const t2 = pybdmTable2D();
const ignore12 = { block: 12, offset: 12, boundary: "ignore" as const };

describe("text → bits", () => {
  it("encodes UTF-8 bytes, 8 bits each, most significant first", () => {
    expect(textToBits("A")).toBe("01000001");
    expect(textToBits("é")).toBe("1100001110101001");
    expect(textToBits("€")).toBe("111000101000001010101100");
    expect(textToBits("")).toBe("");
    expect(utf8BitLength("héllo")).toBe(48);
  });
  it("rejects empty and oversized text with a message", () => {
    expect(parseTextInput("")).toEqual({ ok: false, error: expect.stringContaining("empty") });
    const r = parseTextInput("x".repeat(125_001));
    expect(r.ok).toBe(false);
    expect(parseTextInput("x".repeat(125_000)).ok).toBe(true);
  });
});

describe("binary input", () => {
  it("accepts 0/1 and ignores whitespace", () => {
    expect(parseBinaryInput("0101 1100\n11")).toEqual({ ok: true, value: "0101110011" });
  });
  it("rejects non-binary, empty and too long input with plain text", () => {
    const bad = parseBinaryInput("01<script>");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/expected only 0 and 1, found "<" at position 3/);
    expect(parseBinaryInput("").ok).toBe(false);
    expect(parseBinaryInput("  ").ok).toBe(false);
    const long = parseBinaryInput("0".repeat(1_000_001));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error).toMatch(/at most 1000000/);
    expect(parseBinaryInput("1".repeat(1_000_000)).ok).toBe(true);
  });
});

describe("grids", () => {
  it("parse, toggle and resize", () => {
    expect(emptyGrid(4)).toBe("0000-0000-0000-0000");
    const g = parseGrid("0000-0100-0000-0001");
    expect(g.ok).toBe(true);
    if (!g.ok) return;
    expect(toggleCell(g.value, 1, 1)).toEqual(["0000", "0000", "0000", "0001"]);
    expect(resizeGrid(g.value, 5)).toEqual(["00000", "01000", "00000", "00010", "00000"]);
    expect(parseGrid("000-000-000").ok).toBe(false);
    expect(parseGrid("0000-000-0000-0000").ok).toBe(false);
    expect(parseGrid("0000-0a00-0000-0000").ok).toBe(false);
    expect(parseGrid(emptyGrid(17)).ok).toBe(false);
    expect(parseGrid("<script>").ok).toBe(false);
  });
});

describe("comparison set", () => {
  it("generates the named strings", () => {
    expect(thueMorse(16)).toBe("0110100110010110");
    // π = 3.243F6A8885A308D3… in hex
    expect(BigInt(`0b${piBits(64)}`).toString(16)).toBe("243f6a8885a308d3");
    expect(generateItem("period:011", 7).bits).toBe("0110110");
    expect(generateItem("zeros", 5).bits).toBe("00000");
    const s = generateItem("shuffle:7", 48).bits;
    expect([...s].filter((c) => c === "1")).toHaveLength(24);
    expect(generateItem("random:7", 48).bits).toBe(generateItem("random:7", 48).bits);
    expect(generateItem("random:7", 48).bits).not.toBe(generateItem("random:8", 48).bits);
    expect(generateItem("0110", 48).bits).toBe("0110");
  });
  it("rejects unknown items with a plain-text message", () => {
    expect(() => parseSet("zeros,<img src=x>", 48)).toThrow(/unknown item "<img src=x>"/);
    expect(() => parseSet("", 48)).toThrow(/at least one/);
    expect(() => parseSet(Array(13).fill("zeros").join(","), 48)).toThrow(/at most 12/);
    expect(() => parseSet("random:99999999999", 48)).toThrow();
    expect(parseSet(DEFAULT_SET, 48)).toHaveLength(7);
  });
  it("entropy and deflate do not separate what BDM separates (default set, n = 48)", () => {
    const rows = analyseSet(DEFAULT_SET.split(","), 48, t1, ignore12);
    const by = Object.fromEntries(rows.map((r) => [r.spec, r]));
    for (const k of ["period:01", "period:0011", "thue-morse", "shuffle:7"]) expect(by[k]!.shannon).toBe(1);
    expect(by["period:01"]!.bdm).toBeLessThan(by["thue-morse"]!.bdm);
    expect(by["thue-morse"]!.bdm).toBeLessThan(by["shuffle:7"]!.bdm);
    expect(by["zeros"]!.bdm).toBeLessThan(by["random:7"]!.bdm);
    // BDM agrees with the engine
    expect(by["pi"]!.bdm).toBe(bdm1(parseBits(by["pi"]!.bits), t1, ignore12));
  });
  it("reports CTM for strings of length ≤ 12", () => {
    const [row] = analyseSet(["01011100"], 12, t1, ignore12);
    expect(row!.ctm).toBeCloseTo(22.003006945849474, 9);
  });
});

describe("1-D analysis", () => {
  it("reproduces pybdm test vectors and lists blocks", () => {
    const a = analyse1D("0".repeat(24), t1, ignore12);
    expect(a.bdm).toBeCloseTo(26.610413747641715, 9);
    expect(a.rows).toEqual([expect.objectContaining({ block: "0".repeat(12), count: 2, missing: false })]);
    expect(a.windows).toHaveLength(2);
    const b = analyse1D("0".repeat(12) + "1".repeat(12), t1, ignore12);
    expect(b.bdm).toBeCloseTo(51.22082749528343, 9);
    expect(b.distinct).toBe(2);
    expect(b.blockEntropy).toBe(1);
  });
  it("counts leftovers and handles the recursive and correlated boundaries", () => {
    const s = "0101010101010101010101011";
    expect(analyse1D(s, t1, ignore12).uncovered).toBe(1);
    const rec = analyse1D(s + "0", t1, { block: 12, offset: 12, boundary: "recursive" });
    expect(rec.uncovered).toBe(0);
    expect(rec.rows.some((r) => r.shape === "2")).toBe(true);
    const cor = analyse1D(s, t1, { block: 12, offset: 1, boundary: "correlated" });
    expect(cor.blocks).toBe(14);
    expect(cor.nbdm).toBeNull();
  });
  it("throws plain-text errors for bad input", () => {
    expect(() => analyse1D("01x", t1, ignore12)).toThrow(/expected only 0 and 1/);
    expect(() => analyse1D("0101", t1, { block: 13, offset: 13, boundary: "ignore" })).toThrow(/block/);
  });
  it("analyses 10^6 bits", () => {
    let s = "";
    let x = 12345;
    for (let i = 0; i < 1_000_000; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      s += x & 0x10000 ? "1" : "0";
    }
    const a = analyse1D(s, t1, ignore12);
    expect(a.blocks).toBe(83_333);
    expect(a.distinct).toBeLessThanOrEqual(4096);
    expect(a.rows.length).toBeLessThanOrEqual(64);
  });
});

describe("2-D analysis", () => {
  it("reproduces pybdm's 2-D vectors", () => {
    const ones = Array(12).fill("1".repeat(12));
    expect(analyse2D(ones, t2, { block: 4, boundary: "ignore" }).bdm).toBeCloseTo(25.176631293734488, 9);
    const m = analyse2D(["0010", "1001", "0011", "1010"], t2, { block: 4, boundary: "ignore" });
    expect(m.nbdm).toBeCloseTo(0.6139131118181638, 9);
    expect(m.tiles).toEqual([{ r: 0, c: 0, side: 4, colour: 0, row: 0 }]);
    expect(m.rows[0]!.block).toBe("0010-1001-0011-1010");
  });
  it("tiles leftovers recursively", () => {
    const g = Array(10).fill("0".repeat(10));
    const ign = analyse2D(g, t2, { block: 4, boundary: "ignore" });
    expect(ign.tiles).toHaveLength(4);
    expect(ign.uncovered).toBe(36);
    const rec = analyse2D(g, t2, { block: 4, boundary: "recursive" });
    expect(rec.uncovered).toBe(0);
  });
});

describe("lazy tables", () => {
  it("load the same tables as the engine", async () => {
    // The calculator uses our D(5); pybdm's published table stays the test vectors' oracle.
    expect(await load1D()).toBe(d5Table());
    expect(Math.abs((await load1D()).lookup("01011100")! - t1.lookup("01011100")!)).toBeLessThan(1e-9);
    expect((await load2D()).shapeNames()).toEqual(t2.shapeNames());
  });
});

describe("chapter 10 propositions (property tests)", () => {
  // Deterministic pseudo-random strings of varied structure.
  function sample(seed: number, n: number, p: number): string {
    let x = seed >>> 0, s = "";
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      s += x / 2 ** 32 < p ? "1" : "0";
    }
    return s;
  }
  const cases = Array.from({ length: 40 }, (_, i) => sample(i + 1, 12 + ((i * 37) % 400), [0.5, 0.1, 0.02, 0.3][i % 4]!));

  it("prop:bdm-bounds: CTM-like lower bound, entropy-like upper bounds, 2^H ≤ k", () => {
    for (const s of cases) {
      for (const block of [1, 3, 8, 12]) {
        const a = analyse1D(s, t1, { block, offset: block, boundary: "ignore" });
        if (a.blocks === 0) continue;
        const N = a.blocks, k = a.distinct;
        const all = analyse1D(s, t1, { block, offset: block, boundary: "ignore" });
        expect(all.unlisted).toBe(Math.max(0, k - 64));
        const rows = all.rows;
        if (all.unlisted === 0) {
          const sumC = rows.reduce((x, r) => x + r.ctm, 0);
          const maxC = Math.max(...rows.map((r) => r.ctm));
          expect(maxC).toBeLessThanOrEqual(a.bdm + 1e-9);
          expect(sumC).toBeLessThanOrEqual(a.bdm + 1e-9);
          expect(a.bdm).toBeLessThanOrEqual(sumC + N * a.blockEntropy + Math.log2(N) + 1e-9);
          const cmax = t1.shape(String(block))!.missing;
          expect(a.bdm).toBeLessThanOrEqual(k * (cmax + Math.log2(N / k)) + 1e-9);
        }
        expect(2 ** a.blockEntropy).toBeLessThanOrEqual(k + 1e-9);
        expect(a.bdm).toBeGreaterThanOrEqual(t1.shape(String(block))!.min * 2 ** a.blockEntropy - 1e-9);
      }
    }
  });

  it("prop:bdm-histogram: rearranging blocks keeps BDM and block entropy; block size 1 sees counts only", () => {
    for (const s of cases) {
      const b = 4;
      const blocks = s.slice(0, s.length - (s.length % b)).match(/.{4}/g) ?? [];
      if (blocks.length < 2) continue;
      const shuffled = [...blocks].reverse().join("");
      const o = { block: b, offset: b, boundary: "ignore" as const };
      const x = analyse1D(blocks.join(""), t1, o), y = analyse1D(shuffled, t1, o);
      expect(y.bdm).toBeCloseTo(x.bdm, 9);
      expect(y.blockEntropy).toBeCloseTo(x.blockEntropy, 9);
      const one = analyse1D(s, t1, { block: 1, offset: 1, boundary: "ignore" });
      const n1 = [...s].filter((c) => c === "1").length, n0 = s.length - n1;
      const c0 = t1.lookup("0")!;
      const expected = (n0 ? c0 + Math.log2(n0) : 0) + (n1 ? c0 + Math.log2(n1) : 0);
      expect(one.bdm).toBeCloseTo(expected, 9);
    }
  });
});

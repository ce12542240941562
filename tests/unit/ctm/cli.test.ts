/** `npm run ctm` argument parsing (pure) plus one spawn per exit path of the real script. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CtmCliError, parseCtmArgs } from "../../../src/core/ctm/cli";
import { BitsError, MAX_BITS, parseBits } from "../../../src/core/ctm/parse";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function error(argv: string[]): string {
  try {
    parseCtmArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(CtmCliError);
    expect((e as CtmCliError).exitCode).toBe(2);
    return (e as Error).message;
  }
  throw new Error("expected a CtmCliError");
}

describe("parseBits", () => {
  it("accepts 0/1 strings up to the limit", () => {
    expect(Array.from(parseBits("0110"))).toEqual([0, 1, 1, 0]);
    expect(parseBits("1".repeat(MAX_BITS)).length).toBe(MAX_BITS);
  });
  it("rejects empty, non-binary and over-long input with one line", () => {
    expect(() => parseBits("")).toThrow(BitsError);
    expect(() => parseBits("01201")).toThrow(/found "2" at position 3/);
    expect(() => parseBits("0".repeat(MAX_BITS + 1))).toThrow(/at most 1000000 symbols/);
    expect(() => parseBits("01<script>")).toThrow(/found "<" at position 3/);
    expect(() => parseBits("0".repeat(13), 12)).toThrow(/at most 12/);
  });
});

describe("parseCtmArgs", () => {
  it("parses the three commands with defaults", () => {
    expect(parseCtmArgs(["enumerate", "--states", "3"])).toEqual({ kind: "enumerate", states: 3, workers: 1, format: "text" });
    expect(parseCtmArgs(["ctm", "0101", "--format", "json"])).toMatchObject({ kind: "ctm", table: "d5", format: "json" });
    expect(parseCtmArgs(["bdm", "0101"])).toMatchObject({ kind: "bdm", block: 12, offset: 12, boundary: "ignore" });
    expect(parseCtmArgs(["bdm", "0101", "--boundary", "correlated"])).toMatchObject({ offset: 1 });
    expect(parseCtmArgs(["bdm", "0101", "--block", "4", "--offset", "2"])).toMatchObject({ block: 4, offset: 2 });
    expect(parseCtmArgs([])).toEqual({ kind: "help" });
  });
  it("names the bad flag or value", () => {
    expect(error(["enumerate"])).toMatch(/--states: required/);
    expect(error(["enumerate", "--states", "5"])).toMatch(/--states: expected an integer in \[1, 4\]/);
    expect(error(["ctm", "0102"])).toMatch(/found "2"/);
    expect(error(["ctm", "0".repeat(13)])).toMatch(/at most 12/);
    expect(error(["bdm", ""])).toMatch(/empty string/);
    expect(error(["bdm", "01", "--block", "13"])).toMatch(/--block/);
    expect(error(["bdm", "01", "--offset", "13"])).toMatch(/--offset/);
    expect(error(["bdm", "01", "--boundary", "periodic"])).toMatch(/--boundary: expected one of/);
    expect(error(["bdm", "01", "--offset", "6", "--boundary", "recursive"])).toMatch(/offset = block/);
    expect(error(["bdm", "01", "--bogus", "1"])).toMatch(/unknown flag/);
    expect(error(["frobnicate"])).toMatch(/unknown command/);
    expect(error(["bdm", "01", "10"])).toMatch(/exactly one binary string/);
  });
});

describe("scripts/ctm.ts", () => {
  const run = (args: string[], input?: string) => spawnSync(process.execPath, ["--import", "tsx", "scripts/ctm.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000, input });
  it("prints JSON for good input", () => {
    const r = run(["bdm", "0".repeat(24), "--table", "pybdm", "--format", "json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ bdm: 26.610413747641715, blocks: 2 });
  });
  it("exits 2 with one stderr line and nothing on stdout for bad input (also via stdin)", () => {
    for (const r of [run(["bdm", "01a1"]), run(["bdm", "-"], "0".repeat(MAX_BITS + 1))]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

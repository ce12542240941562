/** The `symbolic` subcommand: pure argument and CSV parsing, and one spawned run of scripts/sim.ts each way. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliError } from "../../../src/core/cli/args";
import { ParamError } from "../../../src/core/errors";
import { parseSymbolicArgs, sampleLaw } from "../../../src/core/symbolic/cli";
import { parseCsv } from "../../../src/core/symbolic/csv";
import { parseLaw } from "../../../src/core/symbolic/parse";

describe("parseSymbolicArgs", () => {
  it("parses --law with defaults and options, and --data", () => {
    const c = parseSymbolicArgs(["--law", "-x^2 + 1", "--noise=0.1", "--n", "30", "--range", "-1,3", "--seed", "9", "--ops", "add,mul,pow"]);
    expect(c.kind).toBe("law");
    if (c.kind !== "law") return;
    expect([c.noise, c.n, c.range, c.seed, c.search.sigma, c.search.ops]).toEqual([0.1, 30, [-1, 3], 9, 0.1, ["add", "mul", "pow"]]);
    const d = parseSymbolicArgs(["--data", "points.csv"]);
    expect(d).toMatchObject({ kind: "data", file: "points.csv", noise: 0, seed: 1 });
    expect(parseSymbolicArgs(["--law", "x", "--help"])).toEqual({ kind: "help" });
  });
  it("one-line errors naming the flag", () => {
    const cases: [string[], RegExp][] = [
      [[], /exactly one of --law/],
      [["--law", "x", "--data", "a.csv"], /exactly one of --law/],
      [["--law", "x^^2"], /^--law: expected an expression in x.*position 3/],
      [["--law", "x", "--noise", "-1"], /^--noise: expected a number in \[0, 1000000\]/],
      [["--law", "x", "--n", "10001"], /^--n: expected an integer in \[3, 10000\]/],
      [["--law", "x", "--range", "2,1"], /^--range: expected two finite numbers a,b with a < b/],
      [["--law", "x", "--range", "1,inf"], /^--range:/],
      [["--law", "x", "--ops", "add,tan"], /^--ops: expected operators among/],
      [["--law", "x", "--bogus", "1"], /^unknown flag "--bogus"/],
      [["--law", "x", "--n", "5", "--n", "6"], /given more than once/],
      [["--data", "a.csv", "--n", "5"], /apply to --law only/],
      [["--law"], /^--law: missing value/],
    ];
    for (const [argv, re] of cases) {
      let err: unknown;
      try {
        parseSymbolicArgs(argv);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).message).toMatch(re);
      expect((err as CliError).message).not.toContain("\n");
    }
  });
  it("samples a law deterministically; a non-finite value is a ParamError", () => {
    const a = sampleLaw(parseLaw("x^2"), 5, [-1, 1], 0.1, 3);
    expect(sampleLaw(parseLaw("x^2"), 5, [-1, 1], 0.1, 3)).toEqual(a);
    expect(Array.from(a.xs)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(() => sampleLaw(parseLaw("log(x)"), 5, [-1, 1], 0, 1)).toThrow(ParamError);
  });
});

describe("parseCsv", () => {
  it("reads header or not, separators, blank lines", () => {
    expect(parseCsv("x,y\n1,2\n\n2, 4\n3;6.5\n")).toEqual({ xs: Float64Array.from([1, 2, 3]), ys: Float64Array.from([2, 4, 6.5]) });
    expect(parseCsv("1\t2\r\n2\t3\r\n-1e-3\t4")).toEqual({ xs: Float64Array.from([1, 2, -0.001]), ys: Float64Array.from([2, 3, 4]) });
  });
  it("rejects malformed rows, non-finite values, too few or too many rows", () => {
    const bad: [string, RegExp][] = [
      ["1,2\n2,abc\n3,4", /line 2/],
      ["1,2\n2,NaN\n3,4", /line 2/],
      ["1,2\n2,1e999\n3,4", /non-finite value on line 2/],
      ["1,2,3\n2,3,4\n3,4,5", /line 1/],
      ["x,y\n1,2", /1 data rows/],
      ["=cmd(),1\n1,2\n2,3", /line 1/],
      [Array.from({ length: 10_001 }, (_, i) => `${i},${i}`).join("\n"), /more than 10000 rows/],
    ];
    for (const [text, re] of bad) {
      let err: unknown;
      try {
        parseCsv(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ParamError);
      expect((err as ParamError).message).toMatch(re);
    }
  });
});

describe("scripts/sim.ts symbolic (spawned)", () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/sim.ts", "symbolic", ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  it("bad law or CSV: exit 2, one stderr line, empty stdout", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "sym-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "x,y\n1,2\n2,oops\n");
    for (const args of [["--law", "sin(x"], ["--data", bad], ["--data", join(dir, "missing.csv")]]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
  it("prints JSON with expression, latex, bits and pareto", { timeout: 120_000 }, () => {
    const r = run(["--law", "3*x + 1", "--n", "20"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ expression: "1 + 3 * x", latex: "1 + 3\\,x", n: 20, seed: 1 });
    expect(out.bits).toBeGreaterThan(0);
    expect(out.pareto.length).toBeGreaterThan(0);
    expect(out.pareto.at(-1).rmse).toBeLessThan(1e-9);
  });
});

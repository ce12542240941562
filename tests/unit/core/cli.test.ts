/** The runner's pure argument parsing and help (src/core/cli), plus one spawn of the real script. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CliError, globalHelp, modelHelp, parseArgs, RUN_OPTIONS } from "../../../src/core/cli/index";
import { models } from "../../../src/core/models/index";
import type { AnySpec } from "../../../src/core/schema";

const fail = (argv: string[]): CliError => {
  try {
    parseArgs(argv, models);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error(`expected ${argv.join(" ")} to fail`);
};

describe("parseArgs", () => {
  it("parses model flags (both --k v and --k=v), run options and defaults", () => {
    const cmd = parseArgs(["gaussian", "--n", "20", "--alpha=0.1", "--mu0", "-1.5", "--seed", "7", "--replicates", "3", "--format", "csv"], models);
    expect(cmd.kind).toBe("run");
    if (cmd.kind !== "run") return;
    expect(cmd.model.id).toBe("gaussian");
    expect(cmd.params).toMatchObject({ n: 20, alpha: 0.1, mu0: -1.5, generations: 100, estimator: "mle" });
    expect([cmd.seed, cmd.replicates, cmd.format]).toEqual([7, 3, "csv"]);
    const d = parseArgs(["regression"], models);
    expect(d.kind === "run" && [d.seed, d.replicates, d.format]).toEqual([RUN_OPTIONS.seed.default, RUN_OPTIONS.replicates.default, "json"]);
  });
  it("returns help for --help anywhere", () => {
    expect(parseArgs(["--help"], models)).toEqual({ kind: "help" });
    expect(parseArgs(["regression", "--d", "3", "-h"], models)).toEqual({ kind: "help", model: models.regression });
  });
  it("names the flag and the allowed range in one line", () => {
    const cases: [string[], RegExp][] = [
      [["gaussian", "--alpha", "2"], /^--alpha: expected a number in \[0, 1\], got "2"$/],
      [["gaussian", "--n", "1e99"], /^--n: expected an integer in \[2, 1000000\]/],
      [["gaussian", "--estimator", "<script>"], /^--estimator: expected one of mle \| unbiased/],
      [["regression", "--T", "6"], /^--T: expected an integer greater than d \+ 1 = 6/],
      [["gaussian", "--seed", "-1"], /^--seed: expected an integer in \[0, 4294967295\]/],
      [["gaussian", "--replicates", "0"], /^--replicates: expected an integer in \[1, 100000\]/],
      [["gaussian", "--format", "xml"], /^--format: expected one of json \| csv/],
      [["gaussian", "--n"], /^--n: missing value; expected an integer in \[2, 1000000\]$/],
      [["gaussian", "--bogus", "1"], /^unknown flag "--bogus" for model gaussian \(flags: --n, .*--format\)$/],
      [["gaussian", "--n", "3", "--n", "4"], /^--n: given more than once$/],
      [["gaussian", "stray"], /^unexpected argument "stray"/],
      [["nope"], /^unknown model "nope": expected one of (?:[a-zA-Z]+ \| )*gaussian/],
      [["--n", "3"], /^expected a model name before "--n"/],
      [[], /^missing model/],
      [["__proto__"], /^unknown model/],
      [["gaussian", "--constructor", "1"], /^unknown flag/],
      [["gaussian", "--generations", "10000", "--replicates", "100000"], /^--replicates: expected at most 1999 for these parameters/],
    ];
    for (const [argv, re] of cases) {
      const e = fail(argv);
      expect(e.message).toMatch(re);
      expect(e.message).not.toContain("\n");
      expect(e.exitCode).toBe(2);
    }
  });
  it("escapes hostile text in messages (one line, quoted, truncated)", () => {
    const e = fail(["gaussian", "--estimator", `a\nb${"x".repeat(500)}`]);
    expect(e.message).not.toContain("\n");
    expect(e.message.length).toBeLessThan(200);
  });
});

describe("help", () => {
  it("lists every flag of every model with label, range, default and unit", () => {
    const all = globalHelp(models);
    for (const model of Object.values(models)) {
      const own = modelHelp(model);
      for (const [name, spec] of Object.entries(model.schema.params as Record<string, AnySpec>)) {
        for (const text of [all, own]) {
          expect(text).toContain(`--${name} `);
          expect(text).toContain(spec.label);
          if (spec.unit) expect(text).toContain(`(${spec.unit})`);
        }
      }
      for (const name of Object.keys(RUN_OPTIONS)) expect(own).toContain(`--${name}`);
    }
    expect(modelHelp(models.gaussian!)).toContain("Allowed: a number in [0, 1]. Default: 0.");
  });
  it("no model uses a run-option name as a parameter", () => {
    for (const model of Object.values(models)) for (const name of Object.keys(RUN_OPTIONS)) expect(model.schema.params).not.toHaveProperty(name);
  });
});

describe("scripts/sim.ts (spawned)", () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/sim.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });

  it("exits 2 with one stderr line and an empty stdout on a bad value", () => {
    const r = run(["gaussian", "--alpha", "7"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--alpha");
    expect(r.stderr).toContain("[0, 1]");
  });
  it("prints valid JSON of the documented shape", () => {
    const r = run(["regression", "--generations", "3", "--replicates", "20", "--seed", "5"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["model", "params", "seed", "replicates", "version", "generations", "metrics", "theory"]);
    expect(out.model).toBe("regression");
    expect(out.seed).toBe(5);
    expect(out.generations).toEqual([0, 1, 2, 3]);
    expect(Object.keys(out.metrics.testError)).toEqual(["mean", "se", "q05", "q25", "q50", "q75", "q95"]);
    expect(out.theory.testError[0]).toBeCloseTo(5 / 44, 12);
  });
});

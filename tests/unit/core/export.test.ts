/** JSON result shape and tidy CSV (src/core/export.ts). */
import { describe, expect, it } from "vitest";
import { csvNumber, csvText, resultToJson, tidyCsv, CSV_HEADER } from "../../../src/core/export";
import { runEnsemble } from "../../../src/core/ensemble";
import { gaussian } from "../../../src/core/models/gaussian";
import { validateParams } from "../../../src/core/schema";

describe("export", () => {
  const params = validateParams(gaussian.schema, { n: 5, generations: 2 });
  const result = runEnsemble(gaussian, params, { seed: 3, replicates: 4, keepPaths: 4 });

  it("JSON has the documented keys and round-trips", () => {
    const json = resultToJson(result, "9.9.9");
    expect(Object.keys(json)).toEqual(["model", "params", "seed", "replicates", "version", "generations", "metrics", "theory"]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.version).toBe("9.9.9");
  });
  it("tidy CSV has one row per generation × replicate × metric with the raw values", () => {
    const lines = tidyCsv(result).trimEnd().split("\n");
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(1 + 3 * 4 * 5);
    expect(lines[1]).toBe("0,0,mu,0");
    const row = lines.find((l) => l.startsWith("2,3,sigma2,"))!;
    expect(Number(row.split(",")[3])).toBe(result.paths.sigma2![3]![2]);
  });
  it("spells non-finite numbers and defuses formula-like or comma text", () => {
    expect([csvNumber(Number.NaN), csvNumber(Infinity), csvNumber(-Infinity), csvNumber(0.1)]).toEqual(["NaN", "Inf", "-Inf", "0.1"]);
    expect(csvText("=cmd()")).toBe("'=cmd()");
    expect(csvText('a,"b"')).toBe('"a,""b"""');
    expect(csvText("share:hack")).toBe("share:hack");
  });
});

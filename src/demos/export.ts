/**
 * Demo downloads, built on src/core/export.ts (shared with the command-line runner).
 *
 * CSV columns: generation, replicate, metric, value. `replicate` is the summary name for ensemble rows
 * (mean, se, q05, q25, q50, q75, q95, and theory where the model has one), then the stream index for
 * the kept sample paths (the rows of core's tidyCsv).
 */
import type { RunResult } from "../core/ensemble";
import { csvNumber, csvText, resultToJson, tidyCsvChunks, type ResultJson } from "../core/export";

export const SUMMARY_ROWS = ["mean", "se", "q05", "q25", "q50", "q75", "q95"] as const;

export function toCsv(result: RunResult): string {
  const [header, ...pathChunks] = [...tidyCsvChunks(result)];
  const rows: string[] = [];
  for (const [metric, series] of Object.entries(result.metrics)) {
    const name = csvText(metric);
    result.generations.forEach((generation, g) => {
      const x = csvNumber(generation);
      for (const s of SUMMARY_ROWS) rows.push(`${x},${s},${name},${csvNumber(series[s][g]!)}`);
      const theory = result.theory[metric]?.[g];
      if (theory !== undefined) rows.push(`${x},theory,${name},${csvNumber(theory)}`);
    });
  }
  return `${header}${rows.join("\n")}\n${pathChunks.join("")}`;
}

/** The runner's JSON shape plus what a demo adds: where it came from, how to rerun it, the kept paths. */
export interface DemoJson extends ResultJson {
  site: { title: string; url: string };
  demo: string;
  command: string;
  paths: RunResult["paths"];
}

export function toJson(result: RunResult, meta: { title: string; version: string; url: string; demo: string; command: string }): string {
  const data: DemoJson = {
    site: { title: meta.title, url: meta.url },
    demo: meta.demo,
    command: meta.command,
    ...resultToJson(result, meta.version),
    paths: result.paths,
  };
  // JSON has no NaN/Infinity: write them as null rather than producing invalid JSON.
  return `${JSON.stringify(data, (_key, value) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2)}\n`;
}

/**
 * Tidy exports of a run. (Interim: src/core/export.ts is being written elsewhere; once it lands the
 * demo shell should call it and this file should shrink to the demo-specific JSON envelope.)
 *
 * CSV columns: generation, replicate, metric, value. `replicate` is a replicate index for kept sample
 * paths, or the summary name: mean, se, q05, q25, q50, q75, q95, theory.
 */
import type { RunResult } from "../core/ensemble";
import type { Params } from "../core/schema";

export const SUMMARY_ROWS = ["mean", "se", "q05", "q25", "q50", "q75", "q95"] as const;

export interface TidyRow {
  generation: number;
  replicate: string;
  metric: string;
  value: number;
}

export function tidyRows(result: RunResult): TidyRow[] {
  const rows: TidyRow[] = [];
  for (const [metric, series] of Object.entries(result.metrics)) {
    result.generations.forEach((generation, g) => {
      for (const name of SUMMARY_ROWS) rows.push({ generation, replicate: name, metric, value: series[name][g]! });
      const theory = result.theory[metric]?.[g];
      if (theory !== undefined) rows.push({ generation, replicate: "theory", metric, value: theory });
      (result.paths[metric] ?? []).forEach((path, r) => {
        if (g < path.length) rows.push({ generation, replicate: String(r), metric, value: path[g]! });
      });
    });
  }
  return rows;
}

/** RFC 4180 field: quoted when it holds a comma, quote or newline; formula-leading text is defused. */
export function csvField(value: string | number): string {
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : value > 0 ? "Inf" : value < 0 ? "-Inf" : "NaN") : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(result: RunResult): string {
  const lines = ["generation,replicate,metric,value"];
  for (const r of tidyRows(result)) lines.push([r.generation, r.replicate, r.metric, r.value].map(csvField).join(","));
  return `${lines.join("\n")}\n`;
}

export interface RunExport {
  site: { title: string; version: string; url: string };
  demo: string;
  model: string;
  params: Params;
  seed: number;
  replicates: number;
  command: string;
  result: RunResult;
}

/** JSON with the state first (so a reader sees what was run), then the full result. */
export function toJson(data: RunExport): string {
  // JSON has no NaN/Infinity: write them as null rather than producing invalid JSON.
  return `${JSON.stringify(data, (_key, value) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2)}\n`;
}

/**
 * Result export shared by the command-line runner and the demos' download buttons.
 *
 * - JSON: `{model, params, seed, replicates, version, generations, metrics: {name: {mean, se, q05, …}}, theory}`.
 * - Tidy CSV: one row per (generation, replicate, metric) with header `generation,replicate,metric,value`,
 *   from the raw paths kept in the RunResult (replicate = the replicate's stream index).
 */
import type { RunResult } from "./ensemble";
import type { Params } from "./schema";
import type { Series } from "./summary";

export interface ResultJson {
  model: string;
  params: Params;
  seed: number;
  replicates: number;
  /** Version of the site/package that produced the numbers (same version + params + seed = same numbers). */
  version: string;
  generations: number[];
  metrics: Record<string, Series>;
  theory: Record<string, number[]>;
}

/** The JSON result shape (no raw paths; non-finite numbers become null under JSON.stringify). */
export function resultToJson(result: RunResult, version: string): ResultJson {
  return {
    model: result.model,
    params: result.params,
    seed: result.seed,
    replicates: result.replicates,
    version,
    generations: result.generations,
    metrics: result.metrics,
    theory: result.theory,
  };
}

export const CSV_HEADER = "generation,replicate,metric,value";

/** A number as CSV text: shortest round-trip form; NaN/Inf spelled as R and pandas read them. */
export function csvNumber(v: number): string {
  if (Number.isFinite(v)) return String(v);
  return Number.isNaN(v) ? "NaN" : v > 0 ? "Inf" : "-Inf";
}

/** A text CSV field: quoted when needed (RFC 4180), and defused against spreadsheet formula injection. */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Tidy CSV in chunks (one chunk per kept replicate, each ending in a newline), so large exports can be
 * streamed. Rows are ordered by replicate, then generation, then metric.
 */
export function* tidyCsvChunks(result: Pick<RunResult, "generations" | "paths">): Generator<string> {
  yield `${CSV_HEADER}\n`;
  const names = Object.keys(result.paths);
  const kept = names.length === 0 ? 0 : Math.min(...names.map((n) => result.paths[n]!.length));
  const labels = names.map(csvText);
  for (let r = 0; r < kept; r++) {
    const rows: string[] = [];
    result.generations.forEach((gen, g) => {
      names.forEach((name, i) => rows.push(`${csvNumber(gen)},${r},${labels[i]},${csvNumber(result.paths[name]![r]![g]!)}`));
    });
    yield rows.join("\n") + "\n";
  }
}

/** The whole tidy CSV as one string. */
export function tidyCsv(result: Pick<RunResult, "generations" | "paths">): string {
  return [...tidyCsvChunks(result)].join("");
}

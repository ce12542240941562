/**
 * Machine explorer logic shared by the island and its build-time fallback (no DOM): machine numbers as
 * decimal strings (BigInt-safe), seeded random machines, the transition table in words, and the
 * space-time diagram as an SVG string.
 */
import { choicesOfNumber, decodeChoice, decodeMachine, machineCount, numberOfChoices, type Machine } from "../../core/ctm/machine";
import { runMachine, type RunResult } from "../../core/ctm/run";
import { createRng } from "../../core/rng";
import { CUTOFFS } from "./cutoffs";

/** BB(2) champion in the authors' numbering: halts after 6 steps on blank 0. */
export const DEFAULT_STATES = 2;
export const DEFAULT_MACHINE = "9715";

/** Parse a machine number typed by a reader: digits only, within the space of n-state machines. */
export function parseMachineNumber(states: number, text: string): { ok: true; value: bigint } | { ok: false; message: string } {
  const t = text.trim();
  const max = machineCount(states) - 1n;
  if (!/^\d+$/.test(t)) return { ok: false, message: `A machine number is a whole number from 0 to ${max.toString()}; "${t.slice(0, 40)}" is not.` };
  if (t.length > 40) return { ok: false, message: `Machine numbers for ${states} states go up to ${max.toString()}.` };
  const value = BigInt(t);
  if (value > max) return { ok: false, message: `Machine numbers for ${states} state${states === 1 ? "" : "s"} go from 0 to ${max.toString()}; ${t} is too large.` };
  return { ok: true, value };
}

/** A uniformly random machine number of the n-state space, from a seed (each table entry uniform). */
export function randomMachineNumber(states: number, seed: number): bigint {
  const rng = createRng(seed);
  const k = 4 * states + 2;
  const choices = Array.from({ length: 2 * states }, () => Math.floor(rng() * k));
  return numberOfChoices(states, choices);
}

const STATE_NAMES = "ABCDE";

/** One row of the transition table. */
export interface TableRow {
  state: string;
  read: number;
  /** Choice digit in the authors' numbering. */
  digit: number;
  action: string;
}

export function transitionTable(states: number, number: bigint): TableRow[] {
  const choices = choicesOfNumber(states, number);
  const rows: TableRow[] = [];
  for (let s = 0; s < states; s++) {
    for (let read = 0; read < 2; read++) {
      const c = choices[2 * s + read]!;
      const t = decodeChoice(c);
      const action = t.move === 0 ? `write ${t.write}, halt` : `write ${t.write}, move ${t.move === 1 ? "right" : "left"}, go to ${STATE_NAMES[t.next]}`;
      rows.push({ state: STATE_NAMES[s]!, read, digit: c, action });
    }
  }
  return rows;
}

export interface ExplorerRun {
  blank: 0 | 1;
  result: RunResult;
}

/** Run on both blanks with the exact cut-off S(n), recording the space-time history. */
export function exploreMachine(states: number, number: bigint): { machine: Machine; runs: ExplorerRun[]; maxSteps: number } {
  const machine = decodeMachine(states, number);
  const maxSteps = CUTOFFS[states]!;
  const runs = ([0, 1] as const).map((blank) => ({ blank, result: runMachine(machine, { blank, maxSteps, history: true }) }));
  return { machine, runs, maxSteps };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * Space-time diagram: one row per configuration (time downwards), one column per visited cell; dark = 1.
 * The head is outlined and its state written in the cell; the last row of a halting run is marked "halt".
 * At most `maxRows` rows are drawn (non-halters run to the cut-off).
 */
export function spaceTimeSvg(run: ExplorerRun, options: { id?: string; maxRows?: number; cell?: number; title?: string } = {}): string {
  const h = run.result.history!;
  const rows = Math.min(h.head.length, options.maxRows ?? 120);
  const cell = options.cell ?? (h.width > 24 ? 10 : 16);
  const left = 34, top = 18;
  const W = left + h.width * cell + 8, H = top + rows * cell + 6;
  const title = options.title ?? `Space-time diagram, blank ${run.blank}: ${run.result.halted ? `halts after ${run.result.steps} step${run.result.steps === 1 ? "" : "s"} with output ${run.result.output}` : `does not halt within ${run.result.steps} steps`}`;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="spacetime" ${options.id ? `id="${esc(options.id)}" ` : ""}viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-family="system-ui, sans-serif" font-size="${Math.min(11, cell - 3)}">`);
  parts.push(`<title>${esc(title)}</title>`);
  parts.push(`<text x="${left}" y="12" fill="currentColor" font-size="10">cells →</text>`);
  for (let t = 0; t < rows; t++) {
    const y = top + t * cell;
    if (t % 5 === 0 || t === rows - 1) parts.push(`<text x="${left - 4}" y="${y + cell - 4}" text-anchor="end" fill="currentColor" font-size="9">${t}</text>`);
    for (let x = 0; x < h.width; x++) {
      const v = h.cells[t * h.width + x]!;
      parts.push(`<rect x="${left + x * cell}" y="${y}" width="${cell}" height="${cell}" fill="${v ? "var(--ctm-one, #1f2937)" : "var(--ctm-zero, #f3f4f6)"}" stroke="var(--ctm-grid, #d1d5db)" stroke-width="0.5"/>`);
    }
    const hx = left + (h.head[t]! - h.origin) * cell;
    const st = h.state[t]!;
    parts.push(`<rect x="${hx + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill="none" stroke="var(--ctm-head, #dc2626)" stroke-width="2"/>`);
    if (cell >= 14) {
      const v = h.cells[t * h.width + (h.head[t]! - h.origin)]!;
      parts.push(`<text x="${hx + cell / 2}" y="${y + cell - 4}" text-anchor="middle" fill="${v ? "#fff" : "#111"}">${st < 0 ? "H" : STATE_NAMES[st]}</text>`);
    }
  }
  if (h.head.length > rows) parts.push(`<text x="${left}" y="${H - 1}" fill="currentColor" font-size="9">… ${h.head.length - rows} more rows</text>`);
  parts.push("</svg>");
  return parts.join("");
}

/** Plain-text summary of one run. */
export function describeRun(run: ExplorerRun, maxSteps: number): string {
  const r = run.result;
  return r.halted ? `Blank ${run.blank}: halts after ${r.steps} step${r.steps === 1 ? "" : "s"}; output ${r.output} (${r.output.length} visited cell${r.output.length === 1 ? "" : "s"}).` : `Blank ${run.blank}: still running after the cut-off of ${maxSteps} step${maxSteps === 1 ? "" : "s"} (counted as non-halting).`;
}

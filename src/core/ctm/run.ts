/**
 * Run one machine from a blank tape.
 *
 * Conventions (the ones that change every number, see README):
 * - The tape is two-way unbounded and starts filled with the blank symbol (0 or 1); the head starts at cell 0.
 * - Every transition is one step, the halting transition included; a halting transition writes and does not move.
 * - The machine halts if its halting transition is executed within the first `maxSteps` steps; otherwise it is
 *   classed non-halting (no other non-halting detection here, so `steps` = maxSteps for a non-halter).
 * - The output is the block of cells the head *visited* (leftmost to rightmost, start cell included), not the
 *   written or non-blank cells.
 */
import type { Machine } from "./machine";

export interface RunOptions {
  /** Blank symbol the tape starts with (0 or 1). Default 0. */
  blank?: 0 | 1;
  /** Step cut-off (≥ 1). */
  maxSteps: number;
  /** Record the full space-time history (one tape row per configuration). Default false. */
  history?: boolean;
}

/** Space-time history over the final visited range: row t is the tape before step t+1 (row `steps` is final). */
export interface SpaceTime {
  /** Tape position of column 0 (the leftmost visited cell). */
  origin: number;
  /** Number of columns (visited width). */
  width: number;
  /** Rows × width cells, row-major. */
  cells: Uint8Array;
  /** Head position (tape coordinate) per row. */
  head: Int32Array;
  /** State per row (0-based; −1 = halted, only possibly in the last row). */
  state: Int8Array;
}

export interface RunResult {
  halted: boolean;
  /** Steps executed (the halting step included). */
  steps: number;
  /** Visited block as a string of '0'/'1', read left to right. */
  output: string;
  /** Leftmost and rightmost visited tape positions (start cell = 0). */
  min: number;
  max: number;
  history?: SpaceTime;
}

let scratch = new Uint8Array(0);

/** Run machine `m` (see conventions above). */
export function runMachine(m: Machine, options: RunOptions): RunResult {
  const blank = options.blank ?? 0;
  const maxSteps = options.maxSteps;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new RangeError(`maxSteps must be a positive integer, got ${maxSteps}`);
  const size = 2 * maxSteps + 3;
  if (scratch.length < size) scratch = new Uint8Array(size);
  const tape = scratch;
  const origin = maxSteps + 1;
  tape.fill(blank, 0, size);
  const { write, move, next } = m;
  let head = origin, state = 0, steps = 0, lo = origin, hi = origin, halted = false;
  while (steps < maxSteps) {
    const e = 2 * state + tape[head]!;
    tape[head] = write[e]!;
    steps++;
    const d = move[e]!;
    if (d === 0) {
      halted = true;
      break;
    }
    head += d;
    state = next[e]!;
    if (head < lo) lo = head;
    else if (head > hi) hi = head;
  }
  let output = "";
  for (let i = lo; i <= hi; i++) output += tape[i] === 1 ? "1" : "0";
  const result: RunResult = { halted, steps, output, min: lo - origin, max: hi - origin };
  if (options.history) result.history = spaceTime(m, blank, steps, lo - origin, hi - origin);
  return result;
}

/** Replay the run, recording every configuration over the known visited range. */
function spaceTime(m: Machine, blank: 0 | 1, steps: number, min: number, max: number): SpaceTime {
  const width = max - min + 1;
  const cells = new Uint8Array((steps + 1) * width).fill(blank);
  const headRow = new Int32Array(steps + 1);
  const stateRow = new Int8Array(steps + 1);
  const row = new Uint8Array(width).fill(blank);
  let head = 0, state = 0;
  for (let t = 0; t <= steps; t++) {
    cells.set(row, t * width);
    headRow[t] = head;
    stateRow[t] = state;
    if (t === steps) break;
    const e = 2 * state + row[head - min]!;
    row[head - min] = m.write[e]!;
    if (m.move[e] === 0) {
      state = -1;
      cells.set(row, (t + 1) * width);
      headRow[t + 1] = head;
      stateRow[t + 1] = -1;
      break;
    }
    head += m.move[e]!;
    state = m.next[e]!;
  }
  return { origin: min, width, cells, head: headRow, state: stateRow };
}

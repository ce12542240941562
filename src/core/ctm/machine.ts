/**
 * Turing machines with n working states and 2 symbols in Radó's Busy Beaver formalism, numbered as in the
 * authors' simulator (Soler-Toscano et al. 2014; Delahaye & Zenil 2012).
 *
 * Conventions (see src/core/ctm/README.md):
 * - States are 0-based here: state 0 is the start state ("state 1" in the papers). Halt is separate.
 * - The table has one entry per (state, read symbol): entry index e = 2·state + symbol.
 * - Each entry is one of 4n+2 choices, encoded exactly like one digit of the authors' machine number:
 *   c < 2: write c and Halt (no move); otherwise c' = c − 2, write = c' mod 2, r = ⌊c'/2⌋,
 *   move Right if r is even else Left, next state = ⌊r/2⌋.
 * - Machine number N is written in base 4n+2; its least significant digit is entry (state n−1, symbol 0),
 *   then (n−1, 1), (n−2, 0), …, and the most significant digit is entry (0, 1).
 * So there are (4n+2)^(2n) machines: 36; 10 000; 7 529 536; 11 019 960 576; 26 559 922 791 424 for n = 1…5.
 */
import { bigPow } from "../math";

/** Largest number of states supported (the enumerators use bit masks over states). */
export const MAX_STATES = 5;

/** Move of one transition: +1 right, −1 left, 0 for a halting transition (which writes and does not move). */
export type Move = -1 | 0 | 1;

/** A machine as flat typed arrays indexed by entry e = 2·state + symbol. */
export interface Machine {
  /** Number of working states n (1…5). */
  states: number;
  /** Symbol written by each entry. */
  write: Uint8Array;
  /** Move of each entry (0 = halt). */
  move: Int8Array;
  /** Next state of each entry (−1 = Halt). */
  next: Int8Array;
}

/** Number of choices for one table entry: 4n + 2 (2 halting writes + 2 writes × 2 moves × n states). */
export function choicesPerEntry(states: number): number {
  return 4 * states + 2;
}

/** Size of the machine space (4n+2)^(2n), exact. */
export function machineCount(states: number): bigint {
  return bigPow(BigInt(choicesPerEntry(states)), 2 * states);
}

/** Decoded meaning of one digit (choice) c of an entry. */
export interface Transition {
  write: number;
  move: Move;
  /** Next state, 0-based; −1 for Halt. */
  next: number;
}

/** Decode one entry choice c ∈ [0, 4n+2) (the authors' digit convention). */
export function decodeChoice(c: number): Transition {
  if (c < 2) return { write: c, move: 0, next: -1 };
  const r1 = c - 2;
  const r2 = r1 >> 1;
  return { write: r1 & 1, move: (r2 & 1) === 0 ? 1 : -1, next: r2 >> 1 };
}

/** Inverse of decodeChoice. */
export function encodeChoice(t: Transition): number {
  if (t.move === 0 || t.next < 0) return t.write;
  return 2 + t.write + 2 * ((t.move === 1 ? 0 : 1) + 2 * t.next);
}

function checkStates(states: number): void {
  if (!Number.isInteger(states) || states < 1 || states > MAX_STATES) throw new RangeError(`states must be an integer in [1, ${MAX_STATES}], got ${states}`);
}

/** Build a machine from its entry choices, listed by entry index e = 2·state + symbol. */
export function machineFromChoices(states: number, choices: ArrayLike<number>): Machine {
  checkStates(states);
  const k = choicesPerEntry(states);
  if (choices.length !== 2 * states) throw new RangeError(`expected ${2 * states} entries, got ${choices.length}`);
  const m: Machine = { states, write: new Uint8Array(2 * states), move: new Int8Array(2 * states), next: new Int8Array(2 * states) };
  for (let e = 0; e < 2 * states; e++) {
    const c = choices[e]!;
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`entry ${e}: choice must be in [0, ${k}), got ${c}`);
    const t = decodeChoice(c);
    m.write[e] = t.write;
    m.move[e] = t.move;
    m.next[e] = t.next;
  }
  return m;
}

/** Entry choices (by entry index) of machine number N in the authors' numbering. */
export function choicesOfNumber(states: number, number: bigint | number): number[] {
  checkStates(states);
  let rest = BigInt(number);
  if (rest < 0n || rest >= machineCount(states)) throw new RangeError(`machine number out of range for ${states} states: ${number}`);
  const k = BigInt(choicesPerEntry(states));
  const choices = new Array<number>(2 * states);
  // Least significant digit first: (n−1, 0), (n−1, 1), (n−2, 0), … — i.e. e = 2(n−1−j) + symbol.
  for (let j = 0; j < states; j++) {
    const state = states - 1 - j;
    for (let symbol = 0; symbol < 2; symbol++) {
      choices[2 * state + symbol] = Number(rest % k);
      rest /= k;
    }
  }
  return choices;
}

/** Machine number N (authors' numbering) of a list of entry choices. */
export function numberOfChoices(states: number, choices: ArrayLike<number>): bigint {
  checkStates(states);
  const k = BigInt(choicesPerEntry(states));
  let n = 0n;
  for (let state = 0; state < states; state++) {
    for (let symbol = 1; symbol >= 0; symbol--) n = n * k + BigInt(choices[2 * state + symbol]!);
  }
  return n;
}

/** Decode machine number N. */
export function decodeMachine(states: number, number: bigint | number): Machine {
  return machineFromChoices(states, choicesOfNumber(states, number));
}

/** Encode a machine to its number N. */
export function encodeMachine(m: Machine): bigint {
  const choices: number[] = [];
  for (let e = 0; e < 2 * m.states; e++) choices.push(encodeChoice({ write: m.write[e]!, move: m.move[e] as Move, next: m.next[e]! }));
  return numberOfChoices(m.states, choices);
}

/**
 * Brute-force distribution: run every machine number N of (n,2) on the given blanks with the plain runner.
 * Slow (n ≤ 3), used only to cross-check the tree enumerator.
 */
import { choicesPerEntry, machineCount, machineFromChoices } from "./machine";
import { runMachine } from "./run";

export interface BruteOptions {
  states: number;
  maxSteps: number;
  /** Blanks to run (default both). */
  blanks?: readonly (0 | 1)[];
  /** Only machine numbers first, first+stride, … below `end` (default all). */
  first?: number;
  stride?: number;
}

/** Counts of outputs of halting (machine, blank) pairs, and the number of halting pairs. */
export function bruteForce(options: BruteOptions): { halting: number; counts: Map<string, number> } {
  const { states, maxSteps } = options;
  const blanks = options.blanks ?? [0, 1];
  const total = Number(machineCount(states));
  const K = choicesPerEntry(states);
  const counts = new Map<string, number>();
  let halting = 0;
  const choices = new Array<number>(2 * states).fill(0);
  for (let N = options.first ?? 0; N < total; N += options.stride ?? 1) {
    let rest = N;
    for (let j = 0; j < states; j++) {
      for (let symbol = 0; symbol < 2; symbol++) {
        choices[2 * (states - 1 - j) + symbol] = rest % K;
        rest = Math.floor(rest / K);
      }
    }
    const m = machineFromChoices(states, choices);
    for (const blank of blanks) {
      const r = runMachine(m, { blank, maxSteps });
      if (!r.halted) continue;
      halting++;
      counts.set(r.output, (counts.get(r.output) ?? 0) + 1);
    }
  }
  return { halting, counts };
}

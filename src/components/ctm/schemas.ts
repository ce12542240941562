/** Parameter schemas of the chapter 9 tools (URL state, validation; see src/core/schema.ts). */
import { ParamError } from "../../core/errors";
import { machineCount } from "../../core/ctm/machine";
import { MAX_SEED } from "../../core/rng";
import type { Schema } from "../../core/schema";
import { DEFAULT_MACHINE, DEFAULT_STATES } from "./explorer";

export type ExplorerParams = { states: number; machine: string; seed: number };

export const explorerSchema: Schema<ExplorerParams> = {
  params: {
    states: { type: "int", label: "States n", help: "Working states of the machine (the Halt state is extra).", min: 1, max: 4, default: DEFAULT_STATES },
    machine: {
      type: "text",
      label: "Machine number",
      help: "The machine's number in the authors' numbering, from 0 to (4n+2)^(2n) − 1.",
      maxLength: 40,
      allowed: "a whole number from 0 to (4n+2)^(2n) − 1",
      default: DEFAULT_MACHINE,
      parse: (text) => {
        if (!/^\d{1,40}$/.test(text)) throw new ParamError("machine", "a whole number from 0 to (4n+2)^(2n) − 1", text.slice(0, 60));
        return BigInt(text).toString();
      },
    },
    seed: { type: "int", label: "Seed", help: "Seed of the last random pick (each table entry uniform).", min: 0, max: MAX_SEED, default: 1 },
  },
  check: (p) => {
    const max = machineCount(p.states) - 1n;
    if (BigInt(p.machine) > max) throw new ParamError("machine", `a whole number from 0 to ${max.toString()} for ${p.states} state${p.states === 1 ? "" : "s"}`, p.machine);
  },
};

export type DnParams = { states: number; workers: number; top: number };

export const dnSchema: Schema<DnParams> = {
  params: {
    states: { type: "int", label: "States n", help: "Enumerate every machine with n working states, on both blanks, with the exact cut-off S(n).", min: 1, max: 4, default: 3 },
    workers: { type: "int", label: "Workers", help: "Web Workers sharing the chunks (default 2).", min: 1, max: 8, default: 2 },
    top: { type: "int", label: "Rows in the table", help: "How many of the most frequent strings to list.", min: 5, max: 200, default: 20 },
  },
};

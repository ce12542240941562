/**
 * Pure argument parsing for `npm run ctm -- <command> …`:
 *   enumerate --states N [--workers W] [--format json|text]
 *   ctm <bits> [--table d5|pybdm|d4] [--format json|text]
 *   bdm <bits> [--block 12] [--offset B] [--boundary ignore|correlated|recursive] [--table d5|pybdm|d4] [--format json|text]
 * Every failure is a CtmCliError (exit code 2) with one line.
 */
import { resolveBdm1, type Boundary } from "./bdm";
import { BitsError, parseBits } from "./parse";

export const EXIT_USAGE = 2;

export class CtmCliError extends Error {
  override readonly name = "CtmCliError";
  readonly exitCode = EXIT_USAGE;
}

export type CtmFormat = "json" | "text";
export type TableName = "d5" | "pybdm" | "d4";

export type CtmCommand =
  | { kind: "help" }
  | { kind: "enumerate"; states: number; workers: number; format: CtmFormat }
  | { kind: "ctm"; bits: Uint8Array; table: TableName; format: CtmFormat }
  | { kind: "bdm"; bits: Uint8Array; block: number; offset: number; boundary: Boundary; table: TableName; format: CtmFormat };

export const CTM_HELP = `usage:
  npm run ctm -- enumerate --states N [--workers W] [--format json|text]   exact D(N), N = 1…4, both blanks
  npm run ctm -- ctm <bits> [--table d5|pybdm|d4] [--format json|text]          CTM of a string of length ≤ 12
  npm run ctm -- bdm <bits> [--block 12] [--offset 12] [--boundary ignore|correlated|recursive] [--table d5|pybdm|d4] [--format json|text]`;

const FLAGS: Record<string, readonly string[]> = {
  enumerate: ["states", "workers", "format"],
  ctm: ["table", "format"],
  bdm: ["block", "offset", "boundary", "table", "format"],
};

function int(flag: string, value: string, lo: number, hi: number): number {
  if (!/^\d+$/.test(value) || Number(value) < lo || Number(value) > hi) throw new CtmCliError(`--${flag}: expected an integer in [${lo}, ${hi}], got ${JSON.stringify(value.slice(0, 20))}`);
  return Number(value);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CtmCliError(`--${flag}: expected one of ${allowed.join(" | ")}, got ${JSON.stringify(value.slice(0, 20))}`);
  return value as T;
}

export function parseCtmArgs(argv: readonly string[]): CtmCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") return { kind: "help" };
  const allowed = FLAGS[command];
  if (!allowed) throw new CtmCliError(`unknown command ${JSON.stringify(command.slice(0, 20))}: expected enumerate | ctm | bdm`);
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith("--")) {
      const name = a.slice(2);
      if (!allowed.includes(name)) throw new CtmCliError(`${command}: unknown flag ${JSON.stringify(a.slice(0, 20))} (allowed: ${allowed.map((f) => `--${f}`).join(" ")})`);
      const v = rest[i + 1];
      if (v === undefined) throw new CtmCliError(`--${name}: missing value`);
      flags.set(name, v);
      i++;
    } else positional.push(a);
  }
  const format = oneOf("format", flags.get("format") ?? "text", ["json", "text"] as const);
  if (command === "enumerate") {
    if (positional.length > 0) throw new CtmCliError("enumerate takes no positional argument");
    if (!flags.has("states")) throw new CtmCliError("--states: required (an integer in [1, 4])");
    return { kind: "enumerate", states: int("states", flags.get("states")!, 1, 4), workers: int("workers", flags.get("workers") ?? "1", 1, 8), format };
  }
  if (positional.length !== 1) throw new CtmCliError(`${command}: expected exactly one binary string, got ${positional.length} arguments`);
  const table = oneOf("table", flags.get("table") ?? "d5", ["d5", "pybdm", "d4"] as const);
  let bits: Uint8Array;
  try {
    bits = parseBits(positional[0]!, command === "ctm" ? 12 : undefined);
  } catch (error) {
    if (error instanceof BitsError) throw new CtmCliError(`${command}: ${error.message}`);
    throw error;
  }
  if (command === "ctm") return { kind: "ctm", bits, table, format };
  const block = int("block", flags.get("block") ?? "12", 1, 12);
  const boundary = oneOf("boundary", flags.get("boundary") ?? "ignore", ["ignore", "correlated", "recursive"] as const);
  const offset = flags.has("offset") ? int("offset", flags.get("offset")!, 1, block) : undefined;
  try {
    const r = resolveBdm1({ block, offset, boundary });
    return { kind: "bdm", bits, block, offset: r.offset, boundary, table, format };
  } catch (error) {
    if (error instanceof RangeError) throw new CtmCliError(`--offset: ${error.message}`);
    throw error;
  }
}

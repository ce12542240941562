/** The command line that reproduces a demo's current state with the site's simulation runner. */
import { formatParam, type AnySpec, type Params, type Schema } from "../core/schema";
import type { DemoState } from "./types";

/** POSIX shell quoting: plain tokens stay bare, anything else is single-quoted. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_.,:+=@%/-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `npm run sim -- <model> --<name> <value> … --seed S --replicates R`, every parameter explicit. */
export function cliCommand(model: string, schema: Schema<Params>, state: DemoState): string {
  const args = ["npm", "run", "sim", "--", shellQuote(model)];
  for (const [name, spec] of Object.entries(schema.params) as [string, AnySpec][]) {
    const value = state.params[name];
    if (value === undefined) continue;
    args.push(`--${name}`, shellQuote(formatParam(spec, value)));
  }
  args.push("--seed", String(state.seed), "--replicates", String(state.replicates));
  return args.join(" ");
}

/** Help text of the headless runner, generated from the model schemas (labels, ranges, defaults, units). */
import type { AnyModel } from "../model";
import { describeAllowed, formatParam, type AnySpec } from "../schema";
import { RUN_OPTIONS } from "./args";

const USAGE = "Usage: npm run sim -- <model> [--param value ...] [--seed S] [--replicates R] [--format json|csv]";

function typeHint(spec: AnySpec): string {
  switch (spec.type) {
    case "int": return "<int>";
    case "float": return "<number>";
    case "enum": return `<${spec.options.map((o) => o.value).join("|")}>`;
    case "bool": return "[true|false]";
    case "list": return "<n1,n2,...>";
    case "text": return "<text>";
  }
}

function line(flag: string, text: string[]): string {
  return [`  ${flag}`, ...text.map((t) => `      ${t}`)].join("\n");
}

/** All flags of one model, one block per parameter. */
export function modelHelp(model: AnyModel): string {
  const params = Object.entries(model.schema.params as Record<string, AnySpec>).map(([name, spec]) => {
    const unit = spec.unit ? ` (${spec.unit})` : "";
    return line(`--${name} ${typeHint(spec)}`, [
      `${spec.label}${unit}. ${spec.help}`,
      `Allowed: ${describeAllowed(spec)}. Default: ${formatParam(spec, spec.default)}.`,
    ]);
  });
  return [`${model.id}: ${model.label}`, `  ${model.description}`, "", `Flags of ${model.id}:`, ...params, "", runOptionsHelp()].join("\n");
}

function runOptionsHelp(): string {
  const rows = Object.entries(RUN_OPTIONS).map(([name, o]) => line(`--${name}`, [o.help, `Allowed: ${o.allowed}. Default: ${o.default}.`]));
  return ["Run options:", ...rows, line("--help, -h", ["Show this help."])].join("\n");
}

/** Usage, models and every model's flags. */
export function globalHelp(registry: Readonly<Record<string, AnyModel>>): string {
  const list = Object.values(registry).map((m) => `  ${m.id.padEnd(14)} ${m.label}`);
  const blocks = Object.values(registry).map((m) => modelHelp(m).split("\n\nRun options:")[0]!);
  return [
    USAGE,
    "",
    "Runs a seeded ensemble of a model and prints JSON (summary per generation + theory) or tidy CSV.",
    "Invalid flags or values print one line on stderr and exit with code 2.",
    "",
    "Models:",
    ...list,
    "",
    runOptionsHelp(),
    "",
    ...blocks.flatMap((b) => [b, ""]),
  ].join("\n");
}

/**
 * Headless runner: `npm run sim -- <model> [--param value …] [--seed S] [--replicates R] [--format json|csv]`,
 * and `npm run sim -- symbolic --law "<expr>" | --data file.csv […]` (symbolic regression, see
 * src/core/symbolic/cli.ts). Prints JSON or tidy CSV on stdout. Bad input: one line on stderr, exit code 2,
 * nothing on stdout.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs, CliError, EXIT_USAGE, globalHelp, modelHelp } from "../src/core/cli/index";
import { ParamError } from "../src/core/errors";
import { runEnsemble } from "../src/core/ensemble";
import { resultToJson, tidyCsvChunks } from "../src/core/export";
import { models } from "../src/core/models/index";
import { parseSymbolicArgs, sampleLaw, SYMBOLIC_HELP } from "../src/core/symbolic/cli";
import { parseCsv } from "../src/core/symbolic/csv";
import { searchExpressions, type Candidate } from "../src/core/symbolic/search";

function version(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

function usage(message: string): number {
  process.stderr.write(`sim: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  return EXIT_USAGE;
}

function candidateJson(c: Candidate) {
  return { expression: c.expression, latex: c.latex, bits: c.bits, modelBits: c.modelBits, residualBits: c.residualBits, rmse: c.rmse, constants: c.constants };
}

function symbolic(argv: string[]): number {
  try {
    const cmd = parseSymbolicArgs(argv);
    if (cmd.kind === "help") {
      process.stdout.write(`${SYMBOLIC_HELP}\n`);
      return 0;
    }
    let data: { xs: Float64Array; ys: Float64Array };
    if (cmd.kind === "law") data = sampleLaw(cmd.law, cmd.n, cmd.range, cmd.noise, cmd.seed);
    else {
      let text: string;
      try {
        text = readFileSync(cmd.file, "utf8");
      } catch (error) {
        return usage(`--data: cannot read ${JSON.stringify(cmd.file).slice(0, 60)} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
      data = parseCsv(text);
    }
    const r = searchExpressions(data.xs, data.ys, cmd.search);
    const out = { ...candidateJson(r.best), pareto: r.pareto.map(candidateJson), ranked: r.ranked.map(candidateJson), scored: r.scored, n: data.xs.length, seed: cmd.seed, version: version() };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) return usage(error.message);
    if (error instanceof ParamError) return usage(`--${error.param}: expected ${error.allowed}, got ${error.received}`);
    throw error;
  }
}

function main(argv: string[]): number {
  if (argv[0] === "symbolic") return symbolic(argv.slice(1));
  let command;
  try {
    command = parseArgs(argv, models);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`sim: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  if (command.kind === "help") {
    const more = command.model ? "" : "\n\nSymbolic regression: npm run sim -- symbolic --help";
    process.stdout.write(`${command.model ? modelHelp(command.model) : globalHelp(models)}${more}\n`);
    return 0;
  }
  const { model, params, seed, replicates, format } = command;
  let result;
  try {
    result = runEnsemble(model, params, { seed, replicates, keepPaths: format === "csv" ? replicates : 0 });
  } catch (error) {
    // A model may still refuse a combination at run time; report it like any bad flag.
    if (error instanceof ParamError) {
      process.stderr.write(`sim: --${error.param}: expected ${error.allowed}, got ${error.received}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (format === "json") process.stdout.write(`${JSON.stringify(resultToJson(result, version()))}\n`);
  else for (const chunk of tidyCsvChunks(result)) process.stdout.write(chunk);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

/**
 * Headless runner: `npm run sim -- <model> [--param value …] [--seed S] [--replicates R] [--format json|csv]`.
 * Prints JSON or tidy CSV on stdout. Bad input: one line on stderr, exit code 2, nothing on stdout.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs, CliError, EXIT_USAGE, globalHelp, modelHelp } from "../src/core/cli/index";
import { ParamError } from "../src/core/errors";
import { runEnsemble } from "../src/core/ensemble";
import { resultToJson, tidyCsvChunks } from "../src/core/export";
import { models } from "../src/core/models/index";

function version(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

function main(argv: string[]): number {
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
    process.stdout.write(`${command.model ? modelHelp(command.model) : globalHelp(models)}\n`);
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

export { parseArgs, CliError, EXIT_USAGE, RUN_OPTIONS, type CliCommand, type OutputFormat } from "./args";
export { globalHelp, modelHelp } from "./help";

/**
 * `npm run ctm -- enumerate|ctm|bdm …` (see src/core/ctm/cli.ts for the grammar). A bits argument "-" is
 * read from stdin (argv cannot carry 10^6 symbols). Bad input: one line on stderr, exit code 2, nothing on stdout.
 */
import { readFileSync } from "node:fs";
import { bdm1, blockEntropy1, decompose1, nbdm1 } from "../src/core/ctm/bdm";
import { blockTotal } from "../src/core/ctm/blocks";
import { chunkCount, defaultChunkDepth, addSparse, runAllChunks } from "../src/core/ctm/chunks";
import { CTM_HELP, CtmCliError, parseCtmArgs, type CtmCommand } from "../src/core/ctm/cli";
import { completeDistribution, distributionToJson } from "../src/core/ctm/complete";
import { compressedBits, shannonEntropy } from "../src/core/ctm/compare";
import { d4Table, d5Table, pybdmTable1D } from "../src/core/ctm/data";
import { bitsToString } from "../src/core/ctm/parse";
import { emptyTreeCounts } from "../src/core/ctm/tree";
import { runPool } from "./ctm-d5/pool";

const CUTOFF = [0, 1, 6, 21, 107];

function print(format: "json" | "text", value: Record<string, unknown>): void {
  if (format === "json") process.stdout.write(`${JSON.stringify(value)}\n`);
  else for (const [k, v] of Object.entries(value)) process.stdout.write(`${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}\n`);
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] !== "enumerate" && argv[1] === "-") argv = [argv[0]!, readFileSync(0, "utf8").trim(), ...argv.slice(2)];
  let cmd: CtmCommand;
  try {
    cmd = parseCtmArgs(argv);
  } catch (error) {
    if (error instanceof CtmCliError) {
      process.stderr.write(`ctm: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  if (cmd.kind === "help") {
    process.stdout.write(`${CTM_HELP}\n`);
    return 0;
  }
  if (cmd.kind === "enumerate") {
    const n = cmd.states, maxSteps = CUTOFF[n]!, depth = defaultChunkDepth(n);
    const total = chunkCount(n, depth);
    let done = 0;
    const progress = () => {
      done++;
      if (process.stderr.isTTY && (done % 64 === 0 || done === total)) process.stderr.write(`\rchunks ${done}/${total}`);
    };
    let counts = emptyTreeCounts();
    if (cmd.workers > 1) {
      await runPool({ states: n, maxSteps, depth, workers: cmd.workers, indices: [...Array(total).keys()], onChunk: (_i, c) => { addSparse(counts, c); progress(); } });
    } else counts = runAllChunks({ states: n, maxSteps, depth, onProgress: progress }).counts;
    if (process.stderr.isTTY) process.stderr.write("\n");
    const d = distributionToJson(completeDistribution(n, maxSteps, counts));
    if (cmd.format === "json") process.stdout.write(`${JSON.stringify({ states: d.states, machines: d.machines, blanks: 2, maxSteps: d.maxSteps, halting: d.halting, counts: d.counts })}\n`);
    else {
      process.stdout.write(`states ${d.states}, cut-off ${d.maxSteps} steps, machines ${d.machines} × 2 blanks, halting ${d.halting}, distinct outputs ${Object.keys(d.counts).length}\n`);
      for (const [s, c] of Object.entries(d.counts)) process.stdout.write(`${s}\t${c}\n`);
    }
    return 0;
  }
  const table = cmd.table === "d4" ? d4Table() : cmd.table === "pybdm" ? pybdmTable1D() : d5Table();
  const s = bitsToString(cmd.bits);
  if (cmd.kind === "ctm") {
    const k = table.lookup(s);
    // A string no machine produced is a fact about the table, not bad input: report it, with BDM's stand-in.
    if (k === undefined) print(cmd.format, { string: s, ctm: null, absent: true, bdmStandIn: table.shape(String(s.length))?.missing ?? null, table: table.name });
    else print(cmd.format, { string: s, ctm: k, table: table.name });
    return 0;
  }
  const opts = { block: cmd.block, offset: cmd.offset, boundary: cmd.boundary };
  const blocks = blockTotal(decompose1(cmd.bits, opts));
  const value: Record<string, unknown> = { length: cmd.bits.length, block: cmd.block, offset: cmd.offset, boundary: cmd.boundary, blocks, bdm: bdm1(cmd.bits, table, opts) };
  if (cmd.boundary !== "correlated" && blocks > 0) value.nbdm = nbdm1(cmd.bits, table, opts);
  value.blockEntropy = blockEntropy1(cmd.bits, opts);
  value.shannonEntropyPerSymbol = shannonEntropy(cmd.bits);
  value.deflateBits = compressedBits(cmd.bits);
  value.table = table.name;
  print(cmd.format, value);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

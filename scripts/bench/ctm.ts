/**
 * CTM benchmarks (TypeScript only; no numpy counterpart):
 *   ctm.ts enumerate --states N [--workers W]   exact D(N) by chunked tree enumeration; check = halting pairs
 *   ctm.ts bdm [--bits 1000000]                 1-D BDM (block 12, ignore) of seeded random bits; check = BDM
 * Also prints one extra stderr line with leaves (finished branches) per second.
 */
import { bdm1 } from "../../src/core/ctm/bdm";
import { addSparse, chunkCount, defaultChunkDepth, runAllChunks } from "../../src/core/ctm/chunks";
import { completeDistribution } from "../../src/core/ctm/complete";
import { pybdmTable1D } from "../../src/core/ctm/data";
import { emptyTreeCounts } from "../../src/core/ctm/tree";
import { createRng } from "../../src/core/rng";
import { runPool } from "../ctm-d5/pool";
import { benchArg, timed } from "./common";

const CUTOFF = [0, 1, 6, 21, 107];
const mode = process.argv[2];

if (mode === "bdm") {
  const n = benchArg("bits", 1_000_000);
  const rng = createRng(1);
  const bits = new Uint8Array(n);
  for (let i = 0; i < n; i++) bits[i] = rng() < 0.5 ? 1 : 0;
  const table = pybdmTable1D();
  timed(() => bdm1(bits, table));
} else if (mode === "enumerate") {
  const states = benchArg("states", 3), workers = benchArg("workers", 1);
  const depth = defaultChunkDepth(states), maxSteps = CUTOFF[states]!;
  if (workers > 1) {
    // Worker start-up is part of the cost a caller pays, so it is inside the timed region.
    const counts = emptyTreeCounts();
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage(), base = process.memoryUsage().rss / 2 ** 20;
    await runPool({ states, maxSteps, depth, workers, indices: [...Array(chunkCount(states, depth)).keys()], onChunk: (_i, c) => addSparse(counts, c) });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9, cpu = process.cpuUsage(c0);
    const halting = Number(completeDistribution(states, maxSteps, counts).halting);
    process.stderr.write(`leaves/s ${(counts.leaves / seconds).toExponential(3)}, machines/s ${(Number(completeDistribution(states, maxSteps, counts).machines) / seconds).toExponential(3)}\n`);
    process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024, baseRssMB: base, check: halting })}\n`);
  } else {
    timed(() => {
      const { counts } = runAllChunks({ states, maxSteps, depth });
      return Number(completeDistribution(states, maxSteps, counts).halting);
    });
  }
} else {
  process.stderr.write("usage: ctm.ts enumerate --states N [--workers W] | bdm [--bits N]\n");
  process.exitCode = 2;
}

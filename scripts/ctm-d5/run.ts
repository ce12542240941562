/**
 * The long job: exact (5,2) output counts with a 500-step cut-off, resumable.
 *
 *   npx tsx scripts/ctm-d5/run.ts run [--workers 1] [--state-dir /work/ctm-d5-state]
 *   npx tsx scripts/ctm-d5/run.ts project [--sample 60] [--seed 1]   # time random chunks, project the total
 *   npx tsx scripts/ctm-d5/run.ts status
 *
 * The state directory (outside the repo) holds `checkpoint.json`: which chunks are done and the summed
 * right-first counts R (see src/core/ctm/tree.ts). It is rewritten atomically (temp file, fsync, rename)
 * at most every 60 s and on SIGINT/SIGTERM; a restarted job skips the done chunks. Chunks run in a fixed
 * shuffled order, so the done fraction is an unbiased estimate of progress. When all chunks are done the
 * complete distribution over both blanks is written to `d5-counts.json` in the same directory.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { addSparse, chunkCount, runChunk, type SparseCounts } from "../../src/core/ctm/chunks";
import { completeDistribution, distributionToJson } from "../../src/core/ctm/complete";
import { emptyTreeCounts, treeCountsToMap } from "../../src/core/ctm/tree";
import { createRng } from "../../src/core/rng";
import { runPool } from "./pool";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** (5,2), 500 steps, chunk depth 4 unless overridden (smaller settings exist to test resuming). */
const STATES = Number(option("states", "5")), MAX_STEPS = Number(option("max-steps", "500")), DEPTH = Number(option("depth", "4"));

interface Checkpoint {
  version: 1;
  states: number;
  maxSteps: number;
  depth: number;
  chunks: number;
  /** One character per chunk: "1" done, "0" to do. */
  done: string;
  halting: number;
  leaves: number;
  steps: number;
  /** Sum of per-chunk worker seconds. */
  workerSeconds: number;
  updated: string;
  /** Right-first counts R by output string. */
  counts: Record<string, number>;
}

function atomicWrite(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  writeSync(fd, text);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
}

/** Fixed shuffled order of chunk indices (seed 1), so progress is representative. */
function order(total: number): number[] {
  const rng = createRng(1);
  const a = [...Array(total).keys()];
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function load(dir: string): Checkpoint {
  const path = join(dir, "checkpoint.json");
  const total = chunkCount(STATES, DEPTH);
  if (!existsSync(path)) {
    return { version: 1, states: STATES, maxSteps: MAX_STEPS, depth: DEPTH, chunks: total, done: "0".repeat(total), halting: 0, leaves: 0, steps: 0, workerSeconds: 0, updated: new Date().toISOString(), counts: {} };
  }
  const c = JSON.parse(readFileSync(path, "utf8")) as Checkpoint;
  if (c.states !== STATES || c.maxSteps !== MAX_STEPS || c.depth !== DEPTH || c.done.length !== total) throw new Error(`${path} belongs to another configuration`);
  return c;
}

async function run(): Promise<void> {
  const dir = option("state-dir", "/work/ctm-d5-state");
  const workers = Math.max(1, Math.min(8, Number(option("workers", "1")) || 1));
  mkdirSync(dir, { recursive: true });
  const cp = load(dir);
  const acc = emptyTreeCounts();
  const done = cp.done.split("");
  const todo = order(cp.chunks).filter((i) => done[i] === "0");
  let finished = cp.chunks - todo.length, lastSave = Date.now(), stopping = false;
  const t0 = Date.now();
  const save = () => {
    const counts = { ...cp.counts };
    for (const [s, v] of treeCountsToMap(acc)) counts[s] = (counts[s] ?? 0) + v;
    const next: Checkpoint = { ...cp, done: done.join(""), halting: cp.halting + acc.halting, leaves: cp.leaves + acc.leaves, steps: cp.steps + acc.steps, workerSeconds: cp.workerSeconds + seconds, updated: new Date().toISOString(), counts };
    atomicWrite(join(dir, "checkpoint.json"), JSON.stringify(next));
    lastSave = Date.now();
    const rate = finished > 0 ? (Date.now() - t0) / 1000 : 0;
    console.log(`${next.updated} chunks ${finished}/${cp.chunks} (${((100 * finished) / cp.chunks).toFixed(2)}%), leaves ${next.leaves}, worker-s ${next.workerSeconds.toFixed(0)}, this session ${rate.toFixed(0)} s`);
    return next;
  };
  let seconds = 0;
  const stop = () => {
    stopping = true;
    console.log("stopping after the running chunks…");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(`D(5) job: ${todo.length} of ${cp.chunks} chunks to do, ${workers} worker(s), state in ${dir}`);
  await runPool({
    states: STATES, maxSteps: MAX_STEPS, depth: DEPTH, workers, indices: todo,
    shouldCancel: () => stopping,
    onChunk: (index: number, counts: SparseCounts, s: number) => {
      addSparse(acc, counts);
      done[index] = "1";
      finished++;
      seconds += s;
      if (Date.now() - lastSave > 60_000) save();
    },
  });
  const final = save();
  if (final.done.includes("0")) return;
  const tree = emptyTreeCounts();
  for (const [s, v] of Object.entries(final.counts)) tree.large.set(s, v);
  tree.halting = final.halting;
  const d = completeDistribution(STATES, MAX_STEPS, tree);
  atomicWrite(join(dir, "d5-counts.json"), JSON.stringify(distributionToJson(d)));
  console.log(`complete: ${d.counts.size} distinct strings, halting ${d.halting}; wrote ${join(dir, "d5-counts.json")}`);
}

function project(): void {
  const sample = Math.max(1, Math.min(100000, Number(option("sample", "60")) || 60));
  const rng = createRng(Number(option("seed", "1")) || 1);
  const total = chunkCount(STATES, DEPTH);
  const scratch = emptyTreeCounts();
  const times: number[] = [];
  let leaves = 0, steps = 0;
  for (let i = 0; i < sample; i++) {
    const index = Math.floor(rng() * total);
    // CPU time, not wall time: the machine is shared, and the projection is about this job's own work.
    const t = process.cpuUsage();
    const c = runChunk(STATES, MAX_STEPS, DEPTH, index, scratch);
    const u = process.cpuUsage(t);
    times.push((u.user + u.system) / 1e6);
    leaves += c.leaves;
    steps += c.steps;
  }
  const mean = times.reduce((a, b) => a + b, 0) / sample;
  const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, sample - 1));
  const hours = (mean * total) / 3600, se = (sd / Math.sqrt(sample)) * total / 3600;
  const cpu = times.reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ sampleChunks: sample, chunks: total, meanChunkCpuSeconds: mean, leavesPerSecond: leaves / cpu, stepsPerSecond: steps / cpu, projectedHours1Thread: hours, standardError: se, projectedHours2Threads: hours / 2 }));
}

function status(): void {
  const c = load(option("state-dir", "/work/ctm-d5-state"));
  const done = [...c.done].filter((x) => x === "1").length;
  console.log(JSON.stringify({ chunks: c.chunks, done, fraction: done / c.chunks, workerSeconds: c.workerSeconds, projectedWorkerHours: done > 0 ? (c.workerSeconds / done) * c.chunks / 3600 : null, leaves: c.leaves, distinctOutputs: Object.keys(c.counts).length, updated: c.updated }));
}

const command = process.argv[2];
if (command === "run") await run();
else if (command === "project") project();
else if (command === "status") status();
else {
  process.stderr.write("usage: tsx scripts/ctm-d5/run.ts run|project|status [--workers W] [--state-dir DIR] [--sample N] [--seed S]\n");
  process.exitCode = 2;
}

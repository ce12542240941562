/**
 * `npm run bench [-- --repeat N] [-- --only name]`: runs each benchmark in fresh child processes, ours
 * (TypeScript on Node, via tsx) beside an equivalent vectorised numpy loop, and prints a table.
 * Time = wall time of the timed work only (start-up and imports excluded on both sides), best of N runs;
 * CPU = user + system seconds of the same work (steadier on a shared machine), best of N.
 * Peak RSS = the child's own maximum resident set (getrusage), worst of N runs; "base" is the RSS just
 * before the work (runtime + imports), so peak − base is the work's own footprint.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchReport } from "./common";

const root = fileURLToPath(new URL("../../", import.meta.url));
const here = fileURLToPath(new URL("./", import.meta.url));

interface Bench {
  name: string;
  script: string;
  args: string[];
  /** A source file the TypeScript side needs; the bench is skipped (and said so) when absent. */
  requires?: string;
  /** False when there is no numpy equivalent (the numpy columns show "—"). */
  numpy?: boolean;
  /** Work items done, to print a throughput note (e.g. machines of the enumerated space per second). */
  rate?: { count: number; unit: string };
}

const BENCHES: Bench[] = [
  { name: "gaussian n=1000, 10k gens, 1000 reps (means)", script: "gaussian", args: ["--n", "1000", "--generations", "10000", "--replicates", "1000", "mean"] },
  { name: "gaussian same, full summary (quantiles)", script: "gaussian", args: ["--n", "1000", "--generations", "10000", "--replicates", "1000", "ensemble"] },
  { name: "categorical K=1000, n=1e5, 1000 gens, 1 rep", script: "categorical", requires: "src/core/models/categorical.ts", args: ["--K", "1000", "--n", "100000", "--generations", "1000", "--replicates", "1"] },
  { name: "categorical K=10, n=50, 200 gens, 2000 reps", script: "categorical", requires: "src/core/models/categorical.ts", args: ["--K", "10", "--n", "50", "--generations", "200", "--replicates", "2000"] },
  // Chapter 8 (no numpy equivalents were written: the numbers document our own cost only).
  { name: "verifier N=1e4, 37 answers, 500 rounds, 200 reps", script: "rl", numpy: false, requires: "src/core/models/verifier.ts", args: ["--model", "verifier", "--N", "10000", "--generations", "500", "--answersCorrect", "16", "--answersWrong", "20", "--replicates", "200"] },
  { name: "verifier T22 chain N=100, 600 rounds, 3000 reps", script: "rl", numpy: false, requires: "src/core/models/verifier.ts", args: ["--model", "verifier", "--N", "100", "--generations", "600", "--falseNegative", "0.1", "--hackAccept", "0.918", "--initCorrect", "0.9", "--initHack", "0.1", "--answersCorrect", "1", "--answersWrong", "1", "--replicates", "3000"] },
  { name: "policyGradient A=1000, B=64, 2000 steps, 20 reps", script: "rl", numpy: false, requires: "src/core/models/policy-gradient.ts", args: ["--model", "policyGradient", "--A", "1000", "--batch", "64", "--generations", "2000", "--replicates", "20"] },
  { name: "bestOfN theory t(30), σε = σr/8, n up to 1e5", script: "rl", numpy: false, requires: "src/core/theory/best-of-n-student.ts", args: ["--model", "bestOfN", "--noise", "student-t", "--nu", "30", "--sigmaEps", "0.125", "--nValues", "1,10,100,1000,10000,100000", "--theory", "1"] },
  { name: "bestOfN t(2), n up to 4096, 2000 reps", script: "rl", numpy: false, requires: "src/core/models/best-of-n.ts", args: ["--model", "bestOfN", "--noise", "student-t", "--nValues", "1,4,16,64,256,1024,4096", "--replicates", "2000"] },
  // Symbolic regression, program synthesis, mechanismLoop (ours only: no numpy counterpart).
  { name: "symbolic search, 8 laws, defaults (check = skeletons/CPU s)", script: "symbolic", numpy: false, args: ["search"] },
  { name: "program synthesis n=200, 1000 noisy sequences (check = per s)", script: "symbolic", numpy: false, args: ["synthesis"] },
  { name: "symbolic demo (a) default: Kepler, 40 pts + baselines (check = first-call ms)", script: "symbolic", numpy: false, args: ["demo"] },
  { name: "mechanismLoop defaults, 500 reps x 50 gens (check = kept)", script: "symbolic", numpy: false, args: ["loop"] },
  { name: "loop demo default (ch. 12): 100 reps x 50 gens (check = kept)", script: "symbolic", numpy: false, args: ["loop-demo"] },
  // Chapter 6 families (no numpy equivalents: EM, KDE functionals and n-gram counting have no short vectorised twin).
  { name: "mixture k=2, n=500, 100 gens, 50 reps (quantile init)", script: "families", numpy: false, requires: "src/core/models/mixture.ts", args: ["mixture", "--k", "2", "--n", "500", "--generations", "100", "--replicates", "50"] },
  { name: "mixture same, warm-start EM", script: "families", numpy: false, requires: "src/core/models/mixture.ts", args: ["mixture", "--k", "2", "--n", "500", "--generations", "100", "--emInit", "warm", "--replicates", "50"] },
  { name: "mixture k=3 trimodal, n=500, 100 gens, 50 reps", script: "families", numpy: false, requires: "src/core/models/mixture.ts", args: ["mixture", "--k", "3", "--truth", "trimodal", "--n", "500", "--generations", "100", "--replicates", "50"] },
  { name: "kde fixed h=0.3, n=500, 100 gens, 50 reps", script: "families", numpy: false, requires: "src/core/models/kde.ts", args: ["kde", "--n", "500", "--generations", "100", "--replicates", "50"] },
  { name: "ngram order 3, N=10^4 chars, 50 gens, 20 reps", script: "families", numpy: false, requires: "src/core/models/ngram.ts", args: ["ngram", "--order", "3", "--length", "10000", "--generations", "50", "--replicates", "20"] },
  { name: "ctm D(3) tree enumeration, 1 thread", script: "ctm", numpy: false, rate: { count: 7_529_536, unit: "machines" }, args: ["enumerate", "--states", "3"] },
  { name: "ctm D(3) tree enumeration, 2 workers", script: "ctm", numpy: false, rate: { count: 7_529_536, unit: "machines" }, args: ["enumerate", "--states", "3", "--workers", "2"] },
  { name: "ctm D(4) tree enumeration, 1 thread", script: "ctm", numpy: false, rate: { count: 11_019_960_576, unit: "machines" }, args: ["enumerate", "--states", "4"] },
  { name: "ctm D(4) tree enumeration, 2 workers", script: "ctm", numpy: false, rate: { count: 11_019_960_576, unit: "machines" }, args: ["enumerate", "--states", "4", "--workers", "2"] },
  { name: "ctm BDM of 10^6 random bits (block 12)", script: "ctm", numpy: false, args: ["bdm", "--bits", "1000000"] },
  { name: "chapter 10 calculator: full analysis of 10^6 bits", script: "bdm-tool", numpy: false, requires: "src/components/bdm/analysis.ts", args: ["--bits", "1000000"] },
];

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function runChild(command: string, args: string[], cwd: string): BenchReport {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !line.startsWith("{")) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-500)}`);
  return JSON.parse(line) as BenchReport;
}

function best(runs: BenchReport[]): BenchReport {
  return {
    seconds: Math.min(...runs.map((r) => r.seconds)),
    cpuSeconds: Math.min(...runs.map((r) => r.cpuSeconds)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    baseRssMB: Math.max(...runs.map((r) => r.baseRssMB)),
    check: runs[0]!.check,
  };
}

const repeat = Math.max(1, Math.min(10, Number(option("repeat", "3")) || 3));
const only = option("only", "");
const rows: string[][] = [["benchmark", "ours s", "numpy s", "ours/numpy", "CPU s ours/numpy (ratio)", "ours peak (base) MB", "numpy peak (base) MB", "check ours | numpy"]];
const notes: string[] = [];
for (const b of BENCHES) {
  if (only && !b.name.includes(only) && b.script !== only) continue;
  if (b.requires && !existsSync(`${root}${b.requires}`)) {
    notes.push(`skipped "${b.name}": ${b.requires} is not on this branch yet`);
    continue;
  }
  const ours: BenchReport[] = [], numpy: BenchReport[] = [];
  for (let i = 0; i < repeat; i++) {
    ours.push(runChild(process.execPath, ["--import", "tsx", `scripts/bench/${b.script}.ts`, ...b.args], root));
    if (b.numpy !== false) numpy.push(runChild("python3", [`${b.script}.py`, ...b.args], here));
  }
  const o = best(ours);
  if (b.rate) notes.push(`${b.name}: ${(b.rate.count / o.seconds).toExponential(3)} ${b.rate.unit}/s (${b.rate.count.toLocaleString("en-US")} ${b.rate.unit} in ${o.seconds.toFixed(3)} s)`);
  const mb = (r: BenchReport) => `${r.peakRssMB.toFixed(0)} (${r.baseRssMB.toFixed(0)})`;
  if (numpy.length === 0) {
    rows.push([b.name, o.seconds.toFixed(3), "—", "—", `${o.cpuSeconds.toFixed(2)}/—`, mb(o), "—", `${o.check.toPrecision(10)} | —`]);
    process.stderr.write(`done: ${b.name}\n`);
    continue;
  }
  const p = best(numpy);
  rows.push([b.name, o.seconds.toFixed(3), p.seconds.toFixed(3), (o.seconds / p.seconds).toFixed(2), `${o.cpuSeconds.toFixed(2)}/${p.cpuSeconds.toFixed(2)} (${(o.cpuSeconds / p.cpuSeconds).toFixed(2)})`, mb(o), mb(p), `${o.check.toPrecision(5)} | ${p.check.toPrecision(5)}`]);
  process.stderr.write(`done: ${b.name}\n`);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
const fmt = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
const py = spawnSync("python3", ["-c", "import numpy, platform; print(platform.python_version(), numpy.__version__)"], { encoding: "utf8" }).stdout.trim().split(" ");
console.log(`Node ${process.version}, Python ${py[0]}, numpy ${py[1]}; best of ${repeat} runs per side, each in its own child process; load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}.`);
console.log(fmt(rows[0]!));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows.slice(1)) console.log(fmt(r));
for (const n of notes) console.log(`note: ${n}`);

/**
 * Benchmarks of the symbolic/program code (no numpy counterpart): `search` runs the default symbolic
 * regression on eight noise-free laws (50 points each) and reports, as `check`, skeletons scored per CPU
 * second; `synthesis` builds the n = 200 program library and synthesises 1000 noisy sequences (`check` =
 * syntheses per second); `loop` runs mechanismLoop at its defaults, 500 replicates × 50 generations (T29),
 * `check` = fraction of runs that kept h*; `demo` runs the chapter 11 demo (a) default twice (first call with
 * skeleton enumeration, then cached; `check` = first call in ms) and demo (b);
 * `loop-demo` runs the chapter 12 demo's default (mechanismLoop defaults, 100 replicates, seed 12, 5 kept
 * paths, as the browser's worker does), `check` = the fraction that kept h*. Per-law wall/CPU times go to stderr.
 */
import { timed } from "./common";
import { searchExpressions } from "../../src/core/symbolic/search";
import { parseLaw } from "../../src/core/symbolic/parse";
import { evaluate } from "../../src/core/symbolic/expr";
import { synthesize } from "../../src/core/programs/synthesize";
import { buildLibrary } from "../../src/core/programs/library";
import { runProgram } from "../../src/core/programs/language";
import { createRng } from "../../src/core/rng";
import { runEnsemble } from "../../src/core/ensemble";
import { mechanismLoop } from "../../src/core/models/mechanism-loop";
import { validateParams } from "../../src/core/schema";
import { LAW_DEFAULTS, runLawDemo, runEcaDemo, ECA_DEFAULTS } from "../../src/core/symbolic/demo";

const mode = process.argv[2] ?? "search";
const LAWS: [string, number, number][] = [
  ["x^2", -2, 2], ["3*x + 1", -2, 2], ["sin(x)", -3, 3], ["x^3 - x", -2, 2],
  ["exp(-x) * x", 0, 4], ["exp(-x) * sin(x)", 0, 4], ["x^1.5", 0.39, 30], ["log(x) + x", 0.5, 4],
];

if (mode === "search") {
  timed(() => {
    let scored = 0;
    const c0 = process.cpuUsage();
    for (const [law, a, b] of LAWS) {
      const e = parseLaw(law);
      const xs = Array.from({ length: 50 }, (_, i) => a + ((b - a) * i) / 49);
      const t0 = performance.now();
      const u0 = process.cpuUsage();
      const r = searchExpressions(xs, xs.map((x) => evaluate(e, x)));
      const u = process.cpuUsage(u0);
      scored += r.scored;
      process.stderr.write(`${law.padEnd(18)} → ${r.best.expression.padEnd(22)} wall ${(performance.now() - t0).toFixed(0)} ms, CPU ${((u.user + u.system) / 1000).toFixed(0)} ms, ${r.scored} skeletons\n`);
    }
    const cpu = process.cpuUsage(c0);
    return scored / ((cpu.user + cpu.system) / 1e6);
  });
} else if (mode === "synthesis") {
  timed(() => {
    const t0 = performance.now();
    buildLibrary(200);
    process.stderr.write(`library n=200: ${(performance.now() - t0).toFixed(0)} ms\n`);
    const rng = createRng(1);
    const clean = runProgram({ base: { kind: "repeat", w: "001011" }, complement: false, reverse: false }, 200);
    const t1 = performance.now();
    for (let i = 0; i < 1000; i++) synthesize(Uint8Array.from(clean, (b) => b ^ (rng() < 0.05 ? 1 : 0)));
    return 1000 / ((performance.now() - t1) / 1000);
  });
} else if (mode === "demo") {
  // Chapter 11 demo (a) at its defaults, as the worker runs it (first call: skeleton enumeration included),
  // then a second call (cached skeletons, the cost of each later search in the same worker); check = first ms.
  timed(() => {
    const t0 = performance.now();
    const r = runLawDemo(LAW_DEFAULTS);
    const first = performance.now() - t0;
    const t1 = performance.now();
    runLawDemo({ ...LAW_DEFAULTS, seed: 2 });
    const second = performance.now() - t1;
    const t2 = performance.now();
    runEcaDemo(ECA_DEFAULTS);
    process.stderr.write(`demo (a) default → ${r.best.expression}: first ${first.toFixed(0)} ms, again ${second.toFixed(0)} ms; demo (b) default ${(performance.now() - t2).toFixed(0)} ms\n`);
    return first;
  });
} else if (mode === "loop-demo") {
  timed(() => {
    const p = validateParams(mechanismLoop.schema, {});
    const r = runEnsemble(mechanismLoop, p, { seed: 12, replicates: 100, keepPaths: 5 });
    return r.metrics["program:kept"]!.mean[50]!;
  });
} else {
  timed(() => {
    const p = validateParams(mechanismLoop.schema, {});
    const r = runEnsemble(mechanismLoop, p, { seed: 29, replicates: 500 });
    return r.metrics["program:kept"]!.mean[50]!;
  });
}

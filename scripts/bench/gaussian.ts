/**
 * Gaussian refit loop bench: n samples per generation, G generations, R replicates (replace, MLE, α = 0).
 * --mode mean: per-generation ensemble means of all five metrics (streamed);
 * --mode ensemble: the full runEnsemble summary (mean, SE, five quantiles) as the demos and runner use it.
 * Check value: mean log σ² at the last generation.
 */
import { gaussian } from "../../src/core/models/gaussian";
import { runEnsemble } from "../../src/core/ensemble";
import { replicateRngs } from "../../src/core/rng";
import { validateParams } from "../../src/core/schema";
import { benchArg, timed } from "./common";

const n = benchArg("n", 1000), G = benchArg("generations", 10000), R = benchArg("replicates", 1000);
const ensemble = process.argv.includes("ensemble");
const p = validateParams(gaussian.schema, { n, generations: G });

timed(() => {
  if (ensemble) return runEnsemble(gaussian, p, { seed: 1, replicates: R, keepPaths: 0 }).metrics.logSigma2!.mean[G]!;
  const names = gaussian.metrics(p).map((m) => m.name);
  const sums = names.map(() => new Float64Array(G + 1));
  for (const rng of replicateRngs(1, R)) {
    const out = gaussian.replicate(p, rng);
    names.forEach((name, i) => {
      const path = out[name]!, sum = sums[i]!;
      for (let t = 0; t <= G; t++) sum[t] += path[t]!;
    });
  }
  return sums[names.indexOf("logSigma2")]![G]! / R;
});

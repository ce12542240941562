/**
 * Categorical refit loop bench (the discrete model from the registry): closed loop (replace, α = 0,
 * p0 uniform), K categories, n draws per generation, G generations, R replicates; per-generation
 * ensemble means of all its metrics, streamed. Check value: mean Gini–Simpson at the last generation.
 */
import { models } from "../../src/core/models/index";
import { replicateRngs } from "../../src/core/rng";
import { validateParams } from "../../src/core/schema";
import { benchArg, timed } from "./common";

const K = benchArg("K", 1000), n = benchArg("n", 100000), G = benchArg("generations", 1000), R = benchArg("replicates", 1);
const model = models.categorical;
if (!model) throw new Error("the categorical model is not registered on this branch");
const p = validateParams(model.schema, { K, n, generations: G, init: "uniform", alpha: 0 });

timed(() => {
  const names = model.metrics(p).map((m) => m.name);
  const sums = names.map(() => new Float64Array(G + 1));
  for (const rng of replicateRngs(1, R)) {
    const out = model.replicate(p, rng);
    names.forEach((name, i) => {
      const path = out[name]!, sum = sums[i]!;
      for (let t = 0; t <= G; t++) sum[t] += path[t]!;
    });
  }
  return sums[names.indexOf("giniSimpson")]![G]! / R;
});

/**
 * Chapter-6 families bench: a full runEnsemble (mean, SE, quantiles) of one registry model, as the demos
 * and the runner use it. Usage: families.ts <model> --replicates R [--<param> value …] (params as strings,
 * validated by the model's schema). Check value: mean of the model's first metric at the last generation.
 * No numpy twin: these loops (EM, KDE functionals, n-gram counting) have no short vectorised equivalent.
 */
import { models } from "../../src/core/models/index";
import { runEnsemble } from "../../src/core/ensemble";
import { validateParams } from "../../src/core/schema";
import { timed } from "./common";

const [id, ...rest] = process.argv.slice(2);
const model = models[id ?? ""];
if (!model) throw new Error(`unknown model ${String(id)}`);
const raw: Record<string, string> = {};
let replicates = 50;
for (let i = 0; i + 1 < rest.length; i += 2) {
  const name = rest[i]!.replace(/^--/, "");
  if (name === "replicates") replicates = Number(rest[i + 1]);
  else raw[name] = rest[i + 1]!;
}
const p = validateParams(model.schema, raw);
const first = model.metrics(p)[0]!.name;

timed(() => {
  const r = runEnsemble(model, p, { seed: 1, replicates, keepPaths: 0 });
  const mean = r.metrics[first]!.mean;
  return mean[mean.length - 1]!;
});

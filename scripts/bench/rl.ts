/**
 * Chapter 8 benches (no numpy twin; run.ts prints "—" for the numpy side): one registry model run as the
 * demos run it, per-point ensemble means of every metric, streamed. `--model` picks verifier,
 * policyGradient or bestOfN; any other `--name value` pair is a model parameter. Check value: the mean of
 * the first metric at the last x. With `--theory 1` it times model.theory(params) instead (check: the first
 * theory curve's last value).
 */
import { models } from "../../src/core/models/index";
import { replicateRngs } from "../../src/core/rng";
import { validateParams } from "../../src/core/schema";
import { timed } from "./common";

const args = process.argv.slice(2);
const raw: Record<string, string> = {};
for (let i = 0; i + 1 < args.length; i += 2) raw[args[i]!.replace(/^--/, "")] = args[i + 1]!;
const id = raw.model ?? "verifier";
const R = Number(raw.replicates ?? 1);
const theoryOnly = raw.theory === "1";
delete raw.model;
delete raw.replicates;
delete raw.theory;
const model = models[id];
if (!model) throw new Error(`model ${id} is not registered on this branch`);
const p = validateParams(model.schema, raw);

if (theoryOnly) {
  timed(() => {
    const curves = Object.values(model.theory(p));
    const first = curves[0] ?? [Number.NaN];
    return first[first.length - 1]!;
  });
  process.exit(0);
}

timed(() => {
  const names = model.metrics(p).map((m) => m.name);
  const X = model.generations(p).length;
  const sums = names.map(() => new Float64Array(X));
  for (const rng of replicateRngs(1, R)) {
    const out = model.replicate(p, rng);
    names.forEach((name, i) => {
      const path = out[name]!, sum = sums[i]!;
      for (let t = 0; t < X; t++) sum[t] += path[t]!;
    });
  }
  return sums[0]![X - 1]! / R;
});

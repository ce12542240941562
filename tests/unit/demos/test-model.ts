// A tiny test-only model (Wright–Fisher coin): p' = Binomial(n, p)/n. Exact moments are known, so
// tests can compare with closed forms: E[p_t] = p0 and E[p_t(1-p_t)] = p0(1-p0)(1-1/n)^t.
import type { Model } from "../../../src/core/model";
import type { Rng } from "../../../src/core/rng";
import { ParamError } from "../../../src/core/errors";
import type { Schema } from "../../../src/core/schema";

export type CoinParams = { n: number; p0: number; T: number; mode: string; flag: boolean; weights: number[]; prior: string };

export const coinSchema: Schema<CoinParams> = {
  params: {
    n: { type: "int", label: "Samples per generation", help: "n", min: 2, max: 1000, default: 20, scale: "log" },
    p0: { type: "float", label: "Initial share", help: "p0", min: 0, max: 1, step: 0.01, default: 0.5 },
    T: { type: "int", label: "Generations", help: "T", min: 1, max: 200, default: 30 },
    mode: { type: "enum", label: "Mode", help: "", options: [{ value: "plain", label: "Plain" }, { value: "noisy", label: "Noisy" }], default: "plain" },
    flag: { type: "bool", label: "Flag", help: "", default: false },
    weights: { type: "list", label: "Weights", help: "", minLength: 1, maxLength: 4, min: 0, max: 10, default: [1, 2] },
    prior: {
      type: "text", label: "Prior", help: "", maxLength: 20, allowed: "uniform | zipf:<β>", default: "uniform",
      parse: (t) => { if (t === "uniform" || /^zipf:\d+(\.\d+)?$/.test(t)) return t; throw new ParamError("prior", "uniform | zipf:<β>", t); },
    },
  },
  check: (p) => { if (p.n < 4 && p.T > 100) throw new ParamError("T", "at most 100 when n < 4", String(p.T)); },
};

export const coinModel: Model<CoinParams> = {
  id: "coin",
  label: "Coin resampling",
  description: "Test model.",
  schema: coinSchema,
  metrics: () => [
    { name: "p", label: "Share of heads", help: "" },
    { name: "het", label: "Heterozygosity", help: "", unit: "bits" },
  ],
  generations: (p) => Array.from({ length: p.T + 1 }, (_, t) => t),
  replicate(p, rng: Rng) {
    const share = new Float64Array(p.T + 1), het = new Float64Array(p.T + 1);
    let x = p.p0;
    for (let t = 0; t <= p.T; t++) {
      share[t] = x; het[t] = x * (1 - x);
      let k = 0;
      for (let i = 0; i < p.n; i++) if (rng() < x) k++;
      x = k / p.n;
    }
    return { p: share, het };
  },
  theory: (p) => ({
    p: Array.from({ length: p.T + 1 }, () => p.p0),
    het: Array.from({ length: p.T + 1 }, (_, t) => p.p0 * (1 - p.p0) * (1 - 1 / p.n) ** t),
  }),
};

export const lookup = (id: string) => {
  if (id !== "coin") throw new Error(`unknown model ${id}`);
  return coinModel;
};

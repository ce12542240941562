/**
 * Chapter 6 comparison model "families": each family's series is exactly that family's own model run on
 * its own stream, normalised; the Gaussian theory is the closed form E σ_t/σ_0 = (c4·√((n−1)/n))^t; the
 * KDE ancestry theory is the exact Wright–Fisher marginal chain (checked against enumeration for small n and
 * against simulation within 3 SE); schema errors name the families parameter.
 */
import { describe, expect, it } from "vitest";
import { families, familyParams, FAMILIES, runFamilies } from "../../../src/core/models/families";
import { kde, kdeAncestorsTheory, runKde } from "../../../src/core/models/kde";
import { models } from "../../../src/core/models/index";
import { runEnsemble, runReplicates } from "../../../src/core/ensemble";
import { createRng, replicateRngs } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { ParamError } from "../../../src/core/errors";
import { normalisedDiversity } from "../../../src/core/metrics/normalised-diversity";
import { meanSe } from "./stats";

/** Cheap settings (the n-gram loop dominates the cost). */
const SMALL = { n: 20, generations: 12, ngramLength: 200, ngramOrder: 2 };

describe("families model", () => {
  it("is registered for the runner and the demos", () => {
    expect(models.families).toBe(families);
  });

  it("family f of a replicate is that family's own model on the f-th seed drawn from the replicate stream", () => {
    const p = validateParams(families.schema, SMALL);
    const out = runFamilies(p, createRng(5));
    const stream = createRng(5);
    const seeds = FAMILIES.map(() => Math.floor(stream() * 4294967296));
    const raw = familyParams(p);
    FAMILIES.forEach((f, i) => {
      const model = models[f]!;
      const paths = model.replicate(validateParams(model.schema, raw[f]), createRng(seeds[i]!));
      expect(Array.from(out[`diversity:${f}`]!), f).toEqual(Array.from(normalisedDiversity(f, paths)));
      if (f === "kde") expect(Array.from(out["ancestry:kde"]!)).toEqual(Array.from(paths.ancestors!, (a) => a / p.n));
    });
    for (const name of Object.keys(out)) expect(out[name]![0], name).toBe(1);
  });

  it("same seed, same numbers; chunked runs equal one-piece runs", () => {
    const p = validateParams(families.schema, SMALL);
    expect(runEnsemble(families, p, { seed: 9, replicates: 3 })).toEqual(runEnsemble(families, p, { seed: 9, replicates: 3 }));
    expect([...runReplicates(families, p, 9, 0, 1), ...runReplicates(families, p, 9, 1, 2)]).toEqual(runReplicates(families, p, 9, 0, 3));
  });

  it("Gaussian theory: E σ_t/σ_0 = (c4(n)·√((n−1)/n))^t with c4 from half-integer Γ values; simulation within 3 SE", () => {
    // n = 20: Γ(10) = 9!, Γ(9.5) = (17!!/2⁹)√π, so c4 = √(2/19)·9!·2⁹/(17!!·√π).
    const n = 20;
    let dfact = 1;
    for (let k = 17; k > 0; k -= 2) dfact *= k;
    const c4 = Math.sqrt(2 / 19) * 362880 * 512 / (dfact * Math.sqrt(Math.PI));
    expect(c4).toBeCloseTo(0.986934, 5);
    const p = validateParams(families.schema, SMALL);
    const th = families.theory(p)["diversity:gaussian"]!;
    th.forEach((v, t) => expect(v).toBeCloseTo((c4 * Math.sqrt((n - 1) / n)) ** t, 12));
    // Simulation: only the Gaussian family matters here, so run the gaussian model on the same sub-streams.
    const R = 3000, t = 12;
    const g = validateParams(models.gaussian!.schema, familyParams(p).gaussian);
    const values = replicateRngs(21, R).map((rng) => {
      const seeds = FAMILIES.map(() => Math.floor(rng() * 4294967296));
      return normalisedDiversity("gaussian", models.gaussian!.replicate(g, createRng(seeds[1]!)))[t]!;
    });
    const s = meanSe(values);
    expect(Math.abs(s.mean - th[t]!)).toBeLessThan(3 * s.se);
  }, 60_000);

  it("every family loses diversity at the defaults' scale: mean D_T/D_0 < 1 by more than 3 SE (KDE: its ancestry)", () => {
    const p = validateParams(families.schema, { ...SMALL, generations: 30, h: 0.05 });
    const r = runEnsemble(families, p, { seed: 4, replicates: 40 });
    for (const name of [...FAMILIES.map((f) => `diversity:${f}`), "ancestry:kde"]) {
      const m = r.metrics[name]!;
      expect(1 - m.mean[30]!, name).toBeGreaterThan(3 * m.se[30]!);
    }
  }, 120_000);

  it("errors name the families parameter (a family's own cap is re-labelled)", () => {
    const bad = (raw: Record<string, unknown>) => {
      try {
        validateParams(families.schema, raw);
      } catch (e) {
        expect(e).toBeInstanceOf(ParamError);
        return (e as ParamError).param;
      }
      throw new Error("no error");
    };
    expect(bad({ n: 5 })).toBe("n");
    expect(bad({ h: -1 })).toBe("h");
    expect(bad({ ngramOrder: 9 })).toBe("ngramOrder");
    expect(bad({ kdeBandwidth: "<script>" })).toBe("kdeBandwidth");
    // The KDE's and the mixture's own work caps (n·(generations+1) ≤ 10⁶, …) name generations.
    expect(bad({ n: 2000, generations: 500 })).toBe("generations");
  });
});

describe("KDE ancestry theory (exact Wright–Fisher marginal chain)", () => {
  it("equals brute-force enumeration of the chain for n = 4 and the one-step formula n(1 − (1 − 1/n)^n)", () => {
    const n = 4, T = 6;
    // Enumerate: distribution of one ancestor's descendant count j → Bin(n, j/n).
    const binom = (k: number, m: number) => { let c = 1; for (let i = 0; i < k; i++) c = (c * (m - i)) / (i + 1); return c; };
    let d = [0, 1, 0, 0, 0];
    const expected = [n];
    for (let t = 1; t <= T; t++) {
      const next = new Array(n + 1).fill(0);
      d.forEach((pj, j) => { for (let k = 0; k <= n; k++) next[k] += pj * binom(k, n) * (j / n) ** k * (1 - j / n) ** (n - k); });
      d = next;
      expected.push(n * (1 - d[0]!));
    }
    const th = kdeAncestorsTheory(n, T)!;
    th.forEach((v, t) => expect(v).toBeCloseTo(expected[t]!, 12));
    for (const m of [10, 50, 200]) expect(kdeAncestorsTheory(m, 1)![1]).toBeCloseTo(m * (1 - (1 - 1 / m) ** m), 9);
  });

  it("kde.theory() gives it in the closed loop only; simulated mean within 3 SE at t = 5 and 20", () => {
    const p = validateParams(kde.schema, { n: 30, generations: 20 });
    const th = kde.theory(p).ancestors!;
    expect(th).toHaveLength(21);
    expect(kde.theory(validateParams(kde.schema, { n: 30, generations: 20, alpha: 0.5 })).ancestors).toBeUndefined();
    const runs = replicateRngs(17, 800).map((rng) => runKde(p, rng));
    for (const t of [5, 20]) {
      const s = meanSe(runs.map((r) => r.ancestors![t]!));
      expect(Math.abs(s.mean - th[t]!), `t = ${t}`).toBeLessThan(3 * s.se);
    }
  }, 120_000);
});

import { describe, expect, it } from "vitest";
import { runReplicates } from "../../../src/core/ensemble";
import { categorical, categoricalTheory, traceCategorical } from "../../../src/core/models/categorical";
import { replicateRngs } from "../../../src/core/rng";
import { validateParams } from "../../../src/core/schema";
import { kimuraOhtaTime, littlerTime, rareLossProbability } from "../../../src/core/theory/diffusion";
import { expectedSupportFromCounts, fixationProbabilities, meanAbsorptionTimes, mixtureKernel } from "../../../src/core/theory/markov-chain";
import { meanSe } from "./stats";

describe("exact two-type chain", () => {
  it("kernel rows are probability vectors", () => {
    const M = mixtureKernel(30, 0.2, 0.4);
    for (let j = 0; j <= 30; j++) {
      let s = 0;
      for (let k = 0; k <= 30; k++) s += M[j * 31 + k]!;
      expect(s).toBeCloseTo(1, 13);
    }
  });

  it("fixation probabilities solve to j/n (martingale)", () => {
    const u = fixationProbabilities(60);
    for (let j = 0; j <= 60; j++) expect(u[j]).toBeCloseTo(j / 60, 10);
  });

  it("mean absorption times match the dossier's exact values; Kimura–Ohta 1.386n within 3% at n = 100", () => {
    const t100 = meanAbsorptionTimes(100), t20 = meanAbsorptionTimes(20);
    expect(t100[50]).toBeCloseTo(136.6, 1);
    expect(t20[10]).toBeCloseTo(26.2, 1);
    expect(kimuraOhtaTime(100, 0.5)).toBeCloseTo(200 * Math.LN2, 10);
    expect(Math.abs(kimuraOhtaTime(100, 0.5) / t100[50]! - 1)).toBeLessThan(0.03);
    expect(Math.abs(kimuraOhtaTime(100, 0.3) / t100[30]! - 1)).toBeLessThan(0.03);
    // Littler for K = 4 equal types, n = 50 (dossier: 86.3)
    expect(littlerTime(50, [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(86.3, 1);
  });

  it("rare-category loss: q_t^k approaches e^(−2k/t) for large t", () => {
    const q = rareLossProbability(3, 2000);
    expect(q[0]).toBe(0);
    expect(Math.abs(q[2000]! / Math.exp(-6 / 2000) - 1)).toBeLessThan(0.01);
  });
});

describe("T3–T5 against simulation", () => {
  it("T3: E K_50 within 3 SE of the exact marginal chain (2.932) for counts (40,20,12,8,6,5,4,3,1,1), n = 100", () => {
    const counts = [40, 20, 12, 8, 6, 5, 4, 3, 1, 1];
    const exact = expectedSupportFromCounts(100, counts, 50);
    expect(exact[50]).toBeCloseTo(2.932, 3);
    const p = validateParams(categorical.schema, { K: 10, n: 100, generations: 50, init: `list:${counts.join(",")}` });
    // the model's own theory agrees with the standalone chain
    expect(categoricalTheory(p).support![50]).toBeCloseTo(exact[50]!, 10);
    const paths = runReplicates(categorical, p, 3, 0, 2000);
    const { mean, se } = meanSe(Float64Array.from(paths, (r) => r.support![50]!));
    expect(Math.abs(mean - exact[50]!)).toBeLessThan(3 * se);
  });

  for (const p0 of [0.3, 0.5]) {
    it(`T4/T5: K = 2, n = 100, p0 = ${p0}: fixation fraction within 3 SE of p0; mean absorption time within 3 SE of the (I − Q) solve`, () => {
      const n = 100, T = 2000, R = 2000;
      const p = validateParams(categorical.schema, { K: 2, n, generations: T, init: `list:${p0},${1 - p0}` });
      let fixedFirst = 0, unabsorbed = 0;
      const times = new Float64Array(R);
      replicateRngs(45 + p0 * 10, R).forEach((rng, r) => {
        const { frames } = traceCategorical(p, rng);
        let t = 0;
        while (t <= T && frames[2 * t]! > 0 && frames[2 * t]! < 1) t++;
        if (t > T) unabsorbed++;
        else if (frames[2 * t] === 1) fixedFirst++;
        times[r] = t;
      });
      expect(unabsorbed).toBe(0);
      const frac = fixedFirst / R;
      expect(Math.abs(frac - p0)).toBeLessThan(3 * Math.sqrt((p0 * (1 - p0)) / R));
      const exact = meanAbsorptionTimes(n)[Math.round(p0 * n)]!;
      const { mean, se } = meanSe(times);
      expect(Math.abs(mean - exact)).toBeLessThan(3 * se);
    });
  }
});

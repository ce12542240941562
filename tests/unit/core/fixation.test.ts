/**
 * Experiment "fixation" (chapter 8, demo "fixation"): the simulated share of runs in which the hack takes over
 * against the exact Wright–Fisher-with-selection chain (T22 across N), Kimura's formula and the neutral value.
 * Fixed seeds; 3 SE from replicate variance.
 */
import { describe, expect, it } from "vitest";
import { runEnsemble, runReplicates } from "../../../src/core/ensemble";
import { ParamError } from "../../../src/core/errors";
import { fixation, hackStart, type FixationParams } from "../../../src/core/models/fixation";
import { models } from "../../../src/core/models/index";
import { validateParams } from "../../../src/core/schema";
import { kimuraFixation, selectionFixationProbabilities } from "../../../src/core/theory/selection-chain";
import { meanSe } from "./stats";

const params = (raw: Record<string, unknown>): FixationParams => validateParams(fixation.schema, raw);

describe("fixation: registered, x axis = N", () => {
  it("is in the registry and its x axis is the N list", () => {
    expect(models.fixation).toBe(fixation);
    const p = params({});
    expect(fixation.generations(p)).toEqual([5, 10, 20, 50, 100, 200]);
  });

  it("start counts are round(pN) inside 1..N−1", () => {
    expect(hackStart(100, 0.1)).toBe(10);
    expect(hackStart(5, 0.1)).toBe(1);
    expect(hackStart(5, 0.99)).toBe(4);
  });
});

describe("fixation: simulation against the exact chain (T22 across N)", () => {
  it("s = 0.02, p = 0.1: every N within 3 SE of the exact chain; Kimura within 3% at N ≥ 100; N = 100 gives 0.334", () => {
    const p = params({ NList: [10, 50, 100], s: 0.02, p: 0.1 });
    const R = 3000;
    const reps = runReplicates(fixation, p, 11, 0, R);
    const th = fixation.theory(p);
    p.NList.forEach((N, i) => {
      const s = meanSe(Float64Array.from(reps, (r) => r.fixes![i]!));
      expect(Math.abs(s.mean - th.fixes![i]!), `N = ${N}`).toBeLessThan(3 * s.se);
    });
    expect(th.fixes![2]!).toBeGreaterThan(0.333);
    expect(th.fixes![2]!).toBeLessThan(0.336);
    expect(Math.abs(th["fixes:kimura"]![2]! - th.fixes![2]!) / th.fixes![2]!).toBeLessThan(0.03);
  });

  it("s < 0 (truth favoured): the hack still fixes with positive probability, below p, falling with N", () => {
    const p = params({ NList: [5, 10, 20, 50, 100], s: -0.05, p: 0.2 });
    const th = fixation.theory(p);
    const f = th.fixes!;
    for (let i = 0; i < f.length; i++) {
      expect(f[i]!).toBeGreaterThan(0);
      expect(f[i]!).toBeLessThan(th["fixes:neutral"]![i]!);
      if (i > 0) expect(f[i]!).toBeLessThan(f[i - 1]!);
    }
    const R = 3000;
    const reps = runReplicates(fixation, p, 5, 0, R);
    p.NList.forEach((N, i) => {
      const s = meanSe(Float64Array.from(reps, (r) => r.fixes![i]!));
      const se = Math.max(s.se, Math.sqrt((f[i]! * (1 - f[i]!)) / R));
      expect(Math.abs(s.mean - f[i]!), `N = ${N}`).toBeLessThan(3 * se);
    });
  });

  it("s = 0: exact chain = Kimura = neutral = j₀/N", () => {
    const th = fixation.theory(params({ NList: [7, 40], s: 0, p: 0.3 }));
    [2 / 7, 12 / 40].forEach((v, i) => {
      expect(th.fixes![i]!).toBeCloseTo(v, 10);
      expect(th["fixes:kimura"]![i]!).toBeCloseTo(v, 12);
      expect(th["fixes:neutral"]![i]!).toBeCloseTo(v, 12);
    });
  });

  it("theory uses the same helpers as the verifier tests (independent check of one value)", () => {
    const th = fixation.theory(params({ NList: [100], s: 0.02, p: 0.1 }));
    expect(th.fixes![0]).toBe(selectionFixationProbabilities(100, 1.02, 1)[10]);
    expect(th["fixes:kimura"]![0]).toBeCloseTo((1 - Math.exp(-0.4)) / (1 - Math.exp(-4)), 12);
    expect(kimuraFixation(100, 0.02, 0.1)).toBe(th["fixes:kimura"]![0]);
  });

  it("same seed ⇒ same output; every replicate value is 0 or 1", () => {
    const p = params({ NList: [5, 20], s: 0.1, p: 0.3 });
    const a = runEnsemble(fixation, p, { seed: 4, replicates: 50 });
    const b = runEnsemble(fixation, p, { seed: 4, replicates: 50 });
    expect(a.metrics.fixes!.mean).toEqual(b.metrics.fixes!.mean);
    for (const r of runReplicates(fixation, p, 4, 0, 50)) for (const v of r.fixes!) expect(v === 0 || v === 1).toBe(true);
  });
});

describe("fixation: invalid options give the typed error", () => {
  it.each([
    [{ NList: [10, 10] }, "NList"],
    [{ NList: [20, 10] }, "NList"],
    [{ NList: [1] }, "NList"],
    [{ NList: [201] }, "NList"],
    [{ NList: [2.5] }, "NList"],
    [{ s: -0.6 }, "s"],
    [{ s: 2 }, "s"],
    [{ p: 0 }, "p"],
    [{ p: "x" }, "p"],
  ])("%j → ParamError(%s)", (raw, name) => {
    let err: unknown;
    try {
      validateParams(fixation.schema, raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParamError);
    expect((err as ParamError).param).toBe(name);
  });
});

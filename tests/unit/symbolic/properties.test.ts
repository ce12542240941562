/** fast-check properties of mechanismLoop (any valid params: finite, in-range metrics and theory) and grounding by α. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mechanismLoop } from "../../../src/core/models/mechanism-loop";
import { runEnsemble } from "../../../src/core/ensemble";
import { validateParams } from "../../../src/core/schema";

describe("mechanismLoop properties", () => {
  it("any valid parameters give finite metrics in range and a theory in [0, 1]", { timeout: 300_000 }, () => {
    const params = fc.record({
      source: fc.constantFrom("periodic", "eca"),
      pattern: fc.array(fc.constantFrom("0", "1"), { minLength: 1, maxLength: 10 }).map((a) => a.join("")),
      rule: fc.integer({ min: 0, max: 255 }),
      noise: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
      n: fc.constantFrom(20, 40),
      generations: fc.integer({ min: 1, max: 4 }),
      k: fc.integer({ min: 1, max: 8 }),
      alpha: fc.double({ min: 0, max: 1, noNaN: true }),
      grounded: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 1000 }), (raw, seed) => {
        const p = validateParams(mechanismLoop.schema, raw);
        const r = runEnsemble(mechanismLoop, p, { seed, replicates: 2 });
        for (const [name, s] of Object.entries(r.metrics)) {
          for (const v of s.mean) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
            if (!name.endsWith(":kl")) expect(v).toBeLessThanOrEqual(1);
          }
        }
        for (const v of r.theory["program:kept"]!) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 25, seed: 11 },
    );
  });
  it("grounding: with α = 0.5 real bits per generation the k-gram's KL at T = 50 stays below the closed loop's", { timeout: 300_000 }, () => {
    const kl = (alpha: number) => runEnsemble(mechanismLoop, validateParams(mechanismLoop.schema, { alpha }), { seed: 2, replicates: 100 }).metrics["kgram:kl"]!;
    const closed = kl(0);
    const grounded = kl(0.5);
    expect(closed.mean[50]! - grounded.mean[50]!).toBeGreaterThan(3 * Math.hypot(closed.se[50]!, grounded.se[50]!));
  });
});

/**
 * Property tests (fast-check, fixed seed): determinism, finiteness on every valid input, and ParamError
 * (never NaN, a hang, or another exception) on invalid input, for every continuous model.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gaussian } from "../../../src/core/models/gaussian";
import { regression } from "../../../src/core/models/regression";
import { validateParams } from "../../../src/core/schema";
import { CliError, parseArgs } from "../../../src/core/cli/index";
import { models } from "../../../src/core/models/index";
import type { AnyModel } from "../../../src/core/model";
import { createRng } from "../../../src/core/rng";
import { assertDeterministic, assertFinite, assertJunkRejected, validValue, type Pick } from "./model-properties";

const FC = { seed: 20260105, numRuns: 60 };
const continuous: AnyModel[] = [gaussian, regression];

/** Valid raw values for a spec (generations kept short so the property runs stay fast). */
const valid: Pick = (name, spec) => validValue(name, spec, { generations: 15 });

describe.each(continuous.map((m) => [m.id, m] as const))("%s", (_id, model) => {
  it("same params and seed give identical output; chunked runs equal one-piece runs", () => {
    assertDeterministic(model, valid, 3, FC);
  });
  it("every metric and theory value is finite for every valid parameter set", () => {
    assertFinite(model, valid, FC);
  });
  it("invalid values throw ParamError naming the parameter, never another error", () => {
    assertJunkRejected(model, ["NaN", "Infinity", "-0x1", "1e999", "<b>", "", " "], ["T"], { ...FC, numRuns: 300 });
  });
});

describe("extremes", () => {
  it("Gaussian: n = 2, λ = 0.05, 10 000 generations stays finite (log σ² far below double underflow)", () => {
    const p = validateParams(gaussian.schema, { n: 2, temperature: 0.05, generations: 10000, estimator: "mle" });
    const out = gaussian.replicate(p, createRng(2));
    for (const name of ["mu", "sigma2", "logSigma2", "sigma", "w2"]) for (const v of out[name]!) expect(Number.isFinite(v)).toBe(true);
    expect(out.logSigma2![10000]).toBeLessThan(-2000); // σ² itself underflowed to 0; its log did not
  });
  it("parseArgs on arbitrary argv returns a command or throws CliError, nothing else", () => {
    const token = fc.oneof(fc.string(), fc.constantFrom("gaussian", "regression", "--n", "--alpha", "--seed", "--format", "--help", "--T=", "--=", "--", "-"));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        try {
          const cmd = parseArgs(argv, models);
          expect(["help", "run"]).toContain(cmd.kind);
        } catch (e) {
          expect(e).toBeInstanceOf(CliError);
        }
      }),
      { ...FC, numRuns: 500 },
    );
  });
});

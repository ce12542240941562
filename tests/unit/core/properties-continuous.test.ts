/**
 * Property tests (fast-check, fixed seed): determinism, finiteness on every valid input, and ParamError
 * (never NaN, a hang, or another exception) on invalid input, for every continuous model.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gaussian } from "../../../src/core/models/gaussian";
import { regression } from "../../../src/core/models/regression";
import { runEnsemble, runReplicates } from "../../../src/core/ensemble";
import { validateParams, type AnySpec } from "../../../src/core/schema";
import { ParamError } from "../../../src/core/errors";
import { CliError, parseArgs } from "../../../src/core/cli/index";
import { models } from "../../../src/core/models/index";
import type { AnyModel } from "../../../src/core/model";
import { createRng } from "../../../src/core/rng";

const FC = { seed: 20260105, numRuns: 60 };
const continuous: AnyModel[] = [gaussian, regression];

/** Valid raw values for a spec (generations kept short so the property runs stay fast). */
function valid(name: string, spec: AnySpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case "int": return fc.integer({ min: spec.min, max: name === "generations" ? Math.min(spec.max, 15) : spec.max });
    case "float": return fc.double({ min: spec.min, max: spec.max, noNaN: true });
    case "enum": return fc.constantFrom(...spec.options.map((o) => o.value));
    default: return fc.constant(spec.default);
  }
}

function validParams(model: AnyModel): fc.Arbitrary<Record<string, unknown>> {
  const specs = model.schema.params as Record<string, AnySpec>;
  return fc.record(Object.fromEntries(Object.entries(specs).map(([n, s]) => [n, valid(n, s)]))).filter((raw) => {
    try {
      validateParams(model.schema, raw);
      return true;
    } catch {
      return false; // cross-parameter check (T > d + 1)
    }
  });
}

describe.each(continuous.map((m) => [m.id, m] as const))("%s", (_id, model) => {
  it("same params and seed give identical output; chunked runs equal one-piece runs", () => {
    fc.assert(
      fc.property(validParams(model), fc.integer({ min: 0, max: 0xffffffff }), (raw, seed) => {
        const p = validateParams(model.schema, raw);
        const a = runEnsemble(model, p, { seed, replicates: 3 });
        const b = runEnsemble(model, p, { seed, replicates: 3 });
        expect(b).toEqual(a);
        const chunked = [...runReplicates(model, p, seed, 0, 1), ...runReplicates(model, p, seed, 1, 2)];
        expect(chunked).toEqual(runReplicates(model, p, seed, 0, 3));
      }),
      FC,
    );
  });
  it("every metric and theory value is finite for every valid parameter set", () => {
    fc.assert(
      fc.property(validParams(model), (raw) => {
        const p = validateParams(model.schema, raw);
        const out = model.replicate(p, createRng(1));
        for (const spec of model.metrics(p)) {
          expect(out[spec.name]!.length).toBe(model.generations(p).length);
          for (const v of out[spec.name]!) expect(Number.isFinite(v)).toBe(true);
        }
        for (const series of Object.values(model.theory(p))) for (const v of series) expect(Number.isFinite(v)).toBe(true);
      }),
      FC,
    );
  });
  it("invalid values throw ParamError naming the parameter, never another error", () => {
    const specs = model.schema.params as Record<string, AnySpec>;
    const junk = fc.oneof(fc.string(), fc.double(), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom("NaN", "Infinity", "-0x1", "1e999", "<b>", "", " "), fc.anything());
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(specs)), junk, (name, value) => {
        try {
          const p = validateParams(model.schema, { [name]: value });
          // Accepted: it must then be a legal value of that parameter.
          const v = p[name];
          if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ParamError);
          expect(["T", name]).toContain((e as ParamError).param);
        }
      }),
      { ...FC, numRuns: 300 },
    );
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

/**
 * Shared scaffolding of the model property tests (properties-continuous, properties-families): arbitraries of
 * valid parameter sets, and the three properties every ensemble model must have (determinism with chunked =
 * one piece, finite output, ParamError on junk). Each test file keeps its own fast-check seed and run counts.
 */
import { expect } from "vitest";
import fc from "fast-check";
import { runEnsemble, runReplicates } from "../../../src/core/ensemble";
import { validateParams, type AnySpec } from "../../../src/core/schema";
import { ParamError } from "../../../src/core/errors";
import type { AnyModel } from "../../../src/core/model";
import { createRng } from "../../../src/core/rng";

export type Pick = (name: string, spec: AnySpec) => fc.Arbitrary<unknown>;

/**
 * Valid raw values for a spec. `caps` bounds int parameters by name (keeps property runs fast); list specs get
 * `listLength` values when it is given, else (like every other type) their default.
 */
export function validValue(name: string, spec: AnySpec, caps: Record<string, number>, listLength?: number): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case "int": return fc.integer({ min: spec.min, max: Math.min(spec.max, caps[name] ?? spec.max) });
    case "float": return fc.double({ min: spec.min, max: spec.max, noNaN: true });
    case "enum": return fc.constantFrom(...spec.options.map((o) => o.value));
    case "list":
      if (listLength !== undefined) return fc.array(fc.double({ min: spec.min, max: spec.max, noNaN: true }), { minLength: listLength, maxLength: listLength });
      return fc.constant(spec.default);
    default: return fc.constant(spec.default);
  }
}

/** Raw parameter sets drawn with `pick`, keeping those the schema accepts (cross-parameter checks included). */
export function validParams(model: AnyModel, pick: Pick): fc.Arbitrary<Record<string, unknown>> {
  const specs = model.schema.params as Record<string, AnySpec>;
  return fc.record(Object.fromEntries(Object.entries(specs).map(([n, s]) => [n, pick(n, s)]))).filter((raw) => {
    try {
      validateParams(model.schema, raw);
      return true;
    } catch {
      return false; // a cross-parameter check (e.g. T > d + 1)
    }
  });
}

/** Same params and seed give identical output; replicates run in two chunks equal one piece of `replicates`. */
export function assertDeterministic(model: AnyModel, pick: Pick, replicates: number, params: fc.Parameters<[Record<string, unknown>, number]>): void {
  fc.assert(
    fc.property(validParams(model, pick), fc.integer({ min: 0, max: 0xffffffff }), (raw, seed) => {
      const p = validateParams(model.schema, raw);
      const a = runEnsemble(model, p, { seed, replicates });
      expect(runEnsemble(model, p, { seed, replicates })).toEqual(a);
      expect([...runReplicates(model, p, seed, 0, 1), ...runReplicates(model, p, seed, 1, replicates - 1)]).toEqual(runReplicates(model, p, seed, 0, replicates));
    }),
    params,
  );
}

/** Every metric (one value per generation) and every theory value is finite for every valid parameter set. */
export function assertFinite(model: AnyModel, pick: Pick, params: fc.Parameters<[Record<string, unknown>]>): void {
  fc.assert(
    fc.property(validParams(model, pick), (raw) => {
      const p = validateParams(model.schema, raw);
      const out = model.replicate(p, createRng(1));
      for (const spec of model.metrics(p)) {
        expect(out[spec.name]!.length).toBe(model.generations(p).length);
        for (const v of out[spec.name]!) expect(Number.isFinite(v)).toBe(true);
      }
      for (const series of Object.values(model.theory(p))) for (const v of series) expect(Number.isFinite(v)).toBe(true);
    }),
    params,
  );
}

/**
 * One junk value (`constants` among them) for one parameter: accepted only as a legal (finite) value, else a
 * ParamError naming that parameter or one of `alsoBlamed` (cross-parameter checks), never another error.
 */
export function assertJunkRejected(model: AnyModel, constants: string[], alsoBlamed: string[], params: fc.Parameters<[string, unknown]>): void {
  const specs = model.schema.params as Record<string, AnySpec>;
  const junk = fc.oneof(fc.string(), fc.double(), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...constants), fc.anything());
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(specs)), junk, (name, value) => {
      try {
        const p = validateParams(model.schema, { [name]: value });
        // Accepted: it must then be a legal value of that parameter.
        const v = p[name];
        if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(ParamError);
        expect([...alsoBlamed, name]).toContain((e as ParamError).param);
      }
    }),
    params,
  );
}

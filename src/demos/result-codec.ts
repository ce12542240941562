/**
 * A run result as JSON text and back, exactly: the build ships each demo's default run as a file
 * (src/lib/demo-data.ts) so the island can show it without running the model again. Plain JSON would
 * turn NaN and ±Infinity into null and -0 into 0; those numbers are written as {"$num": "NaN"} etc.
 * instead, and a Float64Array (the bars trace) as {"$f64": [...]}, so a decoded result equals the
 * encoded one bit for bit.
 */
import type { DemoRunResult } from "./protocol";

const TAG = "$num";
const F64 = "$f64";

function isSpecial(x: number): boolean {
  return !Number.isFinite(x) || Object.is(x, -0);
}

export function encodeResult(result: DemoRunResult): string {
  return JSON.stringify(result, (_key, value: unknown) => {
    if (typeof value === "number" && isSpecial(value)) return { [TAG]: Object.is(value, -0) ? "-0" : String(value) };
    if (value instanceof Float64Array) return { [F64]: Array.from(value) };
    // Any other typed array would silently become {"0": …}: refuse it instead.
    if (ArrayBuffer.isView(value)) throw new Error(`cannot encode a ${value.constructor.name} in a run result`);
    return value;
  });
}

const SPECIAL: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY, "-0": -0 };

/** Parses what encodeResult wrote; throws on text that is not such a result. */
export function decodeResult(text: string): DemoRunResult {
  const value: unknown = JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[TAG];
      if (keys.length === 1 && typeof tagged === "string" && tagged in SPECIAL) return SPECIAL[tagged];
      const values = (v as Record<string, unknown>)[F64];
      if (keys.length === 1 && Array.isArray(values) && values.every((x) => typeof x === "number")) return Float64Array.from(values as number[]);
    }
    return v;
  });
  const r = value as Partial<DemoRunResult> | null;
  if (
    !r || typeof r !== "object" || typeof r.model !== "string" || typeof r.seed !== "number" || typeof r.replicates !== "number" ||
    !Array.isArray(r.generations) || !r.metrics || typeof r.metrics !== "object" || !r.params || !r.paths || !r.theory
  ) {
    throw new Error("not a run result");
  }
  return r as DemoRunResult;
}

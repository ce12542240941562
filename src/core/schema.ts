/**
 * Typed parameter schemas. One schema per model drives the demo controls, the URL state, the command
 * line and validation, so all of them accept exactly the same values.
 *
 * - `validateParams` is strict (runner, core API): any bad value throws a ParamError.
 * - `coerceParams` is lenient (URL state, form fields): a bad value is replaced by the default and
 *   reported as a notice, so a hostile link still opens a valid run.
 */
import { ParamError } from "./errors";

interface BaseSpec<V> {
  /** Human label for controls, e.g. "Samples per generation". */
  label: string;
  /** One sentence of help shown beside the control and in `--help`. */
  help: string;
  /** Unit or symbol shown after the value, e.g. "bits" or "n". */
  unit?: string;
  default: V;
}

export interface IntSpec extends BaseSpec<number> {
  type: "int";
  min: number;
  max: number;
  step?: number;
  /** Slider scale; "log" suits parameters spanning decades (n, K). */
  scale?: "linear" | "log";
}

export interface FloatSpec extends BaseSpec<number> {
  type: "float";
  min: number;
  max: number;
  step: number;
  scale?: "linear" | "log";
}

export interface EnumSpec<V extends string = string> extends BaseSpec<V> {
  type: "enum";
  options: readonly { value: V; label: string }[];
}

export interface BoolSpec extends BaseSpec<boolean> {
  type: "bool";
}

/** A comma-separated list of numbers, e.g. an initial distribution or a custom α schedule. */
export interface ListSpec extends BaseSpec<number[]> {
  type: "list";
  minLength: number;
  maxLength: number;
  min: number;
  max: number;
}

/** Free text with its own parser, e.g. "zipf:1.1". `parse` throws ParamError on bad input. */
export interface TextSpec extends BaseSpec<string> {
  type: "text";
  maxLength: number;
  /** Describes accepted values for error messages, e.g. "uniform | zipf:<β> | dirichlet:<a>". */
  allowed: string;
  parse: (text: string) => string;
}

export type NumberSpec = IntSpec | FloatSpec;
export type ParamValue = number | string | boolean | number[];
export type AnySpec = NumberSpec | EnumSpec | BoolSpec | ListSpec | TextSpec;

/**
 * The spec type that fits a value type. Wrapped in [ ] so a union of literals ("mle" | "unbiased") maps to
 * one EnumSpec of the union instead of distributing into EnumSpec<"mle"> | EnumSpec<"unbiased">.
 */
export type SpecFor<V> = [V] extends [boolean]
  ? BoolSpec
  : [V] extends [number]
    ? NumberSpec
    : [V] extends [string]
      ? EnumSpec<V> | TextSpec
      : [V] extends [number[]]
        ? ListSpec
        : never;

export type Params = Record<string, ParamValue>;

export interface Schema<P extends Params> {
  /** Parameter specs in display order (object key order). */
  params: { [K in keyof P]: SpecFor<P[K]> };
  /** Cross-parameter constraints (e.g. T > d + 1); throws ParamError naming a parameter. */
  check?: (params: P) => void;
}

/** Text describing what a spec accepts, used in every error message. */
export function describeAllowed(spec: AnySpec): string {
  switch (spec.type) {
    case "int":
      return `an integer in [${spec.min}, ${spec.max}]`;
    case "float":
      return `a number in [${spec.min}, ${spec.max}]`;
    case "enum":
      return `one of ${spec.options.map((o) => o.value).join(" | ")}`;
    case "bool":
      return "true or false";
    case "list":
      return `${spec.minLength}–${spec.maxLength} comma-separated numbers in [${spec.min}, ${spec.max}]`;
    case "text":
      return spec.allowed;
  }
}

const MAX_RAW_TEXT = 4096;

function show(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === "string" ? JSON.stringify(raw) : Array.isArray(raw) ? `[${raw.join(",")}]` : String(raw);
  } catch {
    text = Object.prototype.toString.call(raw);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function parseNumber(raw: unknown): number {
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string" || raw.trim() === "" || raw.length > 64) return Number.NaN;
  return Number(raw.trim());
}

/** Parses and checks one value (a typed value or its text form). Throws ParamError. */
export function parseParam(name: string, spec: AnySpec, raw: unknown): ParamValue {
  const fail = (): never => {
    throw new ParamError(name, describeAllowed(spec), show(raw));
  };
  switch (spec.type) {
    case "int": {
      const v = parseNumber(raw);
      if (!Number.isInteger(v) || v < spec.min || v > spec.max) fail();
      return v;
    }
    case "float": {
      const v = parseNumber(raw);
      if (!Number.isFinite(v) || v < spec.min || v > spec.max) fail();
      return v;
    }
    case "enum": {
      const hit = spec.options.find((o) => o.value === raw);
      return hit ? hit.value : fail();
    }
    case "bool":
      if (raw === true || raw === "true" || raw === "1") return true;
      if (raw === false || raw === "false" || raw === "0") return false;
      return fail();
    case "list": {
      let items: unknown[];
      if (Array.isArray(raw)) items = raw;
      else if (typeof raw === "string" && raw.length <= MAX_RAW_TEXT) items = raw.split(",");
      else return fail();
      if (items.length < spec.minLength || items.length > spec.maxLength) fail();
      const values = items.map(parseNumber);
      if (values.some((v) => !Number.isFinite(v) || v < spec.min || v > spec.max)) fail();
      return values;
    }
    case "text": {
      if (typeof raw !== "string" || raw.length > spec.maxLength) fail();
      try {
        return spec.parse((raw as string).trim());
      } catch (error) {
        if (error instanceof ParamError) throw new ParamError(name, error.allowed, show(raw));
        return fail();
      }
    }
  }
}

/** The text form of a value, as used in URLs and on the command line (round-trips through parseParam). */
export function formatParam(spec: AnySpec, value: ParamValue): string {
  if (spec.type === "list") return (value as number[]).join(",");
  return String(value);
}

function entries<P extends Params>(schema: Schema<P>): [string, AnySpec][] {
  return Object.entries(schema.params) as [string, AnySpec][];
}

/** Default values of every parameter. */
export function defaultParams<P extends Params>(schema: Schema<P>): P {
  const out: Params = {};
  for (const [name, spec] of entries(schema)) {
    out[name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  }
  return out as P;
}

/**
 * Strict validation: missing parameters take their defaults; unknown names and bad values throw
 * ParamError. Values may be typed or in text form.
 */
export function validateParams<P extends Params>(schema: Schema<P>, raw: Readonly<Record<string, unknown>>): P {
  const known = new Set(Object.keys(schema.params));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) throw new ParamError(name, `a parameter of this model (${[...known].join(", ")})`, "an unknown name");
  }
  const out = defaultParams(schema) as Params;
  for (const [name, spec] of entries(schema)) {
    if (raw[name] !== undefined) out[name] = parseParam(name, spec, raw[name]);
  }
  schema.check?.(out as P);
  return out as P;
}

/** A value that was replaced, for the visible notice in a demo. Plain text, never HTML. */
export interface Notice {
  param: string;
  message: string;
}

/**
 * Lenient validation for untrusted input (URL, form): every bad or unknown value is dropped in favour
 * of the default, with a notice. If cross-parameter checks still fail, all defaults are used.
 */
export function coerceParams<P extends Params>(
  schema: Schema<P>,
  raw: Readonly<Record<string, unknown>>,
): { params: P; notices: Notice[] } {
  const notices: Notice[] = [];
  const out = defaultParams(schema) as Params;
  const known = new Set(Object.keys(schema.params));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) notices.push({ param: name.slice(0, 40), message: "unknown parameter ignored" });
  }
  for (const [name, spec] of entries(schema)) {
    if (raw[name] === undefined) continue;
    try {
      out[name] = parseParam(name, spec, raw[name]);
    } catch (error) {
      const why = error instanceof ParamError ? error.message : `${name}: invalid value`;
      notices.push({ param: name, message: `${why}; using the default ${formatParam(spec, spec.default)}` });
    }
  }
  try {
    schema.check?.(out as P);
  } catch (error) {
    const why = error instanceof ParamError ? error.message : "inconsistent parameters";
    notices.push({ param: error instanceof ParamError ? error.param : "", message: `${why}; using all defaults` });
    return { params: defaultParams(schema), notices };
  }
  return { params: out as P, notices };
}

/**
 * URL state codec. A demo's params, seed and replicates live in the query under its id prefix
 * (`?entropy.n=50&entropy.seed=7`) so a shared link reproduces the run, and several demos share one
 * page. Reading is lenient (coerceParams): a hostile or stale link still opens a valid run, and every
 * replaced value is reported as a plain-text notice.
 */
import { MAX_SEED } from "../core/rng";
import { coerceParams, formatParam, parseParam, type AnySpec, type IntSpec, type Notice, type Schema, type Params } from "../core/schema";
import type { DemoState } from "./types";

/** Past this many characters a query is not worth parsing (browsers cap URLs near here anyway). */
const MAX_QUERY = 16_384;
/** Notices beyond this many are summarised, so a junk URL cannot flood the page. */
const MAX_NOTICES = 8;

function seedSpec(fallback: number): IntSpec {
  return { type: "int", label: "Seed", help: "", min: 0, max: MAX_SEED, default: fallback };
}
function replicatesSpec(fallback: number, max: number): IntSpec {
  return { type: "int", label: "Replicates", help: "", min: 1, max, default: fallback };
}

/** The schema with the demo's own defaults, so replaced values fall back to what the demo shows. */
export function withDefaults<P extends Params>(schema: Schema<P>, defaults: Params): Schema<P> {
  const params = {} as Record<string, AnySpec>;
  for (const [name, spec] of Object.entries(schema.params) as [string, AnySpec][]) {
    params[name] = { ...spec, default: defaults[name] ?? spec.default } as AnySpec;
  }
  return { ...schema, params: params as Schema<P>["params"] };
}

/** The keys of a parameter set, in schema order (tools without seed or replicates use this alone). */
export function encodeParams(prefix: string, schema: Schema<Params>, params: Params): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, spec] of Object.entries(schema.params) as [string, AnySpec][]) {
    const value = params[name];
    if (value !== undefined) out.push([`${prefix}.${name}`, formatParam(spec, value)]);
  }
  return out;
}

/** Same values, compared by their URL text (so 0.1 + 0.2 and 0.3 or equal lists count as equal). */
export function sameParams(schema: Schema<Params>, a: Params, b: Params): boolean {
  return (Object.entries(schema.params) as [string, AnySpec][]).every(([name, spec]) => {
    const x = a[name];
    const y = b[name];
    return x === y || (x !== undefined && y !== undefined && formatParam(spec, x) === formatParam(spec, y));
  });
}

/** Every key of a state, in schema order: params, then seed and replicates. */
export function encodeState(prefix: string, schema: Schema<Params>, state: DemoState): [string, string][] {
  const out = encodeParams(prefix, schema, state.params);
  out.push([`${prefix}.seed`, String(state.seed)], [`${prefix}.replicates`, String(state.replicates)]);
  return out;
}

export interface Decoded {
  state: DemoState;
  notices: Notice[];
  /** Whether the query mentioned this demo at all. */
  present: boolean;
}

/** This prefix's raw values in a query (first of repeated keys), with notices for what was skipped. */
function readPrefixed(prefix: string, query: string): { raw: Record<string, string>; notices: Notice[]; present: boolean } {
  const notices: Notice[] = [];
  let search: URLSearchParams;
  try {
    search = new URLSearchParams(query.length > MAX_QUERY ? "" : query);
  } catch {
    search = new URLSearchParams();
  }
  if (query.length > MAX_QUERY) notices.push({ param: "", message: `the link's query is longer than ${MAX_QUERY} characters and was ignored` });

  const head = `${prefix}.`;
  const raw: Record<string, string> = Object.create(null);
  const seen = new Set<string>();
  let present = false;
  for (const [key, value] of search) {
    if (!key.startsWith(head)) continue;
    present = true;
    const name = key.slice(head.length);
    if (seen.has(name)) {
      notices.push({ param: name.slice(0, 40), message: "repeated in the link; using the first value" });
      continue;
    }
    seen.add(name);
    raw[name] = value;
  }
  return { raw, notices, present };
}

/**
 * Reads a demo's state from a query string. Never throws; the state is always valid. Keys of other
 * demos are ignored; unknown or repeated keys of this demo are reported.
 */
export function decodeState(
  prefix: string,
  schema: Schema<Params>,
  query: string,
  defaults: DemoState,
  maxReplicates: number,
): Decoded {
  const { raw, notices, present } = readPrefixed(prefix, query);
  const state: DemoState = { params: defaults.params, seed: defaults.seed, replicates: defaults.replicates };
  const special: [keyof DemoState & ("seed" | "replicates"), IntSpec][] = [
    ["seed", seedSpec(defaults.seed)],
    ["replicates", replicatesSpec(defaults.replicates, maxReplicates)],
  ];
  for (const [name, spec] of special) {
    if (raw[name] === undefined) continue;
    try {
      state[name] = parseParam(name, spec, raw[name]) as number;
    } catch (error) {
      notices.push({ param: name, message: `${(error as Error).message}; using the default ${spec.default}` });
    }
    delete raw[name];
  }
  const coerced = coerceParams(withDefaults(schema, defaults.params), raw);
  state.params = coerced.params;
  notices.push(...coerced.notices);
  return { state, notices: capNotices(notices), present };
}

/**
 * Reads a tool's parameters (no seed or replicates of its own; a seed, if any, is a schema param).
 * Never throws; bad values fall back to `defaults` with a notice each.
 */
export function decodeParams<P extends Params>(
  prefix: string,
  schema: Schema<P>,
  query: string,
  defaults: P,
): { params: P; notices: Notice[]; present: boolean } {
  const { raw, notices, present } = readPrefixed(prefix, query);
  const coerced = coerceParams(withDefaults(schema, defaults), raw);
  notices.push(...coerced.notices);
  return { params: coerced.params, notices: capNotices(notices), present };
}

/** At most MAX_NOTICES notices: the rest are summarised in the last one, so a junk URL cannot flood the page. */
export function capNotices(notices: Notice[]): Notice[] {
  if (notices.length <= MAX_NOTICES) return notices;
  const extra = notices.length - MAX_NOTICES + 1;
  return [...notices.slice(0, MAX_NOTICES - 1), { param: "", message: `and ${extra} more values were replaced` }];
}

/**
 * A new query string: this demo's keys replaced by `entries` (or removed when null), every other key
 * kept in its order. Returns "" or "?…".
 */
export function replaceInQuery(query: string, prefix: string, entries: [string, string][] | null): string {
  const search = new URLSearchParams(query);
  const head = `${prefix}.`;
  const kept = [...search].filter(([key]) => !key.startsWith(head));
  const next = new URLSearchParams([...kept, ...(entries ?? [])]);
  const text = next.toString();
  return text ? `?${text}` : "";
}

/** Human text of one notice, e.g. `n: expected an integer in [2, 1000], got "1e99"; using the default 50`. */
export function noticeText(notice: Notice): string {
  if (!notice.param || notice.message.startsWith(`${notice.param}:`)) return notice.message;
  return `${notice.param}: ${notice.message}`;
}

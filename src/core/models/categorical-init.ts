/**
 * Initial distributions p0 (= the truth π*) for the categorical model, given as text so they fit in a
 * URL or a CLI flag: "uniform" | "zipf:<β>" | "dirichlet:<a>" | "list:<p1,p2,…>".
 *
 * "dirichlet:<a>" draws p0 once per run from the stream of `initSeed` (a separate parameter, so every
 * replicate and the theory see the same π*; the run's replicate seed does not change it).
 */
import { ParamError } from "../errors";
import { createRng } from "../rng";
import { createGamma } from "../sampling/chisquare";
import { createNormal } from "../sampling/normal";
import { pow } from "../math";

export type InitSpec =
  | { kind: "uniform" }
  | { kind: "zipf"; beta: number }
  | { kind: "dirichlet"; a: number }
  | { kind: "list"; weights: number[] };

export const INIT_ALLOWED = "uniform | zipf:<β in [0, 10]> | dirichlet:<a in [0.01, 100]> | list:<w1,w2,…> (K weights ≥ 0)";
export const MAX_INIT_TEXT = 200_000;

const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function num(text: string): number {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : Number.NaN;
}

function bad(text: string): never {
  throw new ParamError("init", INIT_ALLOWED, JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text));
}

/** Parses an init text; throws ParamError("init", …) on anything else. */
export function parseInit(text: string): InitSpec {
  const t = text.trim().toLowerCase();
  if (t === "uniform") return { kind: "uniform" };
  const colon = t.indexOf(":");
  if (colon < 0) bad(text);
  const head = t.slice(0, colon);
  const body = t.slice(colon + 1);
  if (head === "zipf") {
    const beta = num(body);
    if (!(beta >= 0 && beta <= 10)) bad(text);
    return { kind: "zipf", beta };
  }
  if (head === "dirichlet") {
    const a = num(body);
    if (!(a >= 0.01 && a <= 100)) bad(text);
    return { kind: "dirichlet", a };
  }
  if (head === "list") {
    const weights = body.split(",").map(num);
    if (weights.length < 1 || weights.some((w) => !Number.isFinite(w) || w < 0)) bad(text);
    if (!(weights.reduce((s, w) => s + w, 0) > 0)) bad(text);
    return { kind: "list", weights };
  }
  return bad(text);
}

/** Canonical text of a spec (round-trips through parseInit). */
export function formatInit(spec: InitSpec): string {
  switch (spec.kind) {
    case "uniform":
      return "uniform";
    case "zipf":
      return `zipf:${spec.beta}`;
    case "dirichlet":
      return `dirichlet:${spec.a}`;
    case "list":
      return `list:${spec.weights.join(",")}`;
  }
}

/** Throws ParamError unless the spec fits K categories (a list must have exactly K weights). */
export function checkInitFits(spec: InitSpec, K: number): void {
  if (spec.kind === "list" && spec.weights.length !== K) {
    throw new ParamError("init", `a list of exactly K = ${K} weights`, `${spec.weights.length} weights`);
  }
}

/** p0 as a normalised Float64Array of length K. */
export function initialDistribution(spec: InitSpec, K: number, initSeed: number): Float64Array {
  checkInitFits(spec, K);
  const p = new Float64Array(K);
  switch (spec.kind) {
    case "uniform":
      p.fill(1);
      break;
    case "zipf":
      for (let i = 0; i < K; i++) p[i] = pow(i + 1, -spec.beta);
      break;
    case "dirichlet": {
      // Our own Marsaglia–Tsang sampler, not d3-random's (which calls Math.log/Math.pow: engine-dependent bits).
      const rng = createRng(initSeed);
      const { gamma } = createGamma(rng, createNormal(rng));
      for (let i = 0; i < K; i++) p[i] = gamma(spec.a);
      break;
    }
    case "list":
      for (let i = 0; i < K; i++) p[i] = spec.weights[i]!;
      break;
  }
  let sum = 0;
  for (let i = 0; i < K; i++) sum += p[i]!;
  // A Dirichlet draw with tiny a can underflow every gamma variate; fall back to uniform then.
  if (!(sum > 0)) {
    p.fill(1 / K);
    return p;
  }
  for (let i = 0; i < K; i++) p[i] = p[i]! / sum;
  return p;
}

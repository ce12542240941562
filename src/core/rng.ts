/**
 * Seeded random source shared by every model.
 *
 * Generator: xoroshiro128+ from pure-rand (64-bit state arithmetic emulated in 32-bit integers, so the
 * stream is bit-identical in Node, browsers and workers). Doubles take 53 bits from two draws
 * (pure-rand's uniformFloat64). Replicate r of a run uses the base stream advanced by r + 1 jumps of
 * 2^64 draws: streams never overlap, and replicate r's numbers do not depend on how many replicates run.
 */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";

/** A mutable uniform source on [0, 1). */
export interface Rng {
  /** Next double in [0, 1), a multiple of 2^-53. */
  (): number;
}

/** Largest accepted seed: seeds are unsigned 32-bit integers, easy to type and to keep in a URL. */
export const MAX_SEED = 0xffff_ffff;

type Generator = ReturnType<typeof xoroshiro128plus>;

function toRng(gen: Generator): Rng {
  return () => uniformFloat64(gen);
}

function baseGenerator(seed: number): Generator {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer in [0, ${MAX_SEED}], got ${String(seed)}`);
  }
  const gen = xoroshiro128plus(seed | 0);
  gen.jump(); // pure-rand seeds the state directly from the integer; one jump mixes it thoroughly.
  return gen;
}

/** The stream for one seed (equivalent to replicate 0 of that seed). */
export function createRng(seed: number): Rng {
  return replicateRngs(seed, 1)[0]!;
}

/** Independent streams for replicates 0..count-1 of a run with this seed. */
export function replicateRngs(seed: number, count: number, first = 0): Rng[] {
  const gen = baseGenerator(seed);
  for (let r = 0; r < first; r++) gen.jump();
  const out: Rng[] = [];
  for (let r = 0; r < count; r++) {
    gen.jump();
    out.push(toRng(gen.clone()));
  }
  return out;
}

/** A fresh random seed for the "new seed" button (not itself reproducible). */
export function randomSeed(): number {
  return Math.floor(Math.random() * (MAX_SEED + 1));
}

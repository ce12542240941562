/** Marsaglia's polar method: an independent exact normal sampler used as a reference for the ziggurat. */
import type { Rng } from "../../../../src/core/rng";

export function polarNormal(rng: Rng): () => number {
  const state = { spare: 0, has: false };
  return () => {
    if (state.has) {
      state.has = false;
      return state.spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    state.spare = v * f;
    state.has = true;
    return u * f;
  };
}

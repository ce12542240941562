/**
 * Exact standard normal variates from a uniform Rng: Marsaglia's polar method (no approximation, no
 * tables). Each accepted pair gives two independent normals; the second is cached, so a sampler is
 * stateful and must be created per replicate stream to keep runs deterministic.
 */
import type { Rng } from "../rng";

/** A stateful N(0, 1) sampler bound to one stream. */
export interface NormalSampler {
  (): number;
}

export function createNormal(rng: Rng): NormalSampler {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };
}

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

/** Holds the cached spare in object fields: mutating a double field is in place, whereas a double
 * captured by a closure would be re-boxed (allocated) on every write in the hot loop. */
class PolarNormal {
  private spare = 0;
  private hasSpare = false;
  constructor(private readonly rng: Rng) {}

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const rng = this.rng;
    let u: number, v: number, s: number;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

export function createNormal(rng: Rng): NormalSampler {
  const source = new PolarNormal(rng);
  return () => source.next();
}

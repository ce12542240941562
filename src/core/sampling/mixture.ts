/** Draws from a 1-D Gaussian mixture: component by inversion on the cumulative weights, then a normal. */
import type { Rng } from "../rng";
import type { Mixture } from "../theory/mixture-density";
import type { NormalSampler } from "./normal";

/** Writes `count` draws from m into out[from .. from + count − 1]. */
export function sampleMixture(m: Mixture, rng: Rng, normal: NormalSampler, out: Float64Array, from: number, count: number): void {
  const k = m.w.length;
  const cum = new Float64Array(k);
  let s = 0;
  for (let j = 0; j < k; j++) cum[j] = s += m.w[j]!;
  let last = k - 1;
  while (last > 0 && !(m.w[last]! > 0)) last--; // rounding can leave cum[k−1] < u: fall back to the last live component
  for (let i = from; i < from + count; i++) {
    const u = rng() * s;
    let j = 0;
    while (j < last && !(u < cum[j]!)) j++;
    out[i] = m.mu[j]! + m.sd[j]! * normal();
  }
}

/**
 * Explicit per-sample reference of the Gaussian refit loop (tests only): draws every sample, keeps every
 * sample under "accumulate", and refits with a two-pass mean and scatter. Deliberately shares no code
 * with the fast sufficient-statistics path except the normal sampler.
 */
import { realCount, type GaussianParams } from "../../../../src/core/models/gaussian";
import type { Rng } from "../../../../src/core/rng";
import { createNormal } from "../../../../src/core/sampling/normal";

export function explicitFinal(p: GaussianParams, rng: Rng): { mu: number; sigma2: number } {
  const normal = createNormal(rng);
  const m = realCount(p); // the model's stated convention: round(αn), decimal halves up
  let mu = p.mu0;
  let sigma = p.sigma0;
  const data: number[] = [];
  for (let t = 1; t <= p.generations; t++) {
    if (p.workflow === "replace") data.length = 0;
    for (let i = 0; i < m; i++) data.push(p.muStar + p.sigmaStar * normal());
    for (let i = m; i < p.n; i++) data.push(mu + p.temperature * sigma * normal());
    let s = 0;
    for (const x of data) s += x;
    const mean = s / data.length;
    let ss = 0;
    for (const x of data) ss += (x - mean) ** 2;
    mu = mean;
    sigma = Math.sqrt(ss / (p.estimator === "mle" ? data.length : data.length - 1));
  }
  return { mu, sigma2: sigma * sigma };
}

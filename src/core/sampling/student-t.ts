/**
 * Student-t(ν) variates: T = Z / √(χ²_ν / ν), Z ~ N(0, 1) and χ²_ν independent (exact, both samplers exact).
 * The χ² enters through its logarithm, so a tiny χ² never divides by zero. Infinite variance for ν ≤ 2,
 * no mean for ν ≤ 1.
 */
import type { Rng } from "../rng";
import { createGamma } from "./chisquare";
import { createNormal } from "./normal";
import { exp, ln } from "../math";

/** A Student-t(ν) sampler bound to one stream; ν > 0. */
export function createStudentT(rng: Rng, nu: number): () => number {
  if (!(nu > 0) || !Number.isFinite(nu)) throw new RangeError(`Student-t ν must be a positive finite number, got ${nu}`);
  const normal = createNormal(rng);
  const g = createGamma(rng, normal);
  const logNu = ln(nu);
  return () => normal() * exp(0.5 * (logNu - g.logChiSquare(nu)));
}

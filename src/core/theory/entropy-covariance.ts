/**
 * The softmax entropy–covariance identity (Cui et al. 2025, arXiv:2505.22617; paper-math §2.6): for
 * π = softmax(z) and a logit step Δz, H(softmax(z + Δz)) − H(π) = −Cov_{a∼π}(log π(a), Δz(a)) + O(‖Δz‖²).
 * For natural policy gradient Δz = η A, so entropy falls whenever likely actions have positive advantage.
 * Entropies here are in nats.
 */
import { exp, ln } from "../math";

/** softmax(z) into out (max-shifted, so any finite logits are safe). */
export function softmax(z: ArrayLike<number>, out: Float64Array = new Float64Array(z.length)): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i]! > max) max = z[i]!;
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    const e = exp(z[i]! - max);
    out[i] = e;
    s += e;
  }
  for (let i = 0; i < z.length; i++) out[i] = out[i]! / s;
  return out;
}

/** −Σ π log π in nats. */
export function entropyNats(pi: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < pi.length; i++) {
    const p = pi[i]!;
    if (p > 0) h -= p * ln(p);
  }
  return h;
}

/** Cov_{a∼π}(f(a), g(a)) = Σ π f g − (Σ π f)(Σ π g), over actions with π > 0. */
export function policyCovariance(pi: ArrayLike<number>, f: ArrayLike<number>, g: ArrayLike<number>): number {
  let ef = 0, eg = 0, efg = 0;
  for (let i = 0; i < pi.length; i++) {
    const p = pi[i]!;
    if (p <= 0) continue;
    ef += p * f[i]!;
    eg += p * g[i]!;
    efg += p * f[i]! * g[i]!;
  }
  return efg - ef * eg;
}

/** First-order entropy change −Cov_π(log π, Δz) (nats) for the logit step Δz. */
export function predictedEntropyChange(pi: ArrayLike<number>, dz: ArrayLike<number>): number {
  let elog = 0, edz = 0, ecross = 0;
  for (let i = 0; i < pi.length; i++) {
    const p = pi[i]!;
    if (p <= 0) continue;
    const l = ln(p);
    elog += p * l;
    edz += p * dz[i]!;
    ecross += p * l * dz[i]!;
  }
  return -(ecross - elog * edz);
}

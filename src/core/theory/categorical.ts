/**
 * Closed forms for the saturated discrete loop (paper-math §2.2 and §2.4). All "exact" results assume
 * the "replace" workflow, temperature 1 and no top-k; each function states its sampling convention.
 */
import type { Sampling } from "../models/categorical-sim";
import { ln, pow, sin } from "../math";

/** E G_t = (1 − 1/n)^t G_0 under the closed loop (α = 0), t = 0..generations (Theorem A.3, T1). */
export function giniDecay(G0: number, n: number, generations: number): number[] {
  const out: number[] = [];
  let g = G0;
  for (let t = 0; t <= generations; t++) {
    out.push(g);
    g *= 1 - 1 / n;
  }
  return out;
}

export interface SumSquaresInput {
  p0: ArrayLike<number>;
  truth: ArrayLike<number>;
  n: number;
  /** α_0..α_{generations}. */
  alphas: ArrayLike<number>;
  sampling: Sampling;
}

/**
 * F_t = E Σ_i p_{t,i}², t = 0..alphas.length−1, exact for any α schedule.
 *
 * Derivation: given p, q = α π + (1−α) p and E[p'_i² | p] = (1 − 1/n) q_i² + q_i / n (iid), so
 * E[Σp'² | p] = (1 − 1/n)[α² S + 2α(1−α) Σπp + (1−α)² Σp²] + 1/n with S = Σπ². Taking expectations
 * needs A_t = E Σ π_i p_{t,i} = S + P_t C_0, from E p_t = π + P_t (p0 − π), P_t = ∏_{s<t}(1 − α_s),
 * C_0 = Σ π (p0 − π) (zero when π = p0). Stratified with m = round(αn) real draws and a = m/n:
 * p' = a r + (1−a) s with r ~ Mult(m, π)/m, s ~ Mult(n−m, p)/(n−m) independent, so
 * E[Σp'² | p] = a²(1 − 1/m) S + (1−a)²(1 − 1/(n−m)) Σp² + 2a(1−a) Σπp + 1/n.
 */
export function sumSquaresRecursion(input: SumSquaresInput): number[] {
  const { p0, truth, n, alphas, sampling } = input;
  let S = 0, C0 = 0, F = 0;
  for (let i = 0; i < p0.length; i++) {
    S += truth[i]! * truth[i]!;
    C0 += truth[i]! * (p0[i]! - truth[i]!);
    F += p0[i]! * p0[i]!;
  }
  const out: number[] = [F];
  let P = 1;
  for (let t = 0; t + 1 < alphas.length; t++) {
    const A = S + P * C0;
    if (sampling === "iid") {
      const a = alphas[t]!;
      F = (1 - 1 / n) * (a * a * S + 2 * a * (1 - a) * A + (1 - a) * (1 - a) * F) + 1 / n;
      P *= 1 - a;
    } else {
      const m = Math.round(alphas[t]! * n);
      const a = m / n;
      const realTerm = m > 0 ? a * a * (1 - 1 / m) * S : 0;
      const synthTerm = m < n ? (1 - a) * (1 - a) * (1 - 1 / (n - m)) * F : 0;
      F = realTerm + synthTerm + 2 * a * (1 - a) * A + 1 / n;
      P *= 1 - a;
    }
    out.push(F);
  }
  return out;
}

/** Stationary F_∞ = E Σp² for constant α > 0 under iid mixture sampling (§2.4 i). */
export function stationarySumSquares(S: number, n: number, alpha: number): number {
  const c = (1 - alpha) * (1 - alpha);
  return ((1 - 1 / n) * (1 - c) * S + 1 / n) / (1 - (1 - 1 / n) * c);
}

/** Exact G_∞ / G(π*) for constant α, iid mixture: (1−1/n)(1−(1−α)²) / (1 − (1−1/n)(1−α)²). */
export function stationaryDiversityRatio(n: number, alpha: number): number {
  const c = (1 - alpha) * (1 - alpha);
  return ((1 - 1 / n) * (1 - c)) / (1 - (1 - 1 / n) * c);
}

/** θ = 2nα, the expected exogenous draws per generation (×2); G_∞/G(π*) ≈ θ/(1+θ). */
export function theta(n: number, alpha: number): number {
  return 2 * n * alpha;
}

export function thetaApproxRatio(n: number, alpha: number): number {
  const th = theta(n, alpha);
  return th / (1 + th);
}

/**
 * Miller–Madow–Harris expansion of the expected plug-in entropy after one step (nats):
 * E H(p̂) = H(p) − (K₊ − 1)/(2n) + (1 − Σ_{p_i>0} 1/p_i)/(12 n²) + O(n⁻³), K₊ = support size.
 */
export function millerMadowEntropyNats(p: ArrayLike<number>, n: number): number {
  let H = 0, support = 0, inv = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (v > 0) {
      H -= v * ln(v);
      support++;
      inv += 1 / v;
    }
  }
  return H - (support - 1) / (2 * n) + (1 - inv) / (12 * n * n);
}

/** The same in bits. */
export function millerMadowEntropyBits(p: ArrayLike<number>, n: number): number {
  return millerMadowEntropyNats(p, n) / Math.LN2;
}

/** Exact E[M | p] = Σ p_i (1 − p_i)^n: the mass of p missed by n iid draws from p (Theorem A.5). */
export function expectedMissingMass(p: ArrayLike<number>, n: number): number {
  let m = 0;
  for (let i = 0; i < p.length; i++) m += p[i]! * pow(1 - p[i]!, n);
  return m;
}

/** E of the Good–Turing estimate N₁/n: Σ p_i (1 − p_i)^(n−1). */
export function goodTuringExpectation(p: ArrayLike<number>, n: number): number {
  let m = 0;
  for (let i = 0; i < p.length; i++) m += p[i]! * pow(1 - p[i]!, n - 1);
  return m;
}

/** E p_t = π + ∏_{s<t}(1 − α_s)(p0 − π) for one coordinate, given the products P_t (§2.4 iv, T10). */
export function meanCoordinate(p0: number, truth: number, surviving: ArrayLike<number>): number[] {
  return Array.from(surviving, (P) => truth + P * (p0 - truth));
}

/**
 * F_t = E Σ p_t² under the "accumulate" workflow (all data kept; p_{t+1} = pool/((t+1)n)), iid mixture,
 * any schedule. With N = t n items already pooled and c ~ Mult(n, q_t) added:
 * E[Σp'² | p] = [N² Σp² + 2Nn Σ p q + n(n−1) Σq² + n] / (N+n)², with Σpq = αΣπp + (1−α)Σp² and
 * E Σπ p_t tracked from E p_{t+1} − π = (N + n(1−α))/(N+n) · (E p_t − π). (Derived here; checked by
 * enumeration and simulation in the tests.)
 */
export function sumSquaresAccumulate(input: Omit<SumSquaresInput, "sampling">): number[] {
  const { p0, truth, n, alphas } = input;
  let S = 0, C = 0, F = 0;
  for (let i = 0; i < p0.length; i++) {
    S += truth[i]! * truth[i]!;
    C += truth[i]! * (p0[i]! - truth[i]!);
    F += p0[i]! * p0[i]!;
  }
  const out: number[] = [F];
  for (let t = 0; t + 1 < alphas.length; t++) {
    const a = alphas[t]!;
    const N = t * n;
    const A = S + C; // E Σ π p_t
    const q2 = a * a * S + 2 * a * (1 - a) * A + (1 - a) * (1 - a) * F;
    const pq = a * A + (1 - a) * F;
    F = (N * N * F + 2 * N * n * pq + n * (n - 1) * q2 + n) / ((N + n) * (N + n));
    C *= (N + n * (1 - a)) / (N + n);
    out.push(F);
  }
  return out;
}

/** E G_t / G_0 = ∏_{s=1}^{t} (1 − 1/(n s²)) under "accumulate" with α ≡ 0, t = 0..generations. */
export function accumulateDiversityFactor(n: number, generations: number): number[] {
  const out: number[] = [1];
  let f = 1;
  for (let s = 1; s <= generations; s++) {
    f *= 1 - 1 / (n * s * s);
    out.push(f);
  }
  return out;
}

/** lim E G_t / G_0 under "accumulate", α ≡ 0: ∏_{s≥1}(1 − 1/(n s²)) = sin(π/√n)/(π/√n) (Euler's product): no collapse. */
export function accumulateDiversityLimit(n: number): number {
  const x = Math.PI / Math.sqrt(n);
  return sin(x) / x;
}

/**
 * Quasi-stationary diversity for a slowly varying schedule: E G_t ≈ G(π*) · ratio(n, α_t) with the exact
 * constant-α stationary ratio; ≈ 2nα_t G(π*) once nα_t ≪ 1 (§2.4 iii). An approximation.
 */
export function quasiStationaryDiversity(n: number, alphas: ArrayLike<number>, Gstar: number): number[] {
  return Array.from(alphas, (a) => Gstar * stationaryDiversityRatio(n, a));
}

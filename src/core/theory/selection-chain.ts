/**
 * Two-type Wright–Fisher chain with selection: the finite-N rejection-sampling loop with two answer
 * classes (paper-math §2.6, test T22). State j = number of the N accepted answers in class "mutant"
 * (acceptance a_m) against class "resident" (acceptance a_r); the next round draws N accepted answers,
 * each in the mutant class with probability x_j = j a_m / (j a_m + (N − j) a_r), so
 * j' | j ~ Bin(N, x_j). States 0 and N absorb. With s = a_m/a_r − 1 Kimura's diffusion gives the fixation
 * probability u(p) = (1 − e^{−2Nsp}) / (1 − e^{−2Ns}) (haploid, Kimura 1962).
 */
import { binomialPmf } from "./binomial-pmf";
import { solveLinear } from "./linear";
import { propagate } from "./markov-chain";
import { expm1 } from "../math";

/** Largest N for the O(N³) absorption solve. */
export const MAX_SELECTION_SOLVE_N = 200;

/** Mutant frequency after selection from state j: j a_m / (j a_m + (N − j) a_r). */
export function selectedFrequency(N: number, j: number, aMutant: number, aResident: number): number {
  const m = j * aMutant;
  const den = m + (N - j) * aResident;
  return den > 0 ? m / den : j / N;
}

/** Row-major (N+1)×(N+1) kernel M[j][k] = Bin(k; N, x_j). */
export function selectionKernel(N: number, aMutant: number, aResident: number): Float64Array {
  const M = new Float64Array((N + 1) * (N + 1));
  for (let j = 0; j <= N; j++) binomialPmf(N, selectedFrequency(N, j, aMutant, aResident), M, j * (N + 1));
  return M;
}

/**
 * Exact probability that the mutant class eventually takes all N slots, from every start j = 0..N:
 * (I − Q) u = M_{·,N} on the transient states 1..N−1. N ≤ MAX_SELECTION_SOLVE_N.
 */
export function selectionFixationProbabilities(N: number, aMutant: number, aResident: number): Float64Array {
  if (!Number.isInteger(N) || N < 1 || N > MAX_SELECTION_SOLVE_N) throw new RangeError(`N must be an integer in [1, ${MAX_SELECTION_SOLVE_N}]`);
  const out = new Float64Array(N + 1);
  out[N] = 1;
  if (N < 2) return out;
  const M = selectionKernel(N, aMutant, aResident);
  const m = N - 1;
  const A = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) A[r * m + c] = (r === c ? 1 : 0) - M[(r + 1) * (N + 1) + (c + 1)]!;
    b[r] = M[(r + 1) * (N + 1) + N]!;
  }
  out.set(solveLinear(A, b, m), 1);
  return out;
}

/**
 * Distribution of the state at every round t = 0..T from the start j0 (exact propagation, O(N² T)).
 * Returns T + 1 vectors of length N + 1.
 */
export function selectionDistributions(N: number, aMutant: number, aResident: number, j0: number, T: number): Float64Array[] {
  const M = selectionKernel(N, aMutant, aResident);
  let d = new Float64Array(N + 1);
  d[j0] = 1;
  const out = [d];
  for (let t = 0; t < T; t++) {
    const next = new Float64Array(N + 1);
    propagate(d, M, next, N + 1);
    out.push(next);
    d = next;
  }
  return out;
}

/** Kimura's diffusion fixation probability u(p) = (1 − e^{−2Nsp}) / (1 − e^{−2Ns}); p for s = 0. */
export function kimuraFixation(N: number, s: number, p: number): number {
  const x = 2 * N * s;
  if (Math.abs(x) < 1e-12) return p;
  return -expm1(-x * p) / -expm1(-x);
}

/**
 * Best-of-n selection under a noisy proxy r̂ = r + ε (paper-math §2.6, Gao, Schulman & Hilton 2023):
 * with r ~ N(0, σ_r²), ε ~ N(0, σ_ε²) independent, (r, r̂) is bivariate normal, so
 * E[r | r̂ is the largest of n] = σ_r²/√(σ_r² + σ_ε²) · E Z_(n) and E[r̂ of the selected] = √(σ_r² + σ_ε²) · E Z_(n),
 * where E Z_(n) = ∫ x n φ(x) Φ(x)^{n−1} dx is the mean of the largest of n standard normals. The KL of the
 * best-of-n distribution from the base one is log n − (n−1)/n for a continuous proxy.
 */
import { gaussLegendre } from "./quadrature";
import { exp, hypot, ln } from "../math";

const ORDER = 20;
const HALF_WIDTH = 13;
const PANEL = 0.125;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

let nodes: { x: Float64Array; w: Float64Array; phi: Float64Array; logCdf: Float64Array } | null = null;

/**
 * Composite Gauss–Legendre nodes on [−13, 13] with φ and log Φ at each node. Φ is accumulated panel by
 * panel from Φ(−13) ≈ 6·10⁻³⁹ (taken as 0) by the same rule on [panel start, node], so no erf
 * approximation enters: Φ is exact to rounding.
 */
function grid(): NonNullable<typeof nodes> {
  if (nodes) return nodes;
  const gl = gaussLegendre(ORDER);
  const panels = Math.round((2 * HALF_WIDTH) / PANEL);
  const size = panels * ORDER;
  const x = new Float64Array(size), w = new Float64Array(size), phi = new Float64Array(size), logCdf = new Float64Array(size);
  const density = (t: number) => INV_SQRT_2PI * exp(-0.5 * t * t);
  const integrate = (a: number, b: number) => {
    let s = 0;
    for (let k = 0; k < ORDER; k++) s += gl.w[k]! * density(a + ((b - a) * (gl.x[k]! + 1)) / 2);
    return ((b - a) * s) / 2;
  };
  let cdfStart = 0;
  for (let p = 0; p < panels; p++) {
    const a = -HALF_WIDTH + p * PANEL;
    for (let k = 0; k < ORDER; k++) {
      const i = p * ORDER + k;
      x[i] = a + (PANEL * (gl.x[k]! + 1)) / 2;
      w[i] = (PANEL * gl.w[k]!) / 2;
      phi[i] = density(x[i]!);
      logCdf[i] = ln(cdfStart + integrate(a, x[i]!));
    }
    cdfStart += integrate(a, a + PANEL);
  }
  nodes = { x, w, phi, logCdf };
  return nodes;
}

/** E Z_(n), the mean of the maximum of n iid N(0, 1), by quadrature (≈1e-14 absolute for n ≤ 10⁶). */
export function expectedMaxNormal(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError("n must be a positive integer");
  const g = grid();
  let s = 0;
  for (let i = 0; i < g.x.length; i++) s += g.w[i]! * g.x[i]! * n * g.phi[i]! * exp((n - 1) * g.logCdf[i]!);
  return s;
}

/** E[r of the selected] for Gaussian r and ε: σ_r²/√(σ_r² + σ_ε²) · E Z_(n). */
export function bestOfNTrueGain(n: number, sigmaR: number, sigmaEps: number): number {
  return ((sigmaR * sigmaR) / hypot(sigmaR, sigmaEps)) * expectedMaxNormal(n);
}

/** E[r̂ of the selected] for Gaussian r and ε: √(σ_r² + σ_ε²) · E Z_(n). */
export function bestOfNProxyGain(n: number, sigmaR: number, sigmaEps: number): number {
  return hypot(sigmaR, sigmaEps) * expectedMaxNormal(n);
}

/** KL(best-of-n ‖ base) = log n − (n − 1)/n nats (continuous proxy; Gao et al. 2023, an upper bound per Beirami et al. 2024). */
export function bestOfNKl(n: number): number {
  return ln(n) - (n - 1) / n;
}

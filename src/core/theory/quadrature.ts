/** Gauss–Legendre quadrature on [0, 1] (composite), for the exact-up-to-quadrature DPI curve. */
import { cos, pow } from "../math";

/** Nodes and weights of the `order`-point Gauss–Legendre rule on [−1, 1] (Newton on P_order). */
export function gaussLegendre(order: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(order);
  const w = new Float64Array(order);
  for (let i = 0; i < order; i++) {
    let z = cos((Math.PI * (i + 0.75)) / (order + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1, p1 = z;
      for (let k = 2; k <= order; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (order * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

/**
 * Composite rule on [0, 1]: `panels` equal panels of `order` points, and the two end panels replaced by
 * `levels` geometrically shrinking panels each (breakpoints h·2^−k), so integrands with θ^j log θ
 * behaviour at the ends (entropies of binomial pmfs) converge fast. Weights sum to 1.
 */
export function compositeUnitRule(panels: number, order: number, levels = 24): { x: Float64Array; w: Float64Array } {
  const base = gaussLegendre(order);
  const h = 1 / panels;
  const cuts: number[] = [0];
  for (let k = levels; k >= 1; k--) cuts.push(h * pow(2, -k));
  for (let p = 1; p < panels; p++) cuts.push(p * h);
  for (let k = 1; k <= levels; k++) cuts.push(1 - h * pow(2, -k));
  cuts.push(1);
  const count = cuts.length - 1;
  const x = new Float64Array(count * order);
  const w = new Float64Array(count * order);
  for (let p = 0; p < count; p++) {
    const a = cuts[p]!;
    const len = cuts[p + 1]! - a;
    for (let i = 0; i < order; i++) {
      x[p * order + i] = a + (len * (base.x[i]! + 1)) / 2;
      w[p * order + i] = (len * base.w[i]!) / 2;
    }
  }
  return { x, w };
}

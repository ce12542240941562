/**
 * A tiny multilayer perceptron: one hidden layer of tanh units, linear output, trained by full-batch
 * Adam on squared error for a fixed number of epochs. Inputs and targets are standardised on the
 * training set; weights start from a seeded N(0, 1/fan-in). Deterministic given the seed.
 */
import { createNormal } from "../sampling/normal";
import { createRng } from "../rng";
import { pow, tanh } from "../math";

export interface MlpOptions {
  hidden: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export interface Mlp {
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: number;
  xMean: number;
  xScale: number;
  yMean: number;
  yScale: number;
}

function stats(v: ArrayLike<number>): [number, number] {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += v[i]!;
  m /= v.length;
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const e = v[i]! - m;
    s += e * e;
  }
  return [m, Math.sqrt(s / v.length) || 1];
}

export function fitMlp(xs: ArrayLike<number>, ys: ArrayLike<number>, o: MlpOptions = { hidden: 16, epochs: 2000, learningRate: 0.01, seed: 1 }): Mlp {
  const H = o.hidden;
  const normal = createNormal(createRng(o.seed));
  const [xMean, xScale] = stats(xs);
  const [yMean, yScale] = stats(ys);
  const n = xs.length;
  const u = Float64Array.from(xs, (x) => (x - xMean) / xScale);
  const t = Float64Array.from(ys, (y) => (y - yMean) / yScale);
  // Parameters packed as [w1 (H), b1 (H), w2 (H), b2 (1)].
  const P = 3 * H + 1;
  const theta = new Float64Array(P);
  for (let h = 0; h < H; h++) {
    theta[h] = normal();
    theta[H + h] = normal();
    theta[2 * H + h] = normal() / Math.sqrt(H);
  }
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const g = new Float64Array(P);
  const a = new Float64Array(H);
  const [b1c, b2c, eps] = [0.9, 0.999, 1e-8];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      let out = theta[3 * H]!;
      for (let h = 0; h < H; h++) {
        a[h] = tanh(theta[h]! * u[i]! + theta[H + h]!);
        out += theta[2 * H + h]! * a[h]!;
      }
      const err = (2 * (out - t[i]!)) / n;
      g[3 * H] = g[3 * H]! + err;
      for (let h = 0; h < H; h++) {
        g[2 * H + h] = g[2 * H + h]! + err * a[h]!;
        const back = err * theta[2 * H + h]! * (1 - a[h]! * a[h]!);
        g[h] = g[h]! + back * u[i]!;
        g[H + h] = g[H + h]! + back;
      }
    }
    const c1 = 1 - pow(b1c, epoch);
    const c2 = 1 - pow(b2c, epoch);
    for (let p = 0; p < P; p++) {
      m[p] = b1c * m[p]! + (1 - b1c) * g[p]!;
      v[p] = b2c * v[p]! + (1 - b2c) * g[p]! * g[p]!;
      theta[p] = theta[p]! - (o.learningRate * (m[p]! / c1)) / (Math.sqrt(v[p]! / c2) + eps);
    }
  }
  return { w1: theta.slice(0, H), b1: theta.slice(H, 2 * H), w2: theta.slice(2 * H, 3 * H), b2: theta[3 * H]!, xMean, xScale, yMean, yScale };
}

export function predictMlp(m: Mlp, x: number): number {
  const u = (x - m.xMean) / m.xScale;
  let out = m.b2;
  for (let h = 0; h < m.w1.length; h++) out += m.w2[h]! * tanh(m.w1[h]! * u + m.b1[h]!);
  return out * m.yScale + m.yMean;
}

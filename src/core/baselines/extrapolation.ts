/**
 * The headline contrast: error inside vs outside the training range for the correlation baselines and a
 * recovered law. Pure functions; the CLI and the chapter demo call these.
 */
import { evaluate, type Expr } from "../symbolic/expr";
import { fitKnn, predictKnn } from "./knn";
import { fitMlp, predictMlp, type MlpOptions } from "./mlp";
import { fitPolynomial, predictPolynomial } from "./polynomial";

/** Root mean square of predict(x) − truth(x) over xs (non-finite predictions count as Infinity). */
export function rmsError(predict: (x: number) => number, truth: (x: number) => number, xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = predict(xs[i]!) - truth(xs[i]!);
    if (!Number.isFinite(d)) return Infinity;
    s += d * d;
  }
  return Math.sqrt(s / xs.length);
}

export interface BaselineErrors {
  name: string;
  inside: number;
  outside: number;
}

/** Fits each baseline on (xs, ys) and scores it against `truth` on insideXs and outsideXs. */
export function compareBaselines(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  truth: (x: number) => number,
  insideXs: ArrayLike<number>,
  outsideXs: ArrayLike<number>,
  opts: { degree?: number; k?: number; mlp?: MlpOptions; law?: Expr } = {},
): BaselineErrors[] {
  const poly = fitPolynomial(xs, ys, opts.degree ?? 5);
  const knn = fitKnn(xs, ys, Math.min(opts.k ?? 5, xs.length));
  const mlp = fitMlp(xs, ys, opts.mlp);
  const rows: [string, (x: number) => number][] = [
    [`polynomial (degree ${poly.degree})`, (x) => predictPolynomial(poly, x)],
    [`k-NN (k = ${knn.k})`, (x) => predictKnn(knn, x)],
    ["MLP (1 tanh layer)", (x) => predictMlp(mlp, x)],
  ];
  if (opts.law) {
    const law = opts.law;
    rows.push(["recovered law", (x) => evaluate(law, x)]);
  }
  return rows.map(([name, f]) => ({ name, inside: rmsError(f, truth, insideXs), outside: rmsError(f, truth, outsideXs) }));
}

/** Ensemble summaries across replicates, per generation. */

/** Mean, standard error and quantiles of one metric at each generation. */
export interface Series {
  mean: number[];
  /** Standard error of the mean: sample standard deviation / sqrt(replicates); 0 for one replicate. */
  se: number[];
  q05: number[];
  q25: number[];
  q50: number[];
  q75: number[];
  q95: number[];
}

/** Quantile of sorted values by linear interpolation (type 7, as numpy's default and R's). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Summarises replicate paths: `paths[r][g]` is the metric of replicate r at generation index g.
 * All paths must have the same length.
 */
export function summarize(paths: readonly ArrayLike<number>[]): Series {
  const replicates = paths.length;
  const length = replicates === 0 ? 0 : paths[0]!.length;
  const out: Series = { mean: [], se: [], q05: [], q25: [], q50: [], q75: [], q95: [] };
  const column = new Float64Array(replicates);
  for (let g = 0; g < length; g++) {
    let sum = 0;
    for (let r = 0; r < replicates; r++) {
      const v = paths[r]![g]!;
      column[r] = v;
      sum += v;
    }
    const mean = sum / replicates;
    let squares = 0;
    for (let r = 0; r < replicates; r++) {
      const e = column[r]! - mean;
      squares += e * e;
    }
    const sd = replicates > 1 ? Math.sqrt(squares / (replicates - 1)) : 0;
    column.sort();
    out.mean.push(mean);
    out.se.push(replicates > 1 ? sd / Math.sqrt(replicates) : 0);
    out.q05.push(quantileSorted(column, 0.05));
    out.q25.push(quantileSorted(column, 0.25));
    out.q50.push(quantileSorted(column, 0.5));
    out.q75.push(quantileSorted(column, 0.75));
    out.q95.push(quantileSorted(column, 0.95));
  }
  return out;
}

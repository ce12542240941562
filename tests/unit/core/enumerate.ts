/** Brute-force enumeration of one generation of the discrete loop (exact references for small n, K). */

/** All count vectors of n items in K cells with their multinomial probabilities under w. */
export function outcomes(n: number, w: number[]): { c: number[]; pr: number }[] {
  const out: { c: number[]; pr: number }[] = [];
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const rec = (i: number, left: number, c: number[]) => {
    if (i === w.length - 1) {
      const full = [...c, left];
      let pr = fact(n);
      full.forEach((x, j) => (pr *= w[j]! ** x / fact(x)));
      out.push({ c: full, pr });
      return;
    }
    for (let x = 0; x <= left; x++) rec(i + 1, left - x, [...c, x]);
  };
  rec(0, n, []);
  return out;
}

/** Distribution of p' given p by brute-force enumeration (iid mixture or stratified). */
export function step(p: number[], truth: number[], n: number, alpha: number, sampling: "iid" | "stratified"): { p: number[]; pr: number }[] {
  if (sampling === "iid") {
    const q = p.map((v, i) => alpha * truth[i]! + (1 - alpha) * v);
    return outcomes(n, q).map(({ c, pr }) => ({ p: c.map((x) => x / n), pr }));
  }
  const m = Math.round(alpha * n);
  const res: { p: number[]; pr: number }[] = [];
  for (const r of outcomes(m, truth)) for (const s of outcomes(n - m, p)) res.push({ p: r.c.map((x, i) => (x + s.c[i]!) / n), pr: r.pr * s.pr });
  return res;
}


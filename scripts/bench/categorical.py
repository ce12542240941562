"""numpy equivalent of categorical.ts: closed-loop categorical refit (replace, alpha = 0, p0 uniform),
vectorised over replicates with rng.multinomial; per generation the five metrics of p_t (entropy in bits,
Gini-Simpson, support, missed mass of this generation's draw, fixed), streamed as ensemble means.
Check value: mean Gini-Simpson at the last generation."""
import numpy as np
from common import arg, timed

K, n, G, R = arg("K", 1000), arg("n", 100000), arg("generations", 1000), arg("replicates", 1)


def work():
    rng = np.random.default_rng(1)
    p = np.full((R, K), 1.0 / K)
    sums = np.zeros((5, G + 1))
    for t in range(G + 1):
        pos = p > 0
        logp = np.log(p, where=pos, out=np.zeros_like(p))
        support = pos.sum(axis=1)
        counts = rng.multinomial(n, p)  # one multinomial per replicate (row)
        sums[0, t] = (-(p * logp).sum(axis=1) / np.log(2)).sum()
        sums[1, t] = (1 - (p * p).sum(axis=1)).sum()
        sums[2, t] = support.sum()
        sums[3, t] = np.where(counts == 0, p, 0).sum()
        sums[4, t] = (support == 1).sum()
        p = counts / n
    return sums[1, G] / R


timed(work)

"""numpy equivalent of gaussian.ts: vectorised over replicates, exact sufficient statistics per generation
(group mean ~ normal, scatter ~ sigma^2 chi2_{n-1}), MLE refit. --mode mean streams per-generation means
of the five metrics; --mode ensemble stores every path and computes mean, SE and five quantiles."""
import numpy as np
from common import arg, timed

n, G, R = arg("n", 1000), arg("generations", 10000), arg("replicates", 1000)
ensemble = "ensemble" in __import__("sys").argv
mu_star, sigma_star = 0.0, 1.0


def work():
    rng = np.random.default_rng(1)
    mu = np.zeros(R)
    s2 = np.ones(R)
    if ensemble:
        paths = np.empty((5, G + 1, R))
    else:
        sums = np.zeros((5, G + 1))

    def record(t):
        s = np.sqrt(s2)
        rows = (mu, s2, np.log(s2), s, (mu - mu_star) ** 2 + (s - sigma_star) ** 2)
        for i, row in enumerate(rows):
            if ensemble:
                paths[i, t] = row
            else:
                sums[i, t] = row.sum()

    record(0)
    for t in range(1, G + 1):
        mu = mu + np.sqrt(s2 / n) * rng.standard_normal(R)
        s2 = s2 * rng.chisquare(n - 1, R) / n
        record(t)
    if ensemble:
        mean = paths.mean(axis=2)
        se = paths.std(axis=2, ddof=1) / np.sqrt(R)
        q = np.quantile(paths, [0.05, 0.25, 0.5, 0.75, 0.95], axis=2)
        return mean[2, G] + 0 * (se.sum() + q.sum())
    return sums[2, G] / R


timed(work)

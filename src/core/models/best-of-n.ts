/**
 * Model "bestOfN": Goodhart under best-of-n selection (chapter 8, paper-math §2.6, simulation S8b).
 * Candidates have a true reward r ~ N(0, σ_r²) and a proxy r̂ = r + ε; the one with the largest proxy is
 * selected. The x axis is n (not generations). ε is Gaussian N(0, σ_ε²) or σ_ε·t_ν (Student-t with scale σ_ε:
 * σ_ε is a scale, not a standard deviation, because t_2, the heavy-tailed default, has infinite variance;
 * for ν > 2 the standard deviation is σ_ε√(ν/(ν−2))). With heavy tails the largest proxies are mostly noise,
 * so the true gain of the selected candidate falls back toward 0 as n grows.
 *
 * One replicate draws max(n) candidates once and reads off the running argmax at each n of the list, so
 * the points of one replicate are coupled (each one's marginal is exactly best-of-n).
 */
import { ParamError } from "../errors";
import type { MetricSpec, Model } from "../model";
import type { Rng } from "../rng";
import { createNormal } from "../sampling/normal";
import { createStudentT } from "../sampling/student-t";
import type { Schema } from "../schema";
import { bestOfNKl, bestOfNProxyGain, bestOfNTrueGain } from "../theory/best-of-n";
import { MAX_INTEGER_NU, MIN_SCALE_RATIO, bestOfNStudentTrueGain } from "../theory/best-of-n-student";

export type BestOfNParams = {
  nValues: number[];
  noise: "gaussian" | "student-t";
  nu: number;
  sigmaR: number;
  sigmaEps: number;
};

/** Largest n: one replicate costs max(n) candidates. */
export const MAX_BEST_OF_N = 100_000;

export const bestOfNSchema: Schema<BestOfNParams> = {
  params: {
    nValues: {
      type: "list",
      label: "Values of n",
      help: "Increasing integers: the candidate counts on the x axis.",
      minLength: 1,
      maxLength: 64,
      min: 1,
      max: MAX_BEST_OF_N,
      default: [1, 2, 4, 8, 16, 32, 64],
    },
    noise: {
      type: "enum",
      label: "Proxy error ε",
      help: "Gaussian, or Student-t(ν) scaled by σ_ε (heavy-tailed).",
      options: [
        { value: "gaussian", label: "Gaussian" },
        { value: "student-t", label: "Student-t(ν)" },
      ],
      default: "gaussian",
    },
    nu: { type: "float", label: "Degrees of freedom ν", help: "Tail index of the Student-t error (ν ≤ 2: infinite variance).", unit: "ν", min: 1, max: 100, step: 0.1, scale: "log", default: 2 },
    sigmaR: { type: "float", label: "σ_r", help: "Standard deviation of the true reward.", unit: "σ_r", min: 0.1, max: 10, step: 0.1, default: 1 },
    sigmaEps: { type: "float", label: "σ_ε", help: "Scale of the proxy error (the standard deviation when Gaussian).", unit: "σ_ε", min: 0, max: 10, step: 0.1, default: 1 },
  },
  check: (p) => {
    p.nValues.forEach((n, i) => {
      if (!Number.isInteger(n) || (i > 0 && n <= p.nValues[i - 1]!)) {
        throw new ParamError("nValues", "strictly increasing integers, e.g. 1,2,4,8", p.nValues.join(","));
      }
    });
  },
};

/** The log-spaced list 1, 2, 4, … up to nMax (and nMax itself), for callers that want a range. */
export function logSpacedN(nMax: number): number[] {
  const out: number[] = [];
  for (let n = 1; n < nMax; n *= 2) out.push(n);
  out.push(nMax);
  return out;
}

const METRICS: MetricSpec[] = [
  { name: "trueGain", label: "True reward of the selected", help: "r of the candidate with the largest proxy (E = true gain)." },
  { name: "proxyGain", label: "Proxy reward of the selected", help: "max of the n proxies r̂ = r + ε." },
];

function replicate(p: BestOfNParams, rng: Rng): Record<string, Float64Array> {
  const normal = createNormal(rng);
  const eps = p.noise === "gaussian" ? normal : createStudentT(rng, p.nu);
  const L = p.nValues.length;
  const trueGain = new Float64Array(L), proxyGain = new Float64Array(L);
  let bestProxy = -Infinity, bestTrue = 0, i = 0;
  const nMax = p.nValues[L - 1]!;
  for (let n = 1; n <= nMax; n++) {
    const r = p.sigmaR * normal();
    const proxy = r + p.sigmaEps * eps();
    if (proxy > bestProxy) {
      bestProxy = proxy;
      bestTrue = r;
    }
    if (n === p.nValues[i]) {
      trueGain[i] = bestTrue;
      proxyGain[i] = bestProxy;
      i++;
    }
  }
  return { trueGain, proxyGain };
}

/** True when the Student-t quadrature applies: integer ν ≤ 30 and σ_ε ≥ σ_r/8. */
export function studentTheoryApplies(p: BestOfNParams): boolean {
  return p.noise === "student-t" && Number.isInteger(p.nu) && p.nu <= MAX_INTEGER_NU && p.sigmaEps >= MIN_SCALE_RATIO * p.sigmaR;
}

let studentKey = "";
let studentCurve: number[] = [];

/**
 * Theory: `kl` = log n − (n−1)/n always (Gao et al.'s KL of best-of-n); with Gaussian ε (or σ_ε = 0) the exact
 * `trueGain` σ_r²/√(σ_r²+σ_ε²)·E Z_(n) and `proxyGain` √(σ_r²+σ_ε²)·E Z_(n); with Student-t ε, integer ν ≤ 30 and
 * σ_ε ≥ σ_r/8, `trueGain` by quadrature (theory/best-of-n-student.ts; up to ~1 s for ν = 30 at σ_ε = σ_r/8).
 */
export function bestOfNTheory(p: BestOfNParams): Record<string, number[]> {
  const out: Record<string, number[]> = { kl: p.nValues.map(bestOfNKl) };
  if (p.noise === "gaussian" || p.sigmaEps === 0) {
    out.trueGain = p.nValues.map((n) => bestOfNTrueGain(n, p.sigmaR, p.sigmaEps));
    out.proxyGain = p.nValues.map((n) => bestOfNProxyGain(n, p.sigmaR, p.sigmaEps));
  } else if (studentTheoryApplies(p)) {
    const key = JSON.stringify(p);
    if (key !== studentKey) {
      studentCurve = bestOfNStudentTrueGain(p.nValues, p.sigmaR, p.sigmaEps, p.nu);
      studentKey = key;
    }
    out.trueGain = studentCurve.slice();
  }
  return out;
}

export const bestOfN: Model<BestOfNParams> = {
  id: "bestOfN",
  label: "Best-of-n selection on a noisy proxy (Goodhart)",
  description:
    "Draw n candidates with true reward r and proxy r̂ = r + ε and keep the one with the largest proxy. With Gaussian ε the true gain grows like " +
    "σ_r²/√(σ_r²+σ_ε²)·E Z_(n) (about √(2 log n)); with heavy-tailed ε (Student-t) the winner is increasingly a noise outlier and the true gain falls back toward 0. " +
    "The x axis is n.",
  schema: bestOfNSchema,
  metrics: () => METRICS,
  generations: (p) => p.nValues.slice(),
  replicate,
  theory: bestOfNTheory,
};

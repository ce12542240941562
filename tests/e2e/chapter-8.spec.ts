import { expect, test } from "@playwright/test";
import { openWithoutJs, type DemoJson } from "./helpers";
import { demoChecks, expectStaticFigure, type DemoCheck } from "./demo-checks";

// The four demos of chapter 8 (imperfect verifiers), each checked live, through its URL state, against
// hostile links, through its exports, with axe, and without JavaScript.

const PAGE = "/chapters/imperfect-verifiers/";
const base = { chapter: "ch. 8", page: PAGE };

/** Mean shares sum to 1 at every round; measured accuracy ends above true accuracy (the Goodhart gap). */
function verifierShares(json: DemoJson) {
  const series = json.metrics;
  const n = json.generations.length;
  for (let g = 0; g < n; g++) expect(series["share:correct"]!.mean![g]! + series["share:hack"]!.mean![g]! + series["share:wrong"]!.mean![g]!).toBeCloseTo(1, 9);
  expect(series.measuredAccuracy!.mean![n - 1]! - series.trueAccuracy!.mean![n - 1]!).toBeGreaterThan(0.3);
}

/** Realised against predicted entropy change: the first-order identity tracks the mean path closely. */
function entropyIdentity(json: DemoJson) {
  const series = json.metrics;
  const pred = series.predictedEntropyChange!.mean!, real = series.realisedEntropyChange!.mean!;
  const scale = Math.max(...real.map(Math.abs));
  pred.forEach((p, g) => expect(Math.abs(p - real[g]!), `step ${g}`).toBeLessThan(0.15 * scale));
  expect(series.entropy!.mean!.at(-1)!).toBeLessThan(series.entropy!.mean![0]! - 2);
}

// `legend`: text the build-time legend must contain. `theory`: [metric, theory key]: the theory curve (exact, or the
// N → ∞ reference) must lie in the simulated band. Indicator metrics (fixes) have a band of 0s and 1s that can miss
// a small probability: then the simulated share must be within 4 binomial SE of the exact probability.
const DEMOS: (DemoCheck & { legend: string })[] = [
  {
    ...base, id: "verifier-loop", model: "verifier", equation: "eq:replicator", charts: 3, legend: "Population limit",
    change: ["N", "20"], hostile: ["N", "N: expected an integer in [1, 1000000000]"],
    theory: [["share:correct", "share:correct:population"], ["share:hack", "share:hack:population"], ["trueAccuracy", "trueAccuracy:population"], ["measuredAccuracy", "measuredAccuracy:population"]],
    checkJson: verifierShares,
  },
  {
    ...base, id: "fixation", model: "fixation", equation: "eq:kimura-fixation", charts: 1, legend: "Exact Wright–Fisher chain",
    change: ["s", "0.1"], hostile: ["p", "p: expected a number in [0.01, 0.99]"],
    theory: [["fixes", "fixes"]], indicators: ["fixes"],
  },
  {
    ...base, id: "policy-gradient", model: "policyGradient", equation: "eq:entropy-covariance", charts: 5, legend: "Simulated mean",
    change: ["eta", "0.2"], hostile: ["batch", "batch: expected an integer in [1, 100000]"],
    theory: [], checkJson: entropyIdentity,
  },
  {
    ...base, id: "best-of-n", model: "bestOfN", equation: "eq:bon-gaussian", charts: 2, legend: "Gaussian closed form",
    change: ["sigmaEps", "2"], hostile: ["sigmaEps", "sigmaEps: expected a number in [0, 10]"],
    theory: [["trueGain", "trueGain"], ["proxyGain", "proxyGain"]],
  },
];

test.describe.configure({ timeout: 180_000 });

test("every chapter 8 demo has its build-time figure, legend, caption and equation link without JavaScript", async ({ browser }) => {
  const page = await openWithoutJs(browser, PAGE);
  for (const demo of DEMOS) {
    const root = await expectStaticFigure(page, demo);
    expect(await root.locator(".demo-static .demo-plot svg path").count(), demo.id).toBeGreaterThanOrEqual(2 * demo.charts);
    await expect(root.locator(".demo-static .demo-legend").first()).toContainText(demo.legend);
  }
  // The stacked class shares: three filled layers and the dashed population-limit boundaries.
  const shares = page.locator("#demo-verifier-loop .demo-static .demo-plot svg").first();
  expect(await shares.locator('g[aria-label="area"] path').count()).toBe(3);
  await expect(page.locator("#demo-verifier-loop .demo-static .demo-desc").first()).toContainText("(N → ∞ limit correct");
  // Prose numbers are computed at build time.
  expect(await page.locator("[data-sim-value]").count()).toBeGreaterThanOrEqual(10);
  await page.context().close();
});

// Live run, exports and theory band, parameter change, URL round trip, hostile link and axe: see demo-checks.ts.
demoChecks(DEMOS, { live: 30_000, run: 90_000 }, { axe: true });

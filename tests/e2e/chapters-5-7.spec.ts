import { expect, test } from "@playwright/test";
import { demoChecks, expectStaticFigure, type DemoCheck } from "./demo-checks";
import { openWithoutJs } from "./helpers";

// The demos of chapters 5 (Grounding) and 7 (The data-processing inequality), each checked live,
// through its URL state, against hostile links, through its exports and without JavaScript.

const CH5 = "/chapters/grounding/";
const CH7 = "/chapters/data-processing/";

/** Chapter 5 demos: one chart per metric; each metric's theory curve is checked against its band. */
const ch5 = (id: string, model: string, equation: string, change: [string, string], hostile: [string, string], metrics: string[], extra: Partial<DemoCheck> = {}): DemoCheck =>
  ({ chapter: "ch. 5", page: CH5, id, model, equation, change, hostile, charts: metrics.length, theory: metrics, firstChartRedraws: true, ...extra });

const DEMOS: DemoCheck[] = [
  ch5("grounding", "categorical", "eq:grounded-gini-mean", ["n", "20"], ["n", "n: expected an integer in [1, 1000000000]"], ["giniSimpson"]),
  ch5("theta-sweep", "grounding-sweep", "eq:stationary-diversity", ["n", "500"], ["n", "n: expected an integer in [2, 100000]"], ["ratio", "timeAverage"]),
  // The indicator metric "fixed" has a band of 0s and 1s that can miss a small probability; for it the check may
  // instead be the simulated share against the exact probability (binomial SE).
  ch5("schedules", "categorical", "eq:grounded-gini-mean", ["n", "20"], ["n", "n: expected an integer in [1, 1000000000]"], ["giniSimpson", "fixed"], { indicators: ["fixed"] }),
  ch5("workflows", "categorical", "eq:accumulate-product", ["n", "20"], ["n", "n: expected an integer in [1, 1000000000]"], ["giniSimpson"]),
  ch5("accumulate-gaussian", "gaussian", "eq:accumulate-mean-variance", ["n", "10"], ["n", "n: expected an integer in [2, 1000000]"], ["mu", "sigma2"]),
  ch5("accumulate-regression", "regression", "eq:regression-workflows", ["T", "20"], ["T", "T: expected an integer in [3, 1000000]"], ["testError"]),
  ch5("dpi-meter", "dpi-sample", "eq:mi-beta-bernoulli", ["alpha", "0.1"], ["n", "n: expected an integer in [1, 200]"], ["information"], { chapter: "ch. 7", page: CH7 }),
];

test.describe.configure({ timeout: 120_000 });

test("every chapter 5 and 7 demo has its build-time figure, legend, caption and equation link without JavaScript", async ({ browser }) => {
  const page = await openWithoutJs(browser);
  for (const demo of DEMOS) {
    await page.goto(demo.page);
    await expectStaticFigure(page, demo);
    const root = page.locator(`#demo-${demo.id}`);
    // Bands, mean, theory (and paths): real marks, not an empty frame.
    expect(await root.locator(".demo-static .demo-plot svg path").count(), demo.id).toBeGreaterThan(4 * demo.charts);
    await expect(root.locator(".demo-static .demo-legend").first()).toContainText("Theory");
    await expect(root.locator(".demo-static .demo-desc").first()).toContainText("(theory ");
  }
  await page.context().close();
});

// Live run, exports and theory band, parameter change, URL round trip, hostile link: see demo-checks.ts.
demoChecks(DEMOS, { live: 30_000, run: 60_000 });

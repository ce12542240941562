import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./helpers";

// The four demos of chapter 8 (imperfect verifiers), each checked live, through its URL state, against
// hostile links, through its exports, with axe, and without JavaScript.

interface DemoCase {
  id: string;
  model: string;
  equation: string;
  /** Charts drawn (one per view). */
  charts: number;
  /** Text the build-time legend must contain. */
  legend: string;
  /** A control to change and the value to type into it. */
  change: [param: string, value: string];
  /** A numeric parameter to attack from the URL, with its allowed-range message. */
  hostile: [param: string, message: string];
  /** [metric, theory key]: the theory curve (exact, or the N → ∞ reference) must lie in the simulated band. */
  theory: [metric: string, key: string][];
}

const PAGE = "/chapters/imperfect-verifiers/";

const DEMOS: DemoCase[] = [
  {
    id: "verifier-loop", model: "verifier", equation: "eq:replicator", charts: 3, legend: "Population limit",
    change: ["N", "20"], hostile: ["N", "N: expected an integer in [1, 1000000000]"],
    theory: [["share:correct", "share:correct:population"], ["share:hack", "share:hack:population"], ["trueAccuracy", "trueAccuracy:population"], ["measuredAccuracy", "measuredAccuracy:population"]],
  },
  {
    id: "fixation", model: "fixation", equation: "eq:kimura-fixation", charts: 1, legend: "Exact Wright–Fisher chain",
    change: ["s", "0.1"], hostile: ["p", "p: expected a number in [0.01, 0.99]"],
    theory: [["fixes", "fixes"]],
  },
  {
    id: "policy-gradient", model: "policyGradient", equation: "eq:entropy-covariance", charts: 5, legend: "Simulated mean",
    change: ["eta", "0.2"], hostile: ["batch", "batch: expected an integer in [1, 100000]"],
    theory: [],
  },
  {
    id: "best-of-n", model: "bestOfN", equation: "eq:bon-gaussian", charts: 2, legend: "Gaussian closed form",
    change: ["sigmaEps", "2"], hostile: ["sigmaEps", "sigmaEps: expected a number in [0, 10]"],
    theory: [["trueGain", "trueGain"], ["proxyGain", "proxyGain"]],
  },
];

async function openLive(page: Page, demo: DemoCase, url = PAGE) {
  await page.goto(url);
  const root = page.locator(`#demo-${demo.id}`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator(".demo-shell")).toHaveAttribute("data-live", "true", { timeout: 30_000 });
  await expect(root.locator(".demo-shell")).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
}

const descriptions = (page: Page, demo: DemoCase) => page.locator(`#demo-${demo.id} .demo-desc`).allTextContents();

async function download(page: Page, demo: DemoCase, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`#demo-${demo.id}`).getByRole("button", { name }).first().click()]);
  return (await readFile((await file.path())!)).toString("utf8");
}

test.describe.configure({ timeout: 180_000 });

test("every chapter 8 demo has its build-time figure, legend, caption and equation link without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  for (const demo of DEMOS) {
    const root = page.locator(`#demo-${demo.id}`);
    const figures = root.locator(".demo-static .demo-plot svg");
    expect(await figures.count(), demo.id).toBe(demo.charts);
    await expect(figures.first()).toBeVisible();
    expect(await root.locator(".demo-static .demo-plot svg path").count(), demo.id).toBeGreaterThanOrEqual(2 * demo.charts);
    await expect(root.locator(".demo-static .demo-legend").first()).toContainText(demo.legend);
    await expect(root.locator(".demo-caption")).toContainText("seed");
    await expect(root.locator(".demo-caption a.xref")).toHaveAttribute("href", new RegExp(`#${demo.equation}$`));
    await expect(root.locator(".demo-controls")).toBeHidden();
  }
  // The stacked class shares: three filled layers and the dashed population-limit boundaries.
  const shares = page.locator("#demo-verifier-loop .demo-static .demo-plot svg").first();
  expect(await shares.locator('g[aria-label="area"] path').count()).toBe(3);
  await expect(page.locator("#demo-verifier-loop .demo-static .demo-desc").first()).toContainText("(N → ∞ limit correct");
  // Prose numbers are computed at build time.
  expect(await page.locator("[data-sim-value]").count()).toBeGreaterThanOrEqual(10);
  await context.close();
});

for (const demo of DEMOS) {
  test(`${demo.id}: live run matches the build, a parameter change redraws, the link restores it, exports parse, theory lies in the band`, async ({ page, context }) => {
    const errors = watchErrors(page);
    await page.goto(PAGE);
    const staticText = await page.locator(`#demo-${demo.id} .demo-static .demo-desc`).allTextContents();
    await openLive(page, demo);
    expect(await descriptions(page, demo)).toEqual(staticText);

    const json = JSON.parse(await download(page, demo, "Download JSON"));
    expect(json).toMatchObject({ demo: demo.id, model: demo.model });
    const csv = (await download(page, demo, "Download CSV")).trimEnd().split("\n");
    expect(csv[0]).toBe("generation,replicate,metric,value");
    const series = json.metrics as Record<string, Record<string, number[]>>;
    const theories = json.theory as Record<string, number[]>;
    for (const [metric, key] of demo.theory) {
      const s = series[metric]!;
      const theory = theories[key]!;
      expect(theory, `${demo.id}: theory ${key}`).toBeDefined();
      const mean = s.mean!, se = s.se!, lo = s.q05!, hi = s.q95!;
      const span = Math.max(...hi) - Math.min(...lo) || 1;
      // Indicator metrics (fixes) have a band of 0s and 1s that can miss a small probability: then the
      // simulated share must be within 4 binomial SE of the exact probability.
      theory.forEach((th, g) => {
        const inBand = th >= lo[g]! - 1e-3 * span && th <= hi[g]! + 1e-3 * span;
        const binomialSe = metric === "fixes" ? Math.sqrt(Math.max(th * (1 - th), 0) / json.replicates) : 0;
        const nearMean = Math.abs(th - mean[g]!) <= 4 * Math.max(se[g]!, binomialSe) + 1e-9;
        expect(inBand || nearMean, `${demo.id} ${metric} at index ${g}: theory ${th}, band [${lo[g]}, ${hi[g]}]`).toBe(true);
      });
      const lastX = (json.generations as number[]).length - 1;
      const row = csv.find((l) => l.startsWith(`${json.generations[lastX]},mean,${metric},`));
      expect(Number(row!.split(",")[3]), `${demo.id} CSV mean`).toBeCloseTo(mean[lastX]!, 12);
    }
    if (demo.id === "verifier-loop") {
      // Mean shares sum to 1 at every round; measured accuracy ends above true accuracy (the Goodhart gap).
      const n = (json.generations as number[]).length;
      for (let g = 0; g < n; g++) expect(series["share:correct"]!.mean![g]! + series["share:hack"]!.mean![g]! + series["share:wrong"]!.mean![g]!).toBeCloseTo(1, 9);
      expect(series.measuredAccuracy!.mean![n - 1]! - series.trueAccuracy!.mean![n - 1]!).toBeGreaterThan(0.3);
    }
    if (demo.id === "policy-gradient") {
      // Realised against predicted entropy change: the first-order identity tracks the mean path closely.
      const pred = series.predictedEntropyChange!.mean!, real = series.realisedEntropyChange!.mean!;
      const scale = Math.max(...real.map(Math.abs));
      pred.forEach((p, g) => expect(Math.abs(p - real[g]!), `step ${g}`).toBeLessThan(0.15 * scale));
      expect(series.entropy!.mean!.at(-1)!).toBeLessThan(series.entropy!.mean![0]! - 2);
    }

    // Changing a parameter changes the numbers and the charts.
    const charts = page.locator(`#demo-${demo.id} .demo-plot svg`);
    const before = await charts.evaluateAll((els) => els.map((e) => e.innerHTML).join("|"));
    const [param, value] = demo.change;
    const field = page.locator(`#demo-${demo.id}-${param}`);
    await field.fill(value);
    await field.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get(`${demo.id}.${param}`)).toBe(value);
    await expect(page.locator(`#demo-${demo.id} .demo-desc`).first()).not.toHaveText(staticText[0]!, { timeout: 90_000 });
    await expect(page.locator(`#demo-${demo.id} .demo-shell`)).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
    expect(await charts.evaluateAll((els) => els.map((e) => e.innerHTML).join("|"))).not.toBe(before);
    const changed = await descriptions(page, demo);

    // The address bar now encodes the run: opening it elsewhere gives the same numbers.
    const other = await context.newPage();
    const otherErrors = watchErrors(other);
    await openLive(other, demo, page.url());
    await expect(other.locator(`#demo-${demo.id}-${param}`)).toHaveValue(value);
    expect(await descriptions(other, demo)).toEqual(changed);
    expect([...errors, ...otherErrors]).toEqual([]);
  });

  test(`${demo.id}: a hostile link shows a plain-text notice and a valid run, with no console error`, async ({ page }) => {
    const errors = watchErrors(page);
    const [param, message] = demo.hostile;
    const hostile = new URLSearchParams([
      [`${demo.id}.${param}`, "<script>alert(1)</script>"],
      [`${demo.id}.seed`, "1e999"],
      [`${demo.id}.replicates`, "<img src=x onerror=alert(2)>"],
      [`${demo.id}.<b>x</b>`, "1"],
    ]);
    await page.goto(PAGE);
    const staticText = await page.locator(`#demo-${demo.id} .demo-static .demo-desc`).allTextContents();
    await openLive(page, demo, `${PAGE}?${hostile}`);
    const notice = page.locator(`#demo-${demo.id} .demo-notice`);
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(message);
    await expect(notice).toContainText("replicates: expected an integer");
    await expect(notice).toContainText("<b>x</b>: unknown parameter ignored");
    expect(await notice.locator("script, img, b").count()).toBe(0);
    expect(await descriptions(page, demo)).toEqual(staticText);
    expect(errors).toEqual([]);
  });

  test(`${demo.id}: axe finds no serious or critical violations (live, details open)`, async ({ page }) => {
    await openLive(page, demo);
    for (const s of await page.locator(`#demo-${demo.id} summary`).all()) await s.click();
    const scan = await new AxeBuilder({ page }).include(`#demo-${demo.id}`).analyze();
    const bad = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./helpers";

// The demos of chapter 6 (Not the architecture), each checked live, through its URL state, against
// hostile links, through its exports, with axe, and without JavaScript.

interface DemoCase {
  id: string;
  model: string;
  equation: string;
  /** A control to change and the value to type into it. */
  change: [param: string, value: string];
  /** A numeric parameter to attack from the URL, with its allowed-range message. */
  hostile: [param: string, message: string];
  /** Charts the demo draws. */
  charts: number;
  /** Metrics whose default theory curve must lie in the simulated band (or within 4 SE of the mean). */
  theory: string[];
}

const PAGE = "/chapters/not-the-architecture/";

const DEMOS: DemoCase[] = [
  { id: "mixture-loop", model: "mixture", equation: "eq:mixture-variance", change: ["n", "50"], hostile: ["n", "n: expected an integer in [10, 20000]"], charts: 3, theory: ["variance"] },
  { id: "kde-loop", model: "kde", equation: "eq:kde-variance", change: ["h", "0.1"], hostile: ["n", "n: expected an integer in [10, 20000]"], charts: 3, theory: ["variance", "ancestors"] },
  { id: "ngram-loop", model: "ngram", equation: "eq:ngram-gini", change: ["generations", "20"], hostile: ["order", "order: expected an integer in [1, 5]"], charts: 5, theory: [] },
  { id: "families", model: "families", equation: "eq:normalised-diversity", change: ["generations", "30"], hostile: ["n", "n: expected an integer in [10, 2000]"], charts: 1, theory: ["diversity:gaussian", "ancestry:kde"] },
];

async function openLive(page: Page, demo: DemoCase, url = PAGE) {
  await page.goto(url);
  const root = page.locator(`#demo-${demo.id}`);
  await root.scrollIntoViewIfNeeded();
  // data-live needs the first live run to finish: up to 30 replicates of five loops on a loaded machine.
  await expect(root.locator(".demo-shell")).toHaveAttribute("data-live", "true", { timeout: 120_000 });
  await expect(root.locator(".demo-shell")).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
}

const descriptions = (page: Page, demo: DemoCase) => page.locator(`#demo-${demo.id} .demo-desc`).allTextContents();
const allCharts = (page: Page, demo: DemoCase) => page.locator(`#demo-${demo.id} .demo-plot`).evaluateAll((els) => els.map((e) => e.innerHTML).join("\n"));

async function download(page: Page, demo: DemoCase, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`#demo-${demo.id}`).getByRole("button", { name }).first().click()]);
  return (await readFile((await file.path())!)).toString("utf8");
}

test.describe.configure({ timeout: 360_000 });

test("every chapter 6 demo has its build-time figure, caption and equation link without JavaScript; the n-gram text is there as text", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  for (const demo of DEMOS) {
    const root = page.locator(`#demo-${demo.id}`);
    const figures = root.locator(".demo-static .demo-plot svg");
    expect(await figures.count(), demo.id).toBe(demo.charts);
    await expect(figures.first()).toBeVisible();
    await expect(root.locator(".demo-static .demo-desc").first()).not.toBeEmpty();
    if (demo.theory.length) {
      await expect(root.locator(".demo-static .demo-legend").first()).toContainText("Theory");
      await expect(root.locator(".demo-static .demo-desc").first()).toContainText("(theory ");
    }
    await expect(root.locator(".demo-caption")).toContainText("seed");
    await expect(root.locator(".demo-caption a.xref")).toHaveAttribute("href", new RegExp(`#${demo.equation}$`));
    await expect(root.locator(".demo-controls")).toBeHidden();
  }
  // Generated text: SVG text nodes (no markup), headed by the generation and its distinct-word count.
  const text = page.locator('#demo-ngram-loop .demo-static[data-view="text"] svg');
  await expect(text.locator("text").first()).toHaveText(/^Generation 0 \(\d+ distinct words\)$/);
  expect(await text.locator("text").count()).toBeGreaterThan(10);
  expect(await text.locator("script, foreignObject, a").count()).toBe(0);
  // Five series and their end labels on the comparison chart.
  const lines = page.locator("#demo-families .demo-static .demo-plot svg");
  await expect(lines.locator('g[aria-label="text"] text')).toHaveCount(6);
  await context.close();
});

const serious = (violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[]) =>
  violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);

// The whole page (light and dark) is scanned by pages.spec.ts; here each demo section, before and after its live run.
test("chapter 6 demos are axe clean: build-time figures, and live with details open", async ({ page }) => {
  await page.goto(PAGE);
  for (const demo of DEMOS) {
    expect(serious((await new AxeBuilder({ page }).include(`#demo-${demo.id}`).analyze()).violations), `${demo.id} (static)`).toEqual([]);
  }
  for (const demo of [DEMOS[2]!, DEMOS[3]!]) {
    await openLive(page, demo);
    await page.locator(`#demo-${demo.id} details`).first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(serious((await new AxeBuilder({ page }).include(`#demo-${demo.id}`).analyze()).violations), demo.id).toEqual([]);
  }
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
    for (const metric of demo.theory) {
      const s = (json.metrics as Record<string, Record<string, number[]>>)[metric]!;
      const theory = (json.theory as Record<string, number[]>)[metric]!;
      expect(theory, `${demo.id}: theory of ${metric}`).toBeDefined();
      const mean = s.mean!, se = s.se!, lo = s.q05!, hi = s.q95!;
      const span = Math.max(...hi) - Math.min(...lo) || 1;
      theory.forEach((th, g) => {
        const inBand = th >= lo[g]! - 1e-3 * span && th <= hi[g]! + 1e-3 * span;
        const nearMean = Math.abs(th - mean[g]!) <= 4 * se[g]! + 1e-9;
        expect(inBand || nearMean, `${demo.id} ${metric} at index ${g}: theory ${th}, band [${lo[g]}, ${hi[g]}]`).toBe(true);
      });
      const lastX = (json.generations as number[]).length - 1;
      const row = csv.find((l) => l.startsWith(`${json.generations[lastX]},mean,${metric},`));
      expect(Number(row!.split(",")[3]), `${demo.id} CSV mean`).toBeCloseTo(mean[lastX]!, 12);
    }

    // Changing a parameter changes the numbers and the charts.
    const before = await allCharts(page, demo);
    const [param, value] = demo.change;
    const field = page.locator(`#demo-${demo.id}-${param}`);
    await field.fill(value);
    await field.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get(`${demo.id}.${param}`)).toBe(value);
    await expect(page.locator(`#demo-${demo.id} .demo-desc`).first()).not.toHaveText(staticText[0]!, { timeout: 90_000 });
    await expect(page.locator(`#demo-${demo.id} .demo-shell`)).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
    expect(await allCharts(page, demo)).not.toBe(before);
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
}

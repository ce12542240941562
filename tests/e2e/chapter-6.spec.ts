import { expect, test } from "@playwright/test";
import { axeViolations, openLive, openWithoutJs } from "./helpers";
import { demoChecks, expectStaticFigure, type DemoCheck } from "./demo-checks";

// The demos of chapter 6 (Not the architecture), each checked live, through its URL state, against
// hostile links, through its exports, with axe, and without JavaScript.

const PAGE = "/chapters/not-the-architecture/";
const base = { chapter: "ch. 6", page: PAGE };

// `theory`: metrics whose default theory curve must lie in the simulated band (or within 4 SE of the mean).
const DEMOS: DemoCheck[] = [
  { ...base, id: "mixture-loop", model: "mixture", equation: "eq:mixture-variance", change: ["n", "50"], hostile: ["n", "n: expected an integer in [10, 20000]"], charts: 3, theory: ["variance"] },
  { ...base, id: "kde-loop", model: "kde", equation: "eq:kde-variance", change: ["h", "0.1"], hostile: ["n", "n: expected an integer in [10, 20000]"], charts: 3, theory: ["variance", "ancestors"] },
  { ...base, id: "ngram-loop", model: "ngram", equation: "eq:ngram-gini", change: ["generations", "20"], hostile: ["order", "order: expected an integer in [1, 5]"], charts: 5, theory: [] },
  { ...base, id: "families", model: "families", equation: "eq:normalised-diversity", change: ["generations", "30"], hostile: ["n", "n: expected an integer in [10, 2000]"], charts: 1, theory: ["diversity:gaussian", "ancestry:kde"] },
];

// data-live needs the first live run to finish: up to 30 replicates of five loops on a loaded machine.
const TIMEOUTS = { live: 120_000, run: 90_000 };

test.describe.configure({ timeout: 360_000 });

test("every chapter 6 demo has its build-time figure, caption and equation link without JavaScript; the n-gram text is there as text", async ({ browser }) => {
  const page = await openWithoutJs(browser, PAGE);
  for (const demo of DEMOS) {
    const root = await expectStaticFigure(page, demo);
    await expect(root.locator(".demo-static .demo-desc").first()).not.toBeEmpty();
    if (demo.theory.length) {
      await expect(root.locator(".demo-static .demo-legend").first()).toContainText("Theory");
      await expect(root.locator(".demo-static .demo-desc").first()).toContainText("(theory ");
    }
  }
  // Generated text: SVG text nodes (no markup), headed by the generation and its distinct-word count.
  const text = page.locator('#demo-ngram-loop .demo-static[data-view="text"] svg');
  await expect(text.locator("text").first()).toHaveText(/^Generation 0 \(\d+ distinct words\)$/);
  expect(await text.locator("text").count()).toBeGreaterThan(10);
  expect(await text.locator("script, foreignObject, a").count()).toBe(0);
  // Five series and their end labels on the comparison chart.
  const lines = page.locator("#demo-families .demo-static .demo-plot svg");
  await expect(lines.locator('g[aria-label="text"] text')).toHaveCount(6);
  await page.context().close();
});

// The whole page (light and dark) is scanned by pages.spec.ts; here each demo section, before and after its live run.
test("chapter 6 demos are axe clean: build-time figures, and live with details open", async ({ page }) => {
  await page.goto(PAGE);
  for (const demo of DEMOS) {
    expect(await axeViolations(page, { include: `#demo-${demo.id}` }), `${demo.id} (static)`).toEqual([]);
  }
  for (const demo of [DEMOS[2]!, DEMOS[3]!]) {
    await openLive(page, demo.id, PAGE, TIMEOUTS.run, TIMEOUTS.live);
    await page.locator(`#demo-${demo.id} details`).first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await axeViolations(page, { include: `#demo-${demo.id}` }), demo.id).toEqual([]);
  }
});

// Live run, exports and theory band, parameter change, URL round trip, hostile link: see demo-checks.ts.
demoChecks(DEMOS, TIMEOUTS);

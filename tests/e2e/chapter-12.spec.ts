import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openWithoutJs, watchErrors } from "./helpers";

// Chapter 12 (A hybrid loop): the two-loops demo (pair charts of the hybrid and the distributional
// learner) checked without JavaScript, live, through its URL state, against a hostile link, through
// its exports, with axe, and its bound against the simulated identification rate.

const PAGE = "/chapters/hybrid-loop/";
const ID = "two-loops";
const CHARTS = 3;

async function openLive(page: Page, url = PAGE) {
  await page.goto(url);
  const root = page.locator(`#demo-${ID}`);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator(".demo-shell")).toHaveAttribute("data-live", "true", { timeout: 30_000 });
  await expect(root.locator(".demo-shell")).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
}

const descriptions = (page: Page) => page.locator(`#demo-${ID} .demo-desc`).allTextContents();

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`#demo-${ID}`).getByRole("button", { name }).first().click()]);
  return (await readFile((await file.path())!)).toString("utf8");
}

test.describe.configure({ timeout: 180_000 });

test("without JavaScript: three build-time pair charts with legend, bound, description, caption and equation link", async ({ browser }) => {
  const page = await openWithoutJs(browser, PAGE);
  const root = page.locator(`#demo-${ID}`);
  const figures = root.locator(".demo-static .demo-plot svg");
  expect(await figures.count()).toBe(CHARTS);
  await expect(figures.first()).toBeVisible();
  expect(await root.locator(".demo-static .demo-plot svg path").count()).toBeGreaterThan(4 * CHARTS);
  await expect(root.locator(".demo-static .demo-legend").first()).toContainText("Bound 1 − (t+1)ε_n");
  await expect(root.locator(".demo-static .demo-legend").first()).toContainText("Distributional (n-gram)");
  await expect(root.locator(".demo-static .demo-desc").first()).toContainText("bound 1 − (t+1)ε_n");
  await expect(root.locator(".demo-caption")).toContainText("seed 12");
  await expect(root.locator(".demo-caption a.xref")).toHaveAttribute("href", /#eq:hybrid-bound$/);
  await expect(root.locator(".demo-controls")).toBeHidden();
  // Build-time numbers in the prose are present (SimValue), never placeholders.
  expect(await page.locator("[data-sim-value]").count()).toBeGreaterThan(15);
  await page.context().close();
});

test("live: matches the build, exports parse, the bound is consistent with the simulated rate; a parameter change redraws and the link restores it", async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.goto(PAGE);
  const staticText = await page.locator(`#demo-${ID} .demo-static .demo-desc`).allTextContents();
  expect(staticText).toHaveLength(CHARTS);
  await openLive(page);
  expect(await descriptions(page)).toEqual(staticText);

  const json = JSON.parse(await download(page, "Download JSON"));
  expect(json).toMatchObject({ demo: ID, model: "mechanismLoop" });
  const csv = (await download(page, "Download CSV")).trimEnd().split("\n");
  expect(csv[0]).toBe("generation,replicate,metric,value");
  const R = json.replicates as number;
  const kept = (json.metrics as Record<string, Record<string, number[]>>)["program:kept"]!;
  const kgram = (json.metrics as Record<string, Record<string, number[]>>)["kgram:kept"]!;
  const bound = (json.theory as Record<string, number[]>)["program:kept"]!;
  expect(bound).toHaveLength((json.generations as number[]).length);
  bound.forEach((th, g) => {
    expect(th).toBeGreaterThan(0.99);
    // The bound is a lower bound: the simulated share may exceed it, and may fall short only by noise.
    expect(kept.mean![g]!, `program:kept at ${g}`).toBeGreaterThanOrEqual(th - 3 * Math.max(kept.se![g]!, Math.sqrt((0.99 * 0.01) / R)));
  });
  // The distributional loop loses the mechanism in a clear share of runs; its KL rises.
  expect(kgram.mean!.at(-1)!).toBeLessThan(0.9);
  const kl = (json.metrics as Record<string, Record<string, number[]>>)["kgram:kl"]!.mean!;
  expect(kl.at(-1)!).toBeGreaterThan(2 * kl[0]!);
  const row = csv.find((l) => l.startsWith("50,mean,program:kept,"));
  expect(Number(row!.split(",")[3])).toBeCloseTo(kept.mean![50]!, 12);

  // Changing a parameter changes the numbers and the charts.
  const charts = page.locator(`#demo-${ID} .demo-plot svg`);
  const before = await charts.evaluateAll((els) => els.map((e) => e.innerHTML));
  const field = page.locator(`#demo-${ID}-noise`);
  await field.fill("0.15");
  await field.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get(`${ID}.noise`)).toBe("0.15");
  await expect(page.locator(`#demo-${ID} .demo-desc`).first()).not.toHaveText(staticText[0]!, { timeout: 90_000 });
  await expect(page.locator(`#demo-${ID} .demo-shell`)).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
  const after = await charts.evaluateAll((els) => els.map((e) => e.innerHTML));
  expect(after.every((html, i) => html !== before[i])).toBe(true);
  const changed = await descriptions(page);

  // The address bar now encodes the run: opening it elsewhere gives the same numbers.
  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await openLive(other, page.url());
  await expect(other.locator(`#demo-${ID}-noise`)).toHaveValue("0.15");
  expect(await descriptions(other)).toEqual(changed);
  expect([...errors, ...otherErrors]).toEqual([]);
});

test("a preset sets its parameters in the URL and redraws (accumulation)", async ({ page }) => {
  const errors = watchErrors(page);
  await openLive(page);
  const first = (await descriptions(page))[0];
  await page.locator(`#demo-${ID}-preset`).selectOption("accumulate");
  await expect.poll(() => new URL(page.url()).searchParams.get(`${ID}.workflow`)).toBe("accumulate");
  await expect(page.locator(`#demo-${ID} .demo-desc`).first()).not.toHaveText(first!, { timeout: 90_000 });
  await expect(page.locator(`#demo-${ID} .demo-shell`)).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
  // Accumulation anchors the distributional learner as well: both keep the mechanism in most runs.
  await expect(page.locator(`#demo-${ID} .demo-desc`).first()).toContainText("Distributional (n-gram)");
  expect(errors).toEqual([]);
});

test("a hostile link shows a plain-text notice and a valid run, with no console error", async ({ page }) => {
  const errors = watchErrors(page);
  const hostile = new URLSearchParams([
    [`${ID}.noise`, "<script>alert(1)</script>"],
    [`${ID}.pattern`, "<img src=x onerror=alert(3)>"],
    [`${ID}.seed`, "1e999"],
    [`${ID}.replicates`, "<img src=x onerror=alert(2)>"],
    [`${ID}.<b>x</b>`, "1"],
  ]);
  await page.goto(PAGE);
  const staticText = await page.locator(`#demo-${ID} .demo-static .demo-desc`).allTextContents();
  await openLive(page, `${PAGE}?${hostile}`);
  const notice = page.locator(`#demo-${ID} .demo-notice`);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("noise: expected a number in [0.001, 0.3]");
  await expect(notice).toContainText("pattern:");
  await expect(notice).toContainText("replicates: expected an integer");
  await expect(notice).toContainText("<b>x</b>: unknown parameter ignored");
  expect(await notice.locator("script, img, b").count()).toBe(0);
  expect(await descriptions(page)).toEqual(staticText);
  expect(errors).toEqual([]);
});

test("axe: no serious or critical violations (live, details open)", async ({ page }) => {
  await openLive(page);
  for (const s of await page.locator(`#demo-${ID} summary`).all()) await s.click();
  const scan = await new AxeBuilder({ page }).include(`#demo-${ID}`).analyze();
  const bad = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const whole = await new AxeBuilder({ page }).analyze();
  expect(whole.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

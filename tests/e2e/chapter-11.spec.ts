import { expect, test, type Page } from "@playwright/test";
import { axeViolations, downloadFile, openWithoutJs, svgParses, urlState, watchErrors } from "./helpers";

// Chapter 11: the two tools, "Symbolic regression live" (#demo-symbolic) and "Which rule made this?"
// (#demo-which-rule): no-JS fallback, parameter changes, user formulas, URL round trip, hostile links,
// exports and axe.

const PAGE = "/chapters/mechanisms/";
test.describe.configure({ timeout: 180_000 });

const sym = (page: Page) => page.locator("#demo-symbolic");
const eca = (page: Page) => page.locator("#demo-which-rule");
const formula = (page: Page) => sym(page).locator("[data-live] .symbolic-formula").getAttribute("data-formula");

async function openSymbolic(page: Page, url = PAGE) {
  await page.goto(url);
  await sym(page).scrollIntoViewIfNeeded();
  await expect(sym(page).locator(".symbolic-demo")).toHaveAttribute("data-phase", "done", { timeout: 60_000 });
}

async function openEca(page: Page, url = PAGE) {
  await page.goto(url);
  await eca(page).scrollIntoViewIfNeeded();
  await expect(eca(page).locator(".which-rule-demo")).toHaveAttribute("data-phase", "done", { timeout: 30_000 });
}

async function waitSearch(page: Page) {
  await expect(sym(page).locator(".symbolic-demo")).toHaveAttribute("data-phase", /done|error/, { timeout: 60_000 });
}

/** A download from the tool section `scope` ("#demo-…"). */
const download = (page: Page, scope: string, name: string) => downloadFile(page, page.locator(scope), name);

test("without JavaScript: the default run's formula, charts and ECA ranking are in the page", async ({ browser }) => {
  const page = await openWithoutJs(browser, PAGE);
  const stat = page.locator("#demo-symbolic [data-static]");
  await expect(stat.locator(".symbolic-formula")).toHaveAttribute("data-formula", "sqrt(x) * x");
  await expect(stat.locator(".symbolic-formula .katex")).toBeVisible();
  const svgs = stat.locator(".demo-chart svg");
  expect(await svgs.count()).toBe(2);
  for (const svg of await svgs.all()) {
    await expect(svg).toHaveAttribute("aria-label", /Extrapolation|Pareto/);
    expect(await svg.locator("path, rect, circle, line").count()).toBeGreaterThan(5);
  }
  await expect(stat.locator(".symbolic-errors tbody tr")).toHaveCount(4);
  await expect(page.locator("#demo-which-rule [data-static] [data-verdict]")).toHaveAttribute("data-verdict", "30");
  await expect(page.locator("#demo-which-rule [data-static] .which-rule-ranking tbody tr").first()).toContainText("30 (hidden)");
  await expect(page.locator("#demo-symbolic .demo-controls")).toBeHidden();
  await expect(page.locator("#demo-which-rule .demo-controls")).toBeHidden();
  await expect(page.locator("#demo-symbolic .demo-caption a.xref")).toHaveText(/^\(11\.\d+\)$/);
  await page.context().close();
});

test("live: the default search agrees with the build; changing the law and the noise changes the result", async ({ page }) => {
  const errors = watchErrors(page);
  await openSymbolic(page);
  expect(await formula(page)).toBe("sqrt(x) * x");
  await expect(sym(page).locator("[data-live] .symbolic-formula .katex")).toBeVisible();
  await page.locator("#symbolic-law").selectOption("sine");
  await expect.poll(() => urlState(page).get("symbolic.law")).toBe("sine");
  await waitSearch(page);
  await expect.poll(() => formula(page), { timeout: 60_000 }).toBe("sin(x)");
  const bitsBefore = await sym(page).locator("[data-live] .symbolic-bits").textContent();
  await page.locator("#symbolic-noise").fill("0.3");
  await page.locator("#symbolic-noise").press("Enter");
  await expect.poll(() => urlState(page).get("symbolic.noise")).toBe("0.3");
  await expect.poll(() => sym(page).locator("[data-live] .symbolic-bits").textContent(), { timeout: 60_000 }).not.toBe(bitsBefore);
  expect(errors).toEqual([]);
});

test("a typed formula is searched; a malformed one shows a message; a non-finite one is refused", async ({ page }) => {
  const errors = watchErrors(page);
  await openSymbolic(page);
  const input = page.locator("#symbolic-formula");
  await input.fill("x*exp(-x*x)");
  await input.press("Enter");
  await expect.poll(() => urlState(page).get("symbolic.law")).toBe("custom");
  await expect.poll(() => urlState(page).get("symbolic.formula")).toBe("x*exp(-x*x)");
  await expect.poll(() => formula(page), { timeout: 60_000 }).toMatch(/exp/);
  await input.fill("sin(2*x");
  await input.press("Enter");
  await expect(page.locator("#symbolic-formula-error")).toContainText("formula");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await input.fill("log(x)");
  await input.press("Enter");
  await expect(sym(page).locator("[data-error]")).toContainText("finite", { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test("a link restores the same search; Cancel stops a running search", async ({ page, context }) => {
  const errors = watchErrors(page);
  await openSymbolic(page);
  await page.locator("#symbolic-law").selectOption("damped");
  await page.locator("#symbolic-seed").fill("7");
  await page.locator("#symbolic-seed").press("Enter");
  await page.locator("#symbolic-noise").fill("0.1");
  await page.locator("#symbolic-noise").press("Enter");
  await expect.poll(() => urlState(page).get("symbolic.seed")).toBe("7");
  await expect.poll(() => urlState(page).get("symbolic.noise")).toBe("0.1");
  await waitSearch(page);
  await expect(sym(page).locator("[data-live] .symbolic-law")).toContainText("σ");
  const bits = await sym(page).locator("[data-live] .symbolic-bits").textContent();
  const f = await formula(page);
  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await openSymbolic(other, page.url());
  await expect(other.locator("#symbolic-seed")).toHaveValue("7");
  expect(await formula(other)).toBe(f);
  expect(await other.locator("#demo-symbolic [data-live] .symbolic-bits").textContent()).toBe(bits);
  // Cancel: a larger search, stopped while it runs.
  await page.locator("#symbolic-n").fill("200");
  await page.locator("#symbolic-n").press("Enter");
  await expect(sym(page).locator(".symbolic-demo")).toHaveAttribute("data-phase", /running|done/);
  if ((await sym(page).locator(".symbolic-demo").getAttribute("data-phase")) === "running") {
    await sym(page).getByRole("button", { name: "Cancel search" }).click();
    await expect(sym(page).locator(".symbolic-demo")).toHaveAttribute("data-phase", "cancelled");
    await expect(sym(page).locator("[data-status]")).toContainText("cancelled");
  }
  expect([...errors, ...otherErrors]).toEqual([]);
});

test("a hostile link shows a plain-text notice and the default search, with no console error", async ({ page }) => {
  const errors = watchErrors(page);
  const q = new URLSearchParams([
    ["symbolic.law", "<script>alert(1)</script>"],
    ["symbolic.formula", "<img src=x onerror=alert(2)>"],
    ["symbolic.n", "1e99"],
    ["symbolic.seed", "<i>1</i>"],
    ["which-rule.rule", "999"],
    ["which-rule.row", "<svg onload=alert(3)>"],
  ]);
  await openSymbolic(page, `${PAGE}?${q}`);
  const notice = sym(page).locator(".demo-notice");
  await expect(notice).toBeVisible();
  for (const t of ["law: expected", "formula: expected", "n: expected", "seed: expected"]) await expect(notice).toContainText(t);
  expect(await notice.locator("script, img, i, svg").count()).toBe(0);
  expect(await formula(page)).toBe("sqrt(x) * x");
  await eca(page).scrollIntoViewIfNeeded();
  await expect(eca(page).locator(".which-rule-demo")).toHaveAttribute("data-phase", "done", { timeout: 30_000 });
  const n2 = eca(page).locator(".demo-notice");
  await expect(n2).toContainText("rule: expected");
  await expect(n2).toContainText("row: expected");
  expect(await n2.locator("script, img, svg").count()).toBe(0);
  await expect(eca(page).locator("[data-live] [data-verdict]")).toHaveAttribute("data-verdict", "30");
  expect(errors).toEqual([]);
});

test("symbolic exports parse (JSON, CSV, SVG)", async ({ page }) => {
  await openSymbolic(page);
  const json = JSON.parse((await download(page, "#demo-symbolic", "Download JSON")).body.toString("utf8"));
  expect(json).toMatchObject({ demo: "symbolic", result: { best: { expression: "sqrt(x) * x" } } });
  const csv = (await download(page, "#demo-symbolic", "Download CSV")).body.toString("utf8").trimEnd().split("\n");
  expect(csv[0]).toBe("kind,x,truth,recovered,polynomial,knn,mlp,y");
  for (const l of csv.slice(1)) expect(l.split(",")).toHaveLength(8);
  const svg = (await download(page, "#demo-symbolic", "SVG: extrapolation")).body.toString("utf8");
  expect(await svgParses(page, svg)).toBe(true);
});

test("which rule: identifies the default rule; cells are keyboard-operable; state round-trips; exports parse", async ({ page, context }) => {
  const errors = watchErrors(page);
  await openEca(page);
  await expect(eca(page).locator("[data-live] [data-verdict]")).toHaveAttribute("data-verdict", "30");
  await expect(eca(page).locator("[data-live] .which-rule-ranking tbody tr").first()).toContainText("30 (hidden)");
  await expect(eca(page).locator("[data-live] .which-rule-verdict")).toContainText("only rule consistent");
  // Switch cell 5 with the keyboard.
  const cell = eca(page).getByRole("button", { name: "Cell 5", exact: true });
  const pressed = await cell.getAttribute("aria-pressed");
  await cell.focus();
  await page.keyboard.press("Space");
  await expect.poll(() => urlState(page).get("which-rule.row")?.length).toBe(31);
  await expect(eca(page).getByRole("button", { name: "Cell 5", exact: true })).toHaveAttribute("aria-pressed", pressed === "true" ? "false" : "true");
  await page.locator("#which-rule-rule").fill("110");
  await page.locator("#which-rule-rule").press("Enter");
  await expect(eca(page).locator("[data-live] [data-verdict]")).toHaveAttribute("data-verdict", "110");
  // The link is written 400 ms after a change: wait for it before sharing it.
  await expect.poll(() => urlState(page).get("which-rule.rule")).toBe("110");
  const other = await context.newPage();
  await openEca(other, page.url());
  await expect(other.locator("#which-rule-rule")).toHaveValue("110");
  await expect(other.locator("#demo-which-rule [data-live] [data-verdict]")).toHaveAttribute("data-verdict", "110");
  const json = JSON.parse((await download(page, "#demo-which-rule", "Download JSON")).body.toString("utf8"));
  expect(json).toMatchObject({ demo: "which-rule" });
  expect(json.result.ranking[0].rule).toBe(110);
  const csv = (await download(page, "#demo-which-rule", "Download CSV")).body.toString("utf8").trimEnd().split("\n");
  expect(csv[0]).toBe("rank,rule,table,ruleBits,exceptions,exceptionBits,bits");
  const svg = (await download(page, "#demo-which-rule", "SVG: pattern")).body.toString("utf8");
  expect(await svgParses(page, svg)).toBe(true);
  expect(errors).toEqual([]);
});

test("axe: no serious or critical violations in either tool (live, details open)", async ({ page }) => {
  await openSymbolic(page);
  await openEca(page, page.url());
  await sym(page).scrollIntoViewIfNeeded();
  await expect(sym(page).locator(".symbolic-demo")).toHaveAttribute("data-phase", "done", { timeout: 60_000 });
  for (const s of await page.locator("#demo-symbolic summary, #demo-which-rule summary").all()) await s.click();
  expect(await axeViolations(page, { include: ["#demo-symbolic", "#demo-which-rule"] })).toEqual([]);
});

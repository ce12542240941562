import { expect, test, type Page } from "@playwright/test";
import { axeViolations, demoQuery, downloadFile, isPng, openWithoutJs, setParam, svgParses, urlState, watchErrors } from "./helpers";
import * as h from "./helpers";

// The demo shell's common machinery (URL state, notices, exports, presets, pin & compare, cancel,
// citation, keyboard, reduced motion), exercised on a real chapter demo: chapter 3's categorical
// loop (bars + three fans). Per-demo checks of every chapter are in chapters-*.spec.ts.
const PAGE = "/chapters/entropy-decay/";
const ID = "loop";
const DEMO = `#demo-${ID}`;
/** The demo's defaults (content/chapters/03-entropy-decay.mdx). */
const T = 150;

test.describe.configure({ timeout: 120_000 });

/** Mean Gini–Simpson at the start and the theory value, read from the chart's text description. */
async function giniText(page: Page): Promise<{ start: number; theory: number; text: string }> {
  const text = (await page.locator(`${DEMO} [data-view="giniSimpson"] .demo-desc`).textContent()) ?? "";
  const theory = Number(/\(theory ([^)]+)\)/.exec(text)?.[1]);
  const start = Number(/from ([^ ]+) at the start/.exec(text)?.[1]);
  return { start, theory, text };
}

const openLive = (page: Page, url = PAGE) => h.openLive(page, ID, url, 30_000);
const descriptions = (page: Page) => h.descriptions(page, ID);

test("the default figure and its description are there without JavaScript", async ({ browser }) => {
  const page = await openWithoutJs(browser, PAGE);
  const figure = page.locator(`${DEMO} .demo-static .demo-plot svg`).first();
  await expect(figure).toBeVisible();
  await expect(page.locator(`${DEMO} .demo-static[data-view="entropy"] .demo-plot svg`)).toHaveAttribute("aria-label", /^Entropy H\(p_t\): fan chart over 150 generations, 300 replicates, seed 7$/);
  expect(await page.locator(`${DEMO} .demo-static .demo-plot svg`).count()).toBe(4);
  // Mean line, two bands, theory, sample paths: real marks, not an empty frame.
  expect(await page.locator(`${DEMO} .demo-static .demo-plot svg path`).count()).toBeGreaterThan(10);
  await expect(page.locator(`${DEMO} .demo-static[data-view="bars"] .demo-desc`)).toContainText(/^Generation 150 of sample run 1: \d+ of 10 categories left/);
  await expect(page.locator(`${DEMO} .demo-static[data-view="entropy"] .demo-desc`)).toContainText(/^After 150 generations, mean entropy H\(p_t\) is [0-9.e-]+ bits \(theory [0-9.e-]+\)/);
  await expect(page.locator(`${DEMO} .demo-noscript`)).toContainText("seed 7");
  // The theory curve's equation is linked with its number from the site's label registry.
  const eq = page.locator(`${DEMO} .demo-caption a.xref`);
  await expect(eq).toHaveText(/^\(\d+\.\d+\)$/);
  await expect(eq).toHaveAttribute("href", "#eq:gini-decay"); // same page
  // Controls that cannot work without JavaScript are hidden.
  await expect(page.locator(`${DEMO} .demo-controls`)).toBeHidden();
  await expect(page.locator(`${DEMO} .demo-transport`)).toBeHidden();
  await page.context().close();
});

test("the live run reproduces the build-time figure's numbers, and changing a parameter changes the chart", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(PAGE);
  const staticText = await h.staticDescriptions(page, ID);
  await openLive(page);
  expect(await descriptions(page)).toEqual(staticText);
  const before = await page.locator(`#demo-${ID}-chart-entropy svg`).innerHTML();
  // Independent check of the figure: E[G_t] = (1 − 1/n)^t G_0 with n = 50, t = 150 (3-digit text).
  const g50 = await giniText(page);
  expect(Math.abs(g50.theory / (g50.start * 0.98 ** T) - 1)).toBeLessThan(0.01);

  const n = page.locator(`#demo-${ID}-n`);
  await setParam(page, ID, "n", "20");
  await expect(page.locator(`${DEMO} [data-view="giniSimpson"] .demo-desc`)).not.toHaveText(staticText[1]!);
  await h.waitDone(page, ID);
  expect(await page.locator(`#demo-${ID}-chart-entropy svg`).innerHTML()).not.toBe(before);
  const g20 = await giniText(page);
  expect(g20.start).toBe(g50.start); // same p0 (initSeed), different n
  expect(Math.abs(g20.theory / (g20.start * 0.95 ** T) - 1)).toBeLessThan(0.01);
  await expect.poll(() => urlState(page).get(`${ID}.n`)).toBe("20");

  // A typed value out of range is refused with a message; the run keeps the last valid value.
  await n.fill("0");
  await n.press("Enter");
  await expect(page.locator(`#demo-${ID}-n-error`)).toContainText("expected an integer in [1, 1000000000]");
  await expect(n).toHaveAttribute("aria-invalid", "true");
  expect(urlState(page).get(`${ID}.n`)).toBe("20");

  // A text parameter is parsed by the model in the worker: a bad one is refused the same way.
  await setParam(page, ID, "init", "zipf:<b>x</b>");
  await expect(page.locator(`#demo-${ID}-init-error`)).toContainText("init: expected");
  await expect(page.locator(`#demo-${ID}-init`)).toHaveAttribute("aria-invalid", "true");
  await setParam(page, ID, "init", " zipf:1.5 ");
  await expect.poll(() => urlState(page).get(`${ID}.init`)).toBe("zipf:1.5");
  await expect(page.locator(`#demo-${ID}-init-error`)).toHaveText("");
  await h.waitDone(page, ID);
  expect(errors).toEqual([]);
});

test("a link restores the same run, numbers included", async ({ page, context }) => {
  const errors = watchErrors(page);
  await openLive(page);
  await setParam(page, ID, "seed", "123");
  await setParam(page, ID, "generations", "40");
  await expect.poll(() => urlState(page).get(`${ID}.generations`)).toBe("40");
  await expect.poll(() => urlState(page).get(`${ID}.seed`)).toBe("123");
  await expect(page.locator(`${DEMO} [data-view="entropy"] .demo-desc`)).toContainText("After 40 generations");
  await h.waitDone(page, ID);
  const numbers = await descriptions(page);

  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await openLive(other, page.url());
  expect(await descriptions(other)).toEqual(numbers);
  await expect(other.locator(`#demo-${ID}-seed`)).toHaveValue("123");
  await expect(other.locator(`#demo-${ID}-generations`)).toHaveValue("40");

  // "Copy link to this run" gives a complete link that reproduces it too.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.locator(DEMO).getByRole("button", { name: "Copy link to this run" }).click();
  await expect(page.locator(`${DEMO} .demo-feedback`)).toContainText("http");
  const feedback = await page.locator(`${DEMO} .demo-feedback`).textContent();
  const link = new URL(feedback!.replace(/^.*?(https?:\/\/\S+)$/, "$1"));
  expect(link.hash).toBe(`#demo-${ID}`);
  expect(link.searchParams.get(`${ID}.seed`)).toBe("123");
  expect(link.searchParams.get(`${ID}.replicates`)).toBe("300");
  const third = await context.newPage();
  await openLive(third, `${PAGE}${link.search}`);
  expect(await descriptions(third)).toEqual(numbers);
  expect([...errors, ...otherErrors]).toEqual([]);
});

test("a hostile link shows a plain-text notice and a valid run, with no console error", async ({ page }) => {
  const errors = watchErrors(page);
  const hostile = new URLSearchParams([
    [`${ID}.n`, "<script>alert(1)</script>"],
    [`${ID}.K`, "NaN"],
    [`${ID}.generations`, "1e99"],
    [`${ID}.replicates`, "-5"],
    [`${ID}.workflow`, "<img src=x onerror=alert(2)>"],
    [`${ID}.seed`, "12.5"],
    [`${ID}.<b>x</b>`, "1"],
    [`${ID}.init`, "<img src=x onerror=alert(3)>"],
  ]);
  await page.goto(PAGE);
  const staticText = await h.staticDescriptions(page, ID);
  await openLive(page, `${PAGE}?${hostile}`);
  const notice = page.locator(`${DEMO} .demo-notice`);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('n: expected an integer in [1, 1000000000], got "<script>alert(1)</script>"; using the default 50');
  await expect(notice).toContainText("K: expected an integer in [2, 100000]");
  await expect(notice).toContainText("generations: expected an integer in [0, 100000]");
  await expect(notice).toContainText('workflow: expected one of replace | accumulate | accumulate-subsample, got "<img src=x onerror=alert(2)>"');
  await expect(notice).toContainText("replicates: expected an integer in [1, 5000]");
  await expect(notice).toContainText("seed: expected an integer");
  await expect(notice).toContainText("<b>x</b>: unknown parameter ignored");
  // Text values are checked by the model's own parser, in the worker.
  await expect(notice).toContainText('init: expected uniform | zipf');
  expect(await notice.locator("script, img, b").count()).toBe(0);
  // All values fell back to the demo's defaults: the same numbers as the default figure.
  expect(await descriptions(page)).toEqual(staticText);
  // The address bar is rewritten to the run actually shown (here: the defaults, so no keys).
  await expect.poll(() => [...urlState(page).keys()].filter((k) => k.startsWith(`${ID}.`))).toEqual([]);
  expect(errors).toEqual([]);
});

test("a link whose values only fail together (the model's cross-parameter check) falls back to the defaults", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(PAGE);
  const staticText = await h.staticDescriptions(page, ID);
  // A two-weight list for K = 10 categories: each value is valid alone, the combination is not.
  await openLive(page, `${PAGE}${demoQuery(ID, { init: "list:1,2" })}`);
  await expect(page.locator(`${DEMO} .demo-notice`)).toContainText("using all defaults");
  expect(await descriptions(page)).toEqual(staticText);
  expect(errors).toEqual([]);
});

test("two demos on one page keep separate URL state", async ({ page }) => {
  const errors = watchErrors(page);
  await openLive(page, `${PAGE}?who-wins.n=100&unrelated=1`);
  await page.locator("#demo-who-wins").scrollIntoViewIfNeeded();
  await expect(page.locator("#demo-who-wins .demo-shell")).toHaveAttribute("data-live", "true", { timeout: 30_000 });
  await expect(page.locator("#demo-who-wins-n")).toHaveValue("100");
  await expect(page.locator(`#demo-${ID}-n`)).toHaveValue("50");
  await setParam(page, ID, "n", "7");
  await expect.poll(() => urlState(page).get(`${ID}.n`)).toBe("7");
  expect(urlState(page).get("who-wins.n")).toBe("100");
  expect(urlState(page).get("unrelated")).toBe("1");
  await expect(page.locator("#demo-who-wins-n")).toHaveValue("100");
  await h.waitDone(page, "who-wins");
  expect(errors).toEqual([]);
});

test("CSV, JSON, SVG and PNG downloads parse", async ({ page }) => {
  await openLive(page);
  const text = (name: string) => downloadFile(page, ID, name);
  const csv = await text("Download CSV");
  expect(csv.name).toBe("loop-seed7.csv");
  const lines = csv.body.toString("utf8").trimEnd().split("\n");
  expect(lines[0]).toBe("generation,replicate,metric,value");
  const json = JSON.parse((await text("Download JSON")).body.toString("utf8"));
  expect(json).toMatchObject({ demo: ID, model: "categorical", seed: 7, replicates: 300, params: { K: 10, n: 50, generations: T, init: "dirichlet:1" } });
  expect(json.trace).toBeUndefined(); // the bars view's trace is not part of the export
  expect(json.site.url).toContain(`${ID}.seed=7`);
  expect(json.command).toMatch(/^npm run sim -- categorical --K 10 --n 50 --generations 150 .* --seed 7 --replicates 300$/);
  // Rows: 7 summaries per generation and metric, every theory value, 5 kept paths per generation and metric.
  const metrics = Object.keys(json.metrics).length;
  const theory = Object.values(json.theory as Record<string, unknown[]>).reduce((s, t) => s + t.length, 0);
  expect(lines.length - 1).toBe((T + 1) * metrics * 7 + theory + 5 * (T + 1) * metrics);
  const meanT = lines.find((l) => l.startsWith(`${T},mean,entropy,`))!;
  expect(Number(meanT.split(",")[3])).toBe(json.metrics.entropy.mean[T]);
  const path = lines.find((l) => l.startsWith("37,4,giniSimpson,"))!;
  expect(Number(path.split(",")[3])).toBe(json.paths.giniSimpson[4][37]);

  const svg = (await text("SVG")).body.toString("utf8");
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).not.toContain("var(--");
  expect(await svgParses(page, svg)).toBe(true);
  expect(isPng((await text("PNG")).body)).toBe(true);
});

test("presets, pin & compare, cancel, citation and command line", async ({ page }) => {
  const errors = watchErrors(page);
  await openLive(page);
  await page.locator(DEMO).getByRole("button", { name: "Pin as A" }).click();
  await page.locator(DEMO).getByLabel("Preset").selectOption("small-n");
  await expect(page.locator(`#demo-${ID}-n`)).toHaveValue("10");
  await h.waitDone(page, ID);
  await expect(page.locator(`${DEMO} [data-view="giniSimpson"] .demo-legend`)).toContainText("Pinned A: default parameters, seed 7");
  await expect(page.locator(`${DEMO} [data-view="giniSimpson"] .demo-desc`)).toContainText("Pinned A: After 150 generations");
  await expect(page.locator(`${DEMO} .demo-help`).filter({ hasText: "Five times fewer samples" })).toBeVisible();

  await page.locator(`${DEMO} summary`, { hasText: "Cite this run" }).click();
  const bib = await page.locator(`${DEMO} .demo-details pre`).first().textContent();
  expect(bib).toMatch(/^@misc\{loop-seed7,/);
  expect(bib).toMatch(/title = \{[^}]*\(demo loop\)\}/);
  expect(bib).toContain("K = 10, n = 10, generations = 150");
  expect(bib).toMatch(/url = \{http[^}]*loop\.n=10[^}]*#demo-loop\}/);
  await page.locator(`${DEMO} summary`, { hasText: "Reproduce from the command line" }).click();
  await expect(page.locator(`${DEMO} .demo-details pre`).nth(1)).toHaveText(/^npm run sim -- categorical --K 10 --n 10 .* --seed 7 --replicates 300$/);

  // A long run can be cancelled; the previous chart stays.
  const shown = await descriptions(page);
  for (const [name, value] of [["K", "1000"], ["n", "100000"], ["generations", "5000"], ["replicates", "700"]] as const) await setParam(page, ID, name, value);
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-phase", "running");
  await page.locator(DEMO).getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator(`${DEMO} .demo-status`)).toContainText("Run cancelled");
  expect(await descriptions(page)).toEqual(shown);
  expect(errors).toEqual([]);
});

test("keyboard: slider keys change the value; reduced motion jumps to the final state", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openLive(page);
  await page.locator(DEMO).getByText("More parameters").click();
  const slider = page.locator(DEMO).getByRole("slider", { name: "Temperature τ slider" });
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`#demo-${ID}-temperature`)).toHaveValue("1.05");
  // Log-scale integer slider: each arrow press moves at least one step.
  await page.locator(DEMO).getByRole("slider", { name: "Samples per generation n slider (logarithmic)" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`#demo-${ID}-n`)).toHaveValue("52");
  await h.waitDone(page, ID);
  await page.locator(DEMO).getByRole("button", { name: "Reset" }).click();
  await expect(page.locator(`${DEMO} .demo-generation`)).toHaveText("Generation 0 of 150");
  await page.locator(DEMO).getByRole("button", { name: "Step" }).click();
  await expect(page.locator(`${DEMO} .demo-generation`)).toHaveText("Generation 1 of 150");
  await page.locator(DEMO).getByRole("button", { name: "Run", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(`${DEMO} .demo-generation`)).toHaveText("Generation 150 of 150");
  await expect(page.locator(`${DEMO} .demo-status`)).toContainText("Run finished");
});

test("axe: no serious or critical violations (live, pinned, details open)", async ({ page }) => {
  await openLive(page);
  await page.locator(DEMO).getByRole("button", { name: "Pin as A" }).click();
  for (const s of await page.locator(`${DEMO} summary`).all()) await s.click();
  expect(await axeViolations(page, { include: DEMO })).toEqual([]);
});

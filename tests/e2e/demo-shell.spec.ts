import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

// The demo shell on its test bench page (src/pages/lab/demo.astro).
const PAGE = "/lab/demo/";
const DEMO = "#demo-entropy";
const ID = "entropy";

/** Mean Gini–Simpson at the start and the theory value, read from the chart's text description. */
async function giniText(page: Page): Promise<{ start: number; theory: number; text: string }> {
  const text = (await page.locator(`${DEMO} .demo-desc`).nth(1).textContent()) ?? "";
  const theory = Number(/\(theory ([^)]+)\)/.exec(text)?.[1]);
  const start = Number(/from ([^ ]+) at the start/.exec(text)?.[1]);
  return { start, theory, text };
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

async function openLive(page: Page, url = PAGE) {
  await page.goto(url);
  await page.locator(DEMO).scrollIntoViewIfNeeded();
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-live", "true", { timeout: 20_000 });
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-phase", "done");
}

const descriptions = (page: Page) => page.locator(`${DEMO} .demo-desc`).allTextContents();
const urlState = (page: Page) => new URL(page.url()).searchParams;

test("the default figure and its description are there without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const figure = page.locator(`${DEMO} .demo-static .demo-plot svg`).first();
  await expect(figure).toBeVisible();
  await expect(figure).toHaveAttribute("aria-label", /^Entropy H\(p_t\): fan chart over 100 generations, 300 replicates, seed 7$/);
  expect(await page.locator(`${DEMO} .demo-static .demo-plot svg`).count()).toBe(2);
  // Mean line, two bands, theory, sample paths: real marks, not an empty frame.
  expect(await page.locator(`${DEMO} .demo-static .demo-plot svg path`).count()).toBeGreaterThan(10);
  await expect(page.locator(`${DEMO} .demo-static .demo-desc`).first()).toContainText(/^After 100 generations, mean entropy H\(p_t\) is [0-9.]+ bits \(theory [0-9.]+\)/);
  await expect(page.locator(`${DEMO} .demo-noscript`)).toContainText("seed 7");
  // The theory curve's equation is linked with its number from the site's label registry.
  const eq = page.locator(`${DEMO} .demo-caption a.xref`);
  await expect(eq).toHaveText(/^\(\d+\.\d+\)$/);
  await expect(eq).toHaveAttribute("href", /^\/chapters\/[a-z0-9-]+\/#eq:gini-decay$/);
  // Controls that cannot work without JavaScript are hidden.
  await expect(page.locator(`${DEMO} .demo-controls`)).toBeHidden();
  await expect(page.locator(`${DEMO} .demo-transport`)).toBeHidden();
  await context.close();
});

test("the live run reproduces the build-time figure's numbers, and changing a parameter changes the chart", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(PAGE);
  const staticText = await page.locator(`${DEMO} .demo-static .demo-desc`).allTextContents();
  await openLive(page);
  expect(await descriptions(page)).toEqual(staticText);
  const before = await page.locator(`#demo-${ID}-chart-entropy svg`).innerHTML();
  // Independent check of the figure: E[G_t] = (1 − 1/n)^t G_0 with n = 50, t = 100 (3-digit text).
  const g50 = await giniText(page);
  expect(Math.abs(g50.theory / (g50.start * 0.98 ** 100) - 1)).toBeLessThan(0.01);

  const n = page.locator(`#demo-${ID}-n`);
  await n.fill("5");
  await n.press("Enter");
  await expect(page.locator(`${DEMO} .demo-desc`).first()).not.toHaveText(staticText[0]!);
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-phase", "done");
  expect(await page.locator(`#demo-${ID}-chart-entropy svg`).innerHTML()).not.toBe(before);
  const g5 = await giniText(page);
  expect(g5.start).toBe(g50.start); // same p0 (initSeed), different n
  expect(Math.abs(g5.theory / (g5.start * 0.8 ** 100) - 1)).toBeLessThan(0.01);
  await expect.poll(() => urlState(page).get(`${ID}.n`)).toBe("5");

  // A typed value out of range is refused with a message; the run keeps the last valid value.
  await n.fill("0");
  await n.press("Enter");
  await expect(page.locator(`#demo-${ID}-n-error`)).toContainText("expected an integer in [1, 1000000000]");
  await expect(n).toHaveAttribute("aria-invalid", "true");
  expect(urlState(page).get(`${ID}.n`)).toBe("5");
  expect(errors).toEqual([]);
});

test("a link restores the same run, numbers included", async ({ page, context }) => {
  const errors = watchErrors(page);
  await openLive(page);
  await page.locator(`#demo-${ID}-seed`).fill("123");
  await page.locator(`#demo-${ID}-seed`).press("Enter");
  await page.locator(`#demo-${ID}-generations`).fill("40");
  await page.locator(`#demo-${ID}-generations`).press("Enter");
  await expect.poll(() => urlState(page).get(`${ID}.generations`)).toBe("40");
  await expect.poll(() => urlState(page).get(`${ID}.seed`)).toBe("123");
  await expect(page.locator(`${DEMO} .demo-desc`).first()).toContainText("After 40 generations");
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-phase", "done");
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
  ]);
  await page.goto(PAGE);
  const staticText = await page.locator(`${DEMO} .demo-static .demo-desc`).allTextContents();
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
  expect(await notice.locator("script, img, b").count()).toBe(0);
  // All values fell back to the demo's defaults: the same numbers as the default figure.
  expect(await descriptions(page)).toEqual(staticText);
  // The address bar is rewritten to the run actually shown (here: the defaults, so no keys).
  await expect.poll(() => [...urlState(page).keys()].filter((k) => k.startsWith(`${ID}.`))).toEqual([]);
  expect(errors).toEqual([]);
});

test("two demos on one page keep separate URL state", async ({ page }) => {
  const errors = watchErrors(page);
  await openLive(page, `${PAGE}?variance.n=10&unrelated=1`);
  await page.locator("#demo-variance").scrollIntoViewIfNeeded();
  await expect(page.locator("#demo-variance .demo-shell")).toHaveAttribute("data-live", "true", { timeout: 20_000 });
  await expect(page.locator("#demo-variance-n")).toHaveValue("10");
  // Gaussian MLE refits: E[σ²_t] = σ₀² ((n − 1)/n)^t, here (9/10)^50 with σ₀ = 1.
  await expect(page.locator("#demo-variance .demo-desc")).toContainText(`(theory ${Number((0.9 ** 50).toPrecision(3))})`);
  await expect(page.locator(`#demo-${ID}-n`)).toHaveValue("50");
  await page.locator(`#demo-${ID}-n`).fill("7");
  await page.locator(`#demo-${ID}-n`).press("Enter");
  await expect.poll(() => urlState(page).get(`${ID}.n`)).toBe("7");
  expect(urlState(page).get("variance.n")).toBe("10");
  expect(urlState(page).get("unrelated")).toBe("1");
  await expect(page.locator("#demo-variance-n")).toHaveValue("10");
  expect(errors).toEqual([]);
});

test("CSV, JSON, SVG and PNG downloads parse", async ({ page }) => {
  await openLive(page);
  const text = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(DEMO).getByRole("button", { name }).first().click()]);
    return { name: download.suggestedFilename(), body: await readFile((await download.path())!) };
  };
  const csv = await text("Download CSV");
  expect(csv.name).toBe("entropy-seed7.csv");
  const lines = csv.body.toString("utf8").trimEnd().split("\n");
  expect(lines[0]).toBe("generation,replicate,metric,value");
  const json = JSON.parse((await text("Download JSON")).body.toString("utf8"));
  expect(json).toMatchObject({ demo: ID, model: "categorical", seed: 7, replicates: 300, params: { K: 10, n: 50, generations: 100 } });
  expect(json.site.url).toContain(`${ID}.seed=7`);
  expect(json.command).toMatch(/^npm run sim -- categorical --K 10 --n 50 --generations 100 .* --seed 7 --replicates 300$/);
  // Rows: 7 summaries per generation and metric, every theory value, 5 kept paths per generation and metric.
  const metrics = Object.keys(json.metrics).length;
  const theory = Object.values(json.theory as Record<string, unknown[]>).reduce((s, t) => s + t.length, 0);
  expect(lines.length - 1).toBe(101 * metrics * 7 + theory + 5 * 101 * metrics);
  const mean100 = lines.find((l) => l.startsWith("100,mean,entropy,"))!;
  expect(Number(mean100.split(",")[3])).toBe(json.metrics.entropy.mean[100]);
  const path = lines.find((l) => l.startsWith("37,4,giniSimpson,"))!;
  expect(Number(path.split(",")[3])).toBe(json.paths.giniSimpson[4][37]);

  const svg = (await text("SVG")).body.toString("utf8");
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).not.toContain("var(--");
  const parsed = await page.evaluate((s) => new DOMParser().parseFromString(s, "image/svg+xml").querySelector("parsererror") === null, svg);
  expect(parsed).toBe(true);
  const png = (await text("PNG")).body;
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test("presets, pin & compare, cancel, citation and command line", async ({ page }) => {
  const errors = watchErrors(page);
  await openLive(page);
  await page.locator(DEMO).getByRole("button", { name: "Pin as A" }).click();
  await page.locator(DEMO).getByLabel("Preset").selectOption("small-n");
  await expect(page.locator(`#demo-${ID}-n`)).toHaveValue("10");
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-phase", "done");
  await expect(page.locator(`${DEMO} .demo-legend`).first()).toContainText("Pinned A: default parameters, seed 7");
  await expect(page.locator(`${DEMO} .demo-desc`).first()).toContainText("Pinned A: After 100 generations");
  await expect(page.locator(`${DEMO} .demo-help`).filter({ hasText: "Diversity collapses" })).toBeVisible();

  await page.locator(`${DEMO} summary`, { hasText: "Cite this run" }).click();
  const bib = await page.locator(`${DEMO} .demo-details pre`).first().textContent();
  expect(bib).toMatch(/^@misc\{entropy-seed7,/);
  expect(bib).toContain("title = {Self-consuming loops: demo test bench: Entropy under resampling (demo entropy)}");
  expect(bib).toContain("K = 10, n = 10, generations = 100");
  expect(bib).toMatch(/url = \{http[^}]*entropy\.n=10[^}]*#demo-entropy\}/);
  await page.locator(`${DEMO} summary`, { hasText: "Reproduce from the command line" }).click();
  await expect(page.locator(`${DEMO} .demo-details pre`).nth(1)).toHaveText(/^npm run sim -- categorical --K 10 --n 10 .* --seed 7 --replicates 300$/);

  // A long run can be cancelled; the previous chart stays.
  const shown = await descriptions(page);
  for (const [name, value] of [["K", "1000"], ["n", "100000"], ["generations", "5000"], ["replicates", "700"]] as const) {
    await page.locator(`#demo-${ID}-${name}`).fill(value);
    await page.locator(`#demo-${ID}-${name}`).press("Enter");
  }
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
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-phase", "done");
  await expect(page.locator(`${DEMO} .demo-shell`)).toHaveAttribute("data-phase", "done");
  await page.locator(DEMO).getByRole("button", { name: "Reset" }).click();
  await expect(page.locator(`${DEMO} .demo-generation`)).toHaveText("Generation 0 of 100");
  await page.locator(DEMO).getByRole("button", { name: "Step" }).click();
  await expect(page.locator(`${DEMO} .demo-generation`)).toHaveText("Generation 1 of 100");
  await page.locator(DEMO).getByRole("button", { name: "Run", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(`${DEMO} .demo-generation`)).toHaveText("Generation 100 of 100");
  await expect(page.locator(`${DEMO} .demo-status`)).toContainText("Run finished");
});

test("axe: no serious or critical violations (live, pinned, details open)", async ({ page }) => {
  await openLive(page);
  await page.locator(DEMO).getByRole("button", { name: "Pin as A" }).click();
  for (const s of await page.locator(`${DEMO} summary`).all()) await s.click();
  const scan = await new AxeBuilder({ page }).analyze();
  const bad = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

// Measurements: printed, not asserted against a time budget (machine-dependent).
test("measure: viewport → first chart, longest main-thread task during a run, gzipped JS", async ({ page }) => {
  test.setTimeout(180_000);
  const js = new Map<string, number>();
  page.on("response", async (r) => {
    if (!/\.(m?js)(\?|$)/.test(r.url()) || r.status() !== 200) return;
    js.set(r.url(), gzipSync(await r.body().catch(() => Buffer.alloc(0))).length);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: number[]; __visibleAt: number };
    w.__tasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: "longtask", buffered: true });
    document.addEventListener("DOMContentLoaded", () => {
      const el = document.querySelector("#demo-entropy");
      if (!el) return;
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { w.__visibleAt = performance.now(); io.disconnect(); }
      });
      io.observe(el);
    });
  });
  await page.goto(PAGE);
  await page.waitForLoadState("networkidle");
  await openLive(page);
  const [firstChart, hydrated] = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const visible = (window as unknown as { __visibleAt: number }).__visibleAt;
    return [at("demo-entropy:first-chart") - visible, at("demo-entropy:hydrated") - visible];
  });
  // A heavy run: 5000 replicates, K = 100 categories, 200 generations.
  await page.evaluate(() => { (window as unknown as { __tasks: number[] }).__tasks.length = 0; });
  // Long tasks are wall-clock, inflated when the machine is busy; the trace also gives each task's
  // CPU time on the renderer main thread (tdur), which is what the page itself costs.
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  for (const [name, value] of [["K", "100"], ["n", "1000"], ["generations", "200"], ["replicates", "5000"]] as const) {
    await page.locator(`#demo-${ID}-${name}`).fill(value);
    await page.locator(`#demo-${ID}-${name}`).press("Enter");
  }
  await expect(page.locator(`${DEMO} .demo-desc`).first()).toContainText("90% of 5000 replicates", { timeout: 120_000 });
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] };
  const main = trace.traceEvents.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const cpu = trace.traceEvents
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.name === "RunTask" && e.tdur !== undefined)
    .map((e) => e.tdur! / 1000);
  const worker = [...js].filter(([u]) => /worker/.test(u)).reduce((s, [, b]) => s + b, 0);
  const pageJs = [...js].filter(([u]) => !/worker/.test(u)).reduce((s, [, b]) => s + b, 0);
  console.log(`[measure] viewport → first live chart: ${firstChart.toFixed(0)} ms (island mounted after ${hydrated.toFixed(0)} ms; load average ${(await import("node:os")).loadavg()[0]!.toFixed(1)} on ${(await import("node:os")).cpus().length} cores)`);
  console.log(`[measure] longest main-thread task during a 5000-replicate run: ${tasks.length ? `${Math.max(...tasks).toFixed(0)} ms (${tasks.length} long tasks ≥ 50 ms)` : "none ≥ 50 ms"}`);
  console.log(`[measure] longest main-thread task by CPU time (trace): ${cpu.length ? Math.max(...cpu).toFixed(0) : "?"} ms over ${cpu.length} tasks`);
  console.log(`[measure] gzipped JS: page ${(pageJs / 1024).toFixed(1)} kB, worker ${(worker / 1024).toFixed(1)} kB (${js.size} files)`);
  expect(Number.isFinite(firstChart)).toBe(true);
  expect(js.size).toBeGreaterThan(0);
});

import { expect, test, type Page } from "@playwright/test";
import * as h from "./helpers";
import { axeViolations, downloadFile, isPng, openWithoutJs, setParam, svgParses, urlState, watchErrors } from "./helpers";

// The six demos of chapters 3 (entropy decay) and 4 (variance amplification), each checked for:
// the build-time figure without JavaScript, a parameter change, a URL round trip, a hostile URL,
// exports, axe, and the default theory against the simulated band.

interface Case {
  page: string;
  id: string;
  model: string;
  /** Charts the demo draws (one svg each). */
  charts: number;
  /** A control and a new value that must change the chart. */
  change: [string, string];
  /** URL keys with hostile values and the notice text each must produce. */
  hostile: [string, string, string][];
  /** Metrics whose theory is checked (the ones the demo draws). */
  shown: string[];
  /** Theory check: "band" (fan metrics: q05 ≤ theory ≤ q95) or "se" (experiment: |mean − theory| ≤ 3 SE). */
  check: "band" | "se";
}

const CH3 = "/chapters/entropy-decay/";
const CH4 = "/chapters/variance-amplification/";
const CASES: Case[] = [
  { page: CH3, id: "loop", model: "categorical", charts: 4, change: ["n", "10"], check: "band", shown: ["giniSimpson", "entropy", "support"],
    hostile: [["n", "<script>alert(1)</script>", "n: expected an integer"], ["init", "<img src=x onerror=alert(2)>", "init: expected"]] },
  { page: CH3, id: "who-wins", model: "winner", charts: 1, change: ["n", "100"], check: "se", shown: ["wins"],
    hostile: [["K", "NaN", "K: expected an integer in [2, 50]"], ["init", "zipf:<b>1</b>", "init: expected"]] },
  { page: CH3, id: "collapse-time", model: "collapse-time", charts: 1, change: ["p", "0.3"], check: "se", shown: ["time"],
    hostile: [["nList", "10,5000", "nList: expected"], ["p", "1e99", "p: expected"]] },
  { page: CH3, id: "tails", model: "tail-cut", charts: 2, change: ["beta", "1.5"], check: "se", shown: ["missingReal", "missingCut"],
    hostile: [["cut", "-1", "cut: expected"], ["TList", "<svg onload=alert(3)>", "TList: expected"]] },
  { page: CH4, id: "truth-walk", model: "bounded", charts: 3, change: ["n", "5"], check: "band", shown: ["mean", "variance"],
    hostile: [["n", "0", "n: expected an integer"], ["weights", "1,2", "weights"]] },
  { page: CH4, id: "gaussian-refit", model: "gaussian", charts: 4, change: ["n", "20"], check: "band", shown: ["logSigma2", "mu"],
    hostile: [["n", "<script>x</script>", "n: expected an integer"], ["estimator", "\"><img src=x>", "estimator: expected one of"]] },
];

// Pages with several demos on a loaded machine: runs and axe scans take a while.
test.describe.configure({ timeout: 120_000 });

const openLive = (page: Page, c: Case, url = c.page) => h.openLive(page, c.id, url, 30_000);
const descriptions = (page: Page, c: Case) => h.descriptions(page, c.id);
const download = (page: Page, c: Case, name: string) => downloadFile(page, c.id, name);

for (const c of CASES) {
  test.describe(`demo ${c.id} (${c.page})`, () => {
    test("the build-time figure and its description exist without JavaScript", async ({ browser }) => {
      const page = await openWithoutJs(browser, c.page);
      const svgs = page.locator(`#demo-${c.id} .demo-static .demo-plot svg`);
      await expect(svgs.first()).toBeVisible();
      expect(await svgs.count()).toBe(c.charts);
      for (const svg of await svgs.all()) {
        await expect(svg).toHaveAttribute("aria-label", /seed|generation/);
        // Real marks: paths, rects or circles, not an empty frame.
        expect(await svg.locator("path, rect, circle, line").count()).toBeGreaterThan(5);
      }
      expect((await page.locator(`#demo-${c.id} .demo-static .demo-desc`).allTextContents()).every((t) => t.length > 20)).toBe(true);
      await expect(page.locator(`#demo-${c.id} .demo-caption a.xref`)).toHaveText(/^\(\d+\.\d+\)$/);
      await expect(page.locator(`#demo-${c.id} .demo-controls`)).toBeHidden();
      await page.context().close();
    });

    test("live: same numbers as the build-time figure; changing a parameter changes the chart", async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(c.page);
      const staticText = await page.locator(`#demo-${c.id} .demo-static .demo-desc`).allTextContents();
      await openLive(page, c);
      expect(await descriptions(page, c)).toEqual(staticText);
      // All charts together: a fixed run's final bar chart can legitimately look the same after a change.
      const charts = () => page.locator(`#demo-${c.id} .demo-plot svg`).evaluateAll((svgs) => svgs.map((s) => s.innerHTML).join(""));
      const before = await charts();
      const [name, value] = c.change;
      await setParam(page, c.id, name, value);
      await expect.poll(() => urlState(page).get(`${c.id}.${name}`)).toBe(value);
      await expect(page.locator(`#demo-${c.id} .demo-shell`)).toHaveAttribute("data-phase", "done", { timeout: 30_000 });
      await expect.poll(() => descriptions(page, c)).not.toEqual(staticText);
      expect(await charts()).not.toBe(before);
      expect(errors).toEqual([]);
    });

    test("a link restores the same run, numbers included", async ({ page, context }) => {
      const errors = watchErrors(page);
      await openLive(page, c);
      await setParam(page, c.id, "seed", "4242");
      await expect.poll(() => urlState(page).get(`${c.id}.seed`)).toBe("4242");
      await expect(page.locator(`#demo-${c.id} .demo-shell`)).toHaveAttribute("data-phase", "done", { timeout: 30_000 });
      await expect(page.locator(`#demo-${c.id} .demo-status`)).toContainText("seed 4242");
      const numbers = await descriptions(page, c);
      const other = await context.newPage();
      const otherErrors = watchErrors(other);
      await openLive(other, c, page.url());
      await expect(other.locator(`#demo-${c.id}-seed`)).toHaveValue("4242");
      expect(await descriptions(other, c)).toEqual(numbers);
      expect([...errors, ...otherErrors]).toEqual([]);
    });

    test("a hostile link shows a plain-text notice and a valid run, with no console error", async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(c.page);
      const staticText = await page.locator(`#demo-${c.id} .demo-static .demo-desc`).allTextContents();
      const q = new URLSearchParams([...c.hostile.map(([k, v]) => [`${c.id}.${k}`, v] as [string, string]), [`${c.id}.seed`, "<i>1</i>"]]);
      await openLive(page, c, `${c.page}?${q}`);
      const notice = page.locator(`#demo-${c.id} .demo-notice`);
      await expect(notice).toBeVisible();
      for (const [, , text] of c.hostile) await expect(notice).toContainText(text);
      await expect(notice).toContainText("seed: expected an integer");
      expect(await page.locator(`#demo-${c.id} .demo-notice`).locator("script, img, b, i, svg").count()).toBe(0);
      expect(await descriptions(page, c)).toEqual(staticText);
      expect(errors).toEqual([]);
    });

    test("exports parse, and the default theory lies inside the simulated band", async ({ page }) => {
      await openLive(page, c);
      const csv = await download(page, c, "Download CSV");
      expect(csv.name).toMatch(new RegExp(`^${c.id}-seed\\d+\\.csv$`));
      const lines = csv.body.toString("utf8").trimEnd().split("\n");
      expect(lines[0]).toBe("generation,replicate,metric,value");
      expect(lines.length).toBeGreaterThan(10);
      for (const l of lines.slice(1, 200)) expect(l.split(",")).toHaveLength(4);
      const json = JSON.parse((await download(page, c, "Download JSON")).body.toString("utf8"));
      expect(json).toMatchObject({ demo: c.id, model: c.model });
      const svg = (await download(page, c, "SVG")).body.toString("utf8");
      expect(await svgParses(page, svg)).toBe(true);
      expect(isPng((await download(page, c, "PNG")).body)).toBe(true);

      const checked: string[] = [];
      for (const [metric, theory] of Object.entries(json.theory as Record<string, number[]>)) {
        const s = json.metrics[metric];
        if (!s || !c.shown.includes(metric)) continue; // extra series ("time:approx") and metrics not drawn
        checked.push(metric);
        theory.forEach((y, g) => {
          if (!Number.isFinite(y)) return;
          if (c.check === "band") {
            // The 5–95% band of replicates; where it collapses to a point (absorbed runs), the mean ± 3 SE.
            const lo = Math.min(s.q05[g], s.mean[g] - 3 * s.se[g]), hi = Math.max(s.q95[g], s.mean[g] + 3 * s.se[g]);
            expect(y, `${metric}[${g}]`).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(y, `${metric}[${g}]`).toBeLessThanOrEqual(hi + 1e-9);
          } else {
            expect(Math.abs(s.mean[g] - y), `${metric}[${g}]`).toBeLessThanOrEqual(3 * s.se[g] + 1e-9);
          }
        });
      }
      expect(checked.sort()).toEqual([...c.shown].sort());
    });

    test("axe: no serious or critical violations (live, details open)", async ({ page }) => {
      await openLive(page, c);
      for (const s of await page.locator(`#demo-${c.id} summary`).all()) await s.click();
      expect(await axeViolations(page, { include: `#demo-${c.id}` })).toEqual([]);
    });
  });
}

test("the bar chart of p_t steps through generations", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const c = CASES[0]!;
  await openLive(page, c);
  const demo = page.locator("#demo-loop");
  await demo.getByRole("button", { name: "Reset" }).click();
  await expect(demo.locator(".demo-generation")).toHaveText("Generation 0 of 150");
  await expect(demo.locator('[data-view="bars"] .demo-desc')).toContainText("Generation 0 of sample run 1: 10 of 10 categories left");
  for (let i = 0; i < 3; i++) await demo.getByRole("button", { name: "Step" }).click();
  await expect(demo.locator('[data-view="bars"] .demo-desc')).toContainText("Generation 3 of sample run 1");
  expect(await demo.locator('[data-view="bars"] svg rect').count()).toBeGreaterThanOrEqual(10);
});

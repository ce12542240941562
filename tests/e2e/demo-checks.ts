import { expect, test, type Locator, type Page } from "@playwright/test";
import { axeViolations, demoRoot, descriptions, downloadFile, openLive, setParam, staticDescriptions, urlState, watchErrors, type DemoJson } from "./helpers";

// The per-demo checks every ensemble-demo chapter spec makes (chapters 5–8): a live run that matches the
// build-time figure, exports that parse with the default theory inside the simulated band, a parameter
// change that redraws and a link that restores it, a hostile link, and (optionally) axe. A spec lists
// its demos in a table and calls `demoChecks(table, timeouts)`; test titles start with "<chapter> <id>:".

export interface DemoCheck {
  /** Names the chapter in test titles, e.g. "ch. 6". */
  chapter: string;
  /** The chapter page's path. */
  page: string;
  id: string;
  /** The `model` field of the JSON export. */
  model: string;
  /** The equation the caption links to (`#<label>`). */
  equation: string;
  /** Charts the build-time figure draws. */
  charts: number;
  /** A control to change and the value to type into (or choose in) it. */
  change: [param: string, value: string];
  /** A numeric parameter to attack from the URL, with its allowed-range message. */
  hostile: [param: string, message: string];
  /** Theory curves that must lie in the simulated band (or within 4 SE of the mean): a metric with a theory of the
   * same name, or [metric, theory key]. */
  theory: (string | [metric: string, key: string])[];
  /** Indicator metrics (0/1 per replicate): their band can miss a small probability, so 4 binomial SE also pass. */
  indicators?: string[];
  /** The first chart alone must redraw after the change (stricter than "some chart changed", the default). */
  firstChartRedraws?: boolean;
  /** Extra checks of the default run's JSON export. */
  checkJson?: (json: DemoJson) => void;
}

/** How long the first live run may take to flip data-live, and any run to reach data-phase="done". */
export interface DemoTimeouts {
  live: number;
  run: number;
}

const live = (page: Page, d: DemoCheck, t: DemoTimeouts, url = d.page) => openLive(page, d.id, url, t.run, t.live);
const text = async (page: Page, d: DemoCheck, name: string) => (await downloadFile(page, d.id, name)).body.toString("utf8");

/** The build-time figure without JavaScript: chart count, visible, caption with seed and equation link, no controls. */
export async function expectStaticFigure(page: Page, d: DemoCheck): Promise<Locator> {
  const root = demoRoot(page, d.id);
  const figures = root.locator(".demo-static .demo-plot svg");
  expect(await figures.count(), d.id).toBe(d.charts);
  await expect(figures.first()).toBeVisible();
  await expect(root.locator(".demo-caption")).toContainText("seed");
  await expect(root.locator(".demo-caption a.xref")).toHaveAttribute("href", new RegExp(`#${d.equation}$`));
  await expect(root.locator(".demo-controls")).toBeHidden();
  return root;
}

/** JSON and CSV exports of the current run parse and agree; each listed theory curve lies in the band. */
async function expectExports(page: Page, d: DemoCheck): Promise<DemoJson> {
  const json = JSON.parse(await text(page, d, "Download JSON")) as DemoJson;
  expect(json).toMatchObject({ demo: d.id, model: d.model });
  const csv = (await text(page, d, "Download CSV")).trimEnd().split("\n");
  expect(csv[0]).toBe("generation,replicate,metric,value");
  let checked = 0;
  for (const entry of d.theory) {
    const [metric, key] = typeof entry === "string" ? [entry, entry] : entry;
    const s = json.metrics[metric]!;
    const theory = json.theory[key]!;
    expect(theory, `${d.id}: theory ${key}`).toBeDefined();
    const mean = s.mean!, se = s.se!, lo = s.q05!, hi = s.q95!;
    const span = Math.max(...hi) - Math.min(...lo) || 1;
    const indicator = d.indicators?.includes(metric) ?? false;
    theory.forEach((th, g) => {
      const inBand = th >= lo[g]! - 1e-3 * span && th <= hi[g]! + 1e-3 * span;
      const binomialSe = indicator ? Math.sqrt(Math.max(th * (1 - th), 0) / json.replicates) : 0;
      const nearMean = Math.abs(th - mean[g]!) <= 4 * Math.max(se[g]!, binomialSe) + 1e-9;
      expect(inBand || nearMean, `${d.id} ${metric} at index ${g}: theory ${th}, band [${lo[g]}, ${hi[g]}]`).toBe(true);
      checked++;
    });
    const lastX = json.generations.length - 1;
    const row = csv.find((l) => l.startsWith(`${json.generations[lastX]},mean,${metric},`));
    expect(Number(row!.split(",")[3]), `${d.id} CSV mean`).toBeCloseTo(mean[lastX]!, 12);
  }
  expect(checked, `${d.id}: one theory value per generation`).toBe(d.theory.length * json.generations.length);
  return json;
}

/** Declares the live/exports/URL test and the hostile-link test of each demo (and an axe test with `axe: true`). */
export function demoChecks(demos: DemoCheck[], t: DemoTimeouts, options: { axe?: boolean } = {}): void {
  for (const d of demos) {
    test(`${d.chapter} ${d.id}: live run matches the build, a parameter change redraws, the link restores it, exports parse, theory lies in the band`, async ({ page, context }) => {
      const errors = watchErrors(page);
      await page.goto(d.page);
      const staticText = await staticDescriptions(page, d.id);
      await live(page, d, t);
      expect(await descriptions(page, d.id)).toEqual(staticText);
      // (Not `d.checkJson?.(await …)`: optional chaining would skip the export checks when there is no checkJson.)
      const json = await expectExports(page, d);
      d.checkJson?.(json);

      // Changing a parameter changes the numbers and the chart(s).
      const charts = demoRoot(page, d.id).locator(".demo-plot svg");
      const drawn = () => (d.firstChartRedraws ? charts.first().innerHTML() : charts.evaluateAll((els) => els.map((e) => e.innerHTML).join("|")));
      const before = await drawn();
      const [param, value] = d.change;
      await setParam(page, d.id, param, value);
      await expect.poll(() => urlState(page).get(`${d.id}.${param}`)).toBe(value);
      await expect(demoRoot(page, d.id).locator(".demo-desc").first()).not.toHaveText(staticText[0]!, { timeout: t.run });
      await expect(demoRoot(page, d.id).locator(".demo-shell")).toHaveAttribute("data-phase", "done", { timeout: t.run });
      expect(await drawn()).not.toBe(before);
      const changed = await descriptions(page, d.id);

      // The address bar now encodes the run: opening it elsewhere gives the same numbers.
      const other = await context.newPage();
      const otherErrors = watchErrors(other);
      await live(other, d, t, page.url());
      await expect(other.locator(`#demo-${d.id}-${param}`)).toHaveValue(value);
      expect(await descriptions(other, d.id)).toEqual(changed);
      expect([...errors, ...otherErrors]).toEqual([]);
    });

    test(`${d.chapter} ${d.id}: a hostile link shows a plain-text notice and a valid run, with no console error`, async ({ page }) => {
      const errors = watchErrors(page);
      const [param, message] = d.hostile;
      const hostile = new URLSearchParams([
        [`${d.id}.${param}`, "<script>alert(1)</script>"],
        [`${d.id}.seed`, "1e999"],
        [`${d.id}.replicates`, "<img src=x onerror=alert(2)>"],
        [`${d.id}.<b>x</b>`, "1"],
      ]);
      await page.goto(d.page);
      const staticText = await staticDescriptions(page, d.id);
      await live(page, d, t, `${d.page}?${hostile}`);
      const notice = demoRoot(page, d.id).locator(".demo-notice");
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(message);
      await expect(notice).toContainText("replicates: expected an integer");
      await expect(notice).toContainText("<b>x</b>: unknown parameter ignored");
      expect(await notice.locator("script, img, b").count()).toBe(0);
      // Every bad value fell back to the default: the same numbers as the build-time figure.
      expect(await descriptions(page, d.id)).toEqual(staticText);
      expect(errors).toEqual([]);
    });

    if (options.axe) {
      test(`${d.chapter} ${d.id}: axe finds no serious or critical violations (live, details open)`, async ({ page }) => {
        await live(page, d, t);
        for (const s of await demoRoot(page, d.id).locator("summary").all()) await s.click();
        expect(await axeViolations(page, { include: `#demo-${d.id}` })).toEqual([]);
      });
    }
  }
}

import { expect, test, type Page } from "@playwright/test";
import { axeViolations, downloadFile, openWithoutJs, urlState, watchErrors } from "./helpers";

// Chapter 9 (coding theorem): the machine explorer and "Compute D(n) yourself".
const CH9 = "/chapters/coding-theorem/";
const EX = "#demo-machine-explorer";
const DN = "#demo-compute-dn";

test.describe.configure({ timeout: 180_000 });

async function live(page: Page, sel: string, url = CH9) {
  await page.goto(url);
  const demo = page.locator(sel);
  await demo.scrollIntoViewIfNeeded();
  await expect(demo.locator("[data-live]").first()).toHaveAttribute("data-live", "true", { timeout: 30_000 });
  return demo;
}

/** A download from the tool section `sel` ("#demo-…"). */
const download = (page: Page, sel: string, name: RegExp | string) => downloadFile(page, page.locator(sel), name);

test("without JavaScript: the default machine's table and diagrams, and the D(4) figure and table", async ({ browser }) => {
  const page = await openWithoutJs(browser, CH9);
  await expect(page.locator(`${EX} table.ctm-table caption`)).toContainText("machine 9715");
  await expect(page.locator(`${EX} svg.spacetime`)).toHaveCount(2);
  await expect(page.locator(`${EX} [data-run-summary="0"]`)).toContainText("halts after 6 steps; output 1111");
  await expect(page.locator(`${DN} [data-static-d4] svg`)).toHaveCount(1);
  await expect(page.locator(`${DN} [data-static-d4]`)).toContainText("5,970,768,960 halting pairs");
  await expect(page.locator(`${DN} [data-static-d4-table] tbody tr`)).toHaveCount(12);
  await expect(page.locator(`${EX} .demo-controls`)).toBeHidden();
  await expect(page.locator(`${EX} .demo-export`)).toBeHidden();
  await page.context().close();
});

test("explorer: typing a number changes the diagram, the URL round-trips, exports parse", async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await live(page, EX);
  const before = await demo.locator("svg.spacetime").first().innerHTML();
  const input = demo.getByLabel(/Machine number/);
  await input.fill("1234");
  await expect(demo.locator("table.ctm-table caption")).toContainText("machine 1234");
  expect(await demo.locator("svg.spacetime").first().innerHTML()).not.toBe(before);
  await expect.poll(() => urlState(page).get("machine-explorer.machine")).toBe("1234");
  // A bad number is refused with a message, and the machine stays.
  await input.fill("99999999");
  await expect(demo.locator(".ctm-error")).toContainText("too large");
  await expect(demo.locator("table.ctm-table caption")).toContainText("machine 1234");
  // Round trip: a four-state machine with a BigInt-sized number.
  const url = `${CH9}?machine-explorer.states=4&machine-explorer.machine=11019960575`;
  const again = await live(page, EX, url);
  await expect(again.locator("table.ctm-table caption")).toContainText("machine 11019960575 (4 states)");
  await expect(again.locator("table.ctm-table tbody tr")).toHaveCount(8);
  const json = await download(page, EX, "JSON");
  const data = JSON.parse(json.body.toString("utf8")) as { url: string; result: { states: number; machine: string; runs: unknown[] } };
  expect(data.result).toMatchObject({ states: 4, machine: "11019960575" });
  expect(data.result.runs).toHaveLength(2);
  expect(data.url).toContain("machine-explorer.machine=11019960575");
  const csv = (await download(page, EX, "CSV")).body.toString("utf8").trim().split("\n");
  expect(csv[0]).toBe("states,machine,blank,halted,steps,output");
  expect(csv).toHaveLength(3);
  const svg = await download(page, EX, /^SVG: blank 0/);
  expect(svg.body.toString("utf8")).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // Random machine: changes the number and the seed in the URL.
  await again.getByRole("button", { name: "Random machine" }).click();
  await expect.poll(() => urlState(page).get("machine-explorer.seed")).toBe("2");
  expect(errors).toEqual([]);
});

test("explorer: a hostile URL gives a plain-text notice and no console error", async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await live(page, EX, `${CH9}?machine-explorer.states=%3Cscript%3Ealert(1)%3C/script%3E&machine-explorer.machine=%3Cimg%20src=x%20onerror=alert(2)%3E&machine-explorer.seed=1e99`);
  const notice = demo.locator(".demo-notice");
  await expect(notice).toContainText("states");
  await expect(notice).toContainText("machine");
  expect(await notice.locator("img, script").count()).toBe(0);
  await expect(demo.locator("table.ctm-table caption")).toContainText("machine 9715");
  // Out of range for the number of states.
  const d2 = await live(page, EX, `${CH9}?machine-explorer.states=1&machine-explorer.machine=9715`);
  await expect(d2.locator(".demo-notice")).toContainText("machine");
  expect(errors).toEqual([]);
});

test("D(n): computing D(3) in the browser gives the exact reference totals; cancel works; exports parse", async ({ page }) => {
  const errors = watchErrors(page);
  const demo = await live(page, DN);
  await demo.getByLabel(/States n/).selectOption("3");
  await demo.getByRole("button", { name: "Compute D(3)" }).click();
  const result = demo.locator('[data-dn-result="3"]');
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result.locator("[data-reference]")).toHaveAttribute("data-reference", "match");
  await expect(result).toContainText("matches the reference");
  await expect(result.locator('[data-total="machines"]')).toHaveText("7,529,536");
  await expect(result.locator('[data-total="halting"]')).toHaveText("4,294,368");
  await expect(result.locator('[data-total="distinct"]')).toHaveText("128");
  await expect(result.locator(".ctm-chart svg")).toHaveCount(1);
  await expect(result.locator("table.ctm-top tbody tr").first()).toContainText("0");
  // The D(5) column arrives from the lazily loaded table.
  await expect(result.locator("table.ctm-top tbody tr").first().locator("td").last()).toHaveText("2.514");
  const json = JSON.parse((await download(page, DN, "JSON")).body.toString("utf8")) as { result: { halting: string; distinct: number; matchesReference: boolean } };
  expect(json.result).toMatchObject({ halting: "4294368", distinct: 128, matchesReference: true });
  const svg = await download(page, DN, /^SVG/);
  expect(svg.body.toString("utf8")).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
  const csv = (await download(page, DN, "CSV")).body.toString("utf8").trim().split("\n");
  expect(csv).toHaveLength(129);
  expect(urlState(page).get("compute-dn.states")).toBeNull(); // 3 is the default: no key
  // Cancel a D(4) run.
  await demo.getByLabel(/States n/).selectOption("4");
  await expect.poll(() => urlState(page).get("compute-dn.states")).toBe("4");
  await demo.getByRole("button", { name: "Compute D(4)" }).click();
  await demo.getByRole("button", { name: "Cancel" }).click();
  await expect(demo.getByRole("button", { name: "Compute D(4)" })).toBeEnabled();
  await expect(demo.locator('[data-dn-result="4"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("chapter 9 is axe-clean with both tools live", async ({ page }) => {
  await live(page, EX);
  await live(page, DN, page.url());
  expect(await axeViolations(page, { include: [EX, DN], all: true })).toEqual([]);
});

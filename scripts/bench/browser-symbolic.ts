/**
 * Measures chapter 11's default symbolic search inside a browser worker (not a timed test):
 *   npx astro preview --port 4405 &   # a built site
 *   npx tsx scripts/bench/browser-symbolic.ts http://127.0.0.1:4405 [runs]
 * Opens the chapter in Chromium, waits for the search of demo (a) to finish and reports the worker's own
 * time for the search (data-worker-ms, performance.now() inside the worker, first call = skeleton
 * enumeration included), the wall time from page load to the result, and the main thread's long tasks
 * (> 50 ms) during the search, as a measure of responsiveness. Then it changes the seed and measures a
 * second search in the same worker (cached skeletons).
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:4321";
const runs = Number(process.argv[3] ?? 3);
const browser = await chromium.launch(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] } : {});
const rows: string[] = [];
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __long: number[] }).__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as unknown as { __long: number[] }).__long.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  const t0 = Date.now();
  await page.goto(`${base}/chapters/mechanisms/#demo-symbolic`);
  const demo = page.locator("#demo-symbolic .symbolic-demo");
  await demo.scrollIntoViewIfNeeded();
  await page.waitForSelector("#demo-symbolic .symbolic-demo[data-phase=done]", { timeout: 120_000 });
  const wall = Date.now() - t0;
  const first = await demo.getAttribute("data-worker-ms");
  const longBefore = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.slice());
  await page.evaluate(() => ((window as unknown as { __long: number[] }).__long.length = 0));
  await page.locator("#symbolic-seed").fill(String(100 + i));
  await page.locator("#symbolic-seed").press("Enter");
  await page.waitForFunction((m) => document.querySelector("#demo-symbolic .symbolic-demo")?.getAttribute("data-worker-ms") !== m && document.querySelector("#demo-symbolic .symbolic-demo")?.getAttribute("data-phase") === "done", first, { timeout: 120_000 });
  const second = await demo.getAttribute("data-worker-ms");
  const longDuring = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.slice());
  const max = (a: number[]) => (a.length ? Math.max(...a).toFixed(0) : "0");
  rows.push(`run ${i + 1}: worker search ${first} ms (first, enumeration included), ${second} ms (second, same worker); page load → result ${wall} ms; main-thread long tasks: ${longBefore.length} during load + first search (max ${max(longBefore)} ms), ${longDuring.length} during the second search (max ${max(longDuring)} ms)`);
  await page.close();
}
await browser.close();
console.log(rows.join("\n"));

/**
 * D(n) in Chromium with the chapter's worker pool (a measurement, not a test):
 *   npx tsx scripts/bench/ctm-browser.ts [--url http://127.0.0.1:4321] [--states 4] [--workers 2] [--repeat 1]
 * Needs a served build (`npm run build && npx astro preview --port 4321`). Opens chapter 9, runs
 * "Compute D(n) yourself" and prints the in-page time (worker start-up included), machines/s and whether the
 * result matched the exact reference, as one JSON line.
 */
import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const base = arg("url", `http://127.0.0.1:${process.env.E2E_PORT ?? 4321}`);
const states = Number(arg("states", "4")), workers = Number(arg("workers", "2")), repeat = Number(arg("repeat", "1"));
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const runs: number[] = [];
let matched = true, machines = 0;
for (let r = 0; r < repeat; r++) {
  await page.goto(`${base}/chapters/coding-theorem/?compute-dn.states=${states}&compute-dn.workers=${workers}#demo-compute-dn`);
  const demo = page.locator("#demo-compute-dn");
  await demo.scrollIntoViewIfNeeded();
  await demo.locator('[data-live="true"]').waitFor({ timeout: 60_000 });
  const t0 = Date.now();
  await demo.getByRole("button", { name: `Compute D(${states})` }).click();
  await demo.locator(`[data-dn-result="${states}"]`).waitFor({ timeout: 600_000 });
  const wall = (Date.now() - t0) / 1000;
  const text = (await demo.locator(".ctm-progress").textContent()) ?? "";
  const inPage = Number(/done in ([\d.]+) s/.exec(text)?.[1] ?? wall);
  matched &&= (await demo.locator("[data-reference]").getAttribute("data-reference")) === "match";
  machines = Number((await demo.locator('[data-total="machines"]').textContent())!.replace(/,/g, ""));
  runs.push(inPage);
  process.stderr.write(`run ${r + 1}: ${inPage.toFixed(2)} s in page (${wall.toFixed(2)} s wall incl. rendering)\n`);
}
await browser.close();
const best = Math.min(...runs);
console.log(JSON.stringify({ states, workers, seconds: best, runs, machinesPerSecond: Math.round(machines / best), matchesReference: matched }));

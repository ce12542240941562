import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { runEnsemble } from "../../src/core/ensemble";
import { models } from "../../src/core/models/index";
import { validateParams } from "../../src/core/schema";

// Same parameters + seed ⇒ bit-identical numbers in Node and in Chromium (the demo runs them in a Web Worker).
const DEMO = "#demo-entropy";
const RAW = { K: 12, n: 40, generations: 60, init: "zipf:1.1" };
const SEED = 2026;
const REPLICATES = 64;

function digest(metrics: unknown): string {
  return createHash("sha256").update(JSON.stringify(metrics)).digest("hex");
}

test("a categorical run computed in the browser equals the same run computed in Node, bit for bit", async ({ page }) => {
  const query = new URLSearchParams({ "entropy.seed": String(SEED), "entropy.replicates": String(REPLICATES) });
  for (const [k, v] of Object.entries(RAW)) query.set(`entropy.${k}`, String(v));
  await page.goto(`/lab/demo/?${query}`);
  await page.locator(DEMO).scrollIntoViewIfNeeded();
  const shell = page.locator(`${DEMO} .demo-shell`);
  await expect(shell).toHaveAttribute("data-live", "true", { timeout: 20_000 });
  await expect(shell).toHaveAttribute("data-phase", "done", { timeout: 20_000 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(DEMO).getByRole("button", { name: "Download JSON" }).first().click()]);
  const browser = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(browser).toMatchObject({ model: "categorical", seed: SEED, replicates: REPLICATES });

  const model = models.categorical!;
  const node = runEnsemble(model, validateParams(model.schema, RAW), { seed: SEED, replicates: REPLICATES });
  expect(browser.params).toMatchObject(node.params);
  expect(digest(browser.metrics)).toBe(digest(node.metrics));
  expect(browser.metrics).toEqual(node.metrics);
});

import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { runEnsemble } from "../../src/core/ensemble";
import { models } from "../../src/core/models/index";
import { validateParams } from "../../src/core/schema";
import { demoQuery, demoRoot, descriptions, exportCsv, exportJson, openLive, setParam, watchErrors } from "./helpers";

// Same parameters + seed ⇒ bit-identical numbers in Node and in Chromium (the demos run them in a Web
// Worker). One real chapter demo per model family whose math differs: categorical sampling (chapter 3),
// Gaussian refits with ln/exp (chapter 4), the Beta–Bernoulli information meter (chapter 7).
const CASES: { page: string; id: string; model: string; params: Record<string, string | number>; seed: number; replicates: number }[] = [
  { page: "/chapters/entropy-decay/", id: "loop", model: "categorical", params: { K: 12, n: 40, generations: 60, init: "zipf:1.1" }, seed: 2026, replicates: 64 },
  { page: "/chapters/variance-amplification/", id: "gaussian-refit", model: "gaussian", params: { n: 7, generations: 40 }, seed: 99, replicates: 50 },
  { page: "/chapters/data-processing/", id: "dpi-meter", model: "dpi-sample", params: { n: 12, alpha: 0.1, generations: 30 }, seed: 5, replicates: 80 },
];

test.describe.configure({ timeout: 120_000 });

function digest(metrics: unknown): string {
  return createHash("sha256").update(JSON.stringify(metrics)).digest("hex");
}

for (const c of CASES) {
  test(`${c.id} (${c.model}): a run computed in the browser equals the same run computed in Node, bit for bit`, async ({ page }) => {
    const query = demoQuery(c.id, { ...c.params, seed: c.seed, replicates: c.replicates });
    await openLive(page, c.id, `${c.page}${query}`);
    const browser = await exportJson(page, c.id);
    expect(browser).toMatchObject({ model: c.model, seed: c.seed, replicates: c.replicates, params: c.params });

    // The demo's other defaults come along in the export; Node runs exactly those parameters.
    const model = models[c.model]!;
    const node = runEnsemble(model, validateParams(model.schema, browser.params), { seed: c.seed, replicates: c.replicates });
    expect(browser.params).toEqual(node.params);
    expect(digest(browser.metrics)).toBe(digest(node.metrics));
    expect(browser.metrics).toEqual(node.metrics);
  });
}

// The build ships each demo's default run (src/lib/demo-data.ts) and the island shows it instead of
// running the model again. It must be exactly the run the reader's browser computes: same exports
// (JSON and CSV) and same chart descriptions. One demo per kind of extra data: the bars trace
// (Float64Array), the n-gram texts, an experiment model (points over n).
const SHIPPED = [
  { page: "/chapters/entropy-decay/", id: "loop" },
  { page: "/chapters/not-the-architecture/", id: "ngram-loop" },
  { page: "/chapters/imperfect-verifiers/", id: "best-of-n" },
];

const status = (page: Page, id: string) => demoRoot(page, id).locator(".demo-status");

for (const c of SHIPPED) {
  test(`${c.id}: the default run shipped with the build equals the same run computed live in the browser`, async ({ page }) => {
    const errors = watchErrors(page);
    await openLive(page, c.id, c.page);
    await expect(status(page, c.id)).toContainText("computed when the site was built");
    const shipped = { json: await exportJson(page, c.id), csv: await exportCsv(page, c.id), text: await descriptions(page, c.id) };
    const seed = shipped.json.seed;

    // Another seed, then back: the second run is the default state, computed live in the worker.
    await setParam(page, c.id, "seed", String(seed + 1));
    await expect(status(page, c.id)).toContainText(new RegExp(`^Run finished: \\d+ replicates, seed ${seed + 1},`), { timeout: 90_000 });
    await setParam(page, c.id, "seed", String(seed));
    await expect(status(page, c.id)).toContainText(new RegExp(`^Run finished: \\d+ replicates, seed ${seed},`), { timeout: 90_000 });
    const live = { json: await exportJson(page, c.id), csv: await exportCsv(page, c.id), text: await descriptions(page, c.id) };

    expect(live.json.seed).toBe(seed);
    expect(live.json).toEqual(shipped.json);
    expect(live.csv).toEqual(shipped.csv);
    expect(live.text).toEqual(shipped.text);
    expect(errors).toEqual([]);
  });
}

test("a missing or corrupt default-run file falls back to a live run, without an error", async ({ page }) => {
  const errors = watchErrors(page);
  await page.route("**/demo-data/*.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"model": "categorical", "seed": "7"' }));
  await openLive(page, "loop", "/chapters/entropy-decay/");
  await expect(status(page, "loop")).toContainText(/^Run finished: \d+ replicates, seed \d+,/);
  expect(errors).toEqual([]);
});

test("a link with other values runs live instead of showing the shipped default", async ({ page }) => {
  await openLive(page, "loop", `/chapters/entropy-decay/${demoQuery("loop", { n: 30 })}`);
  await expect(status(page, "loop")).toContainText(/^Run finished: \d+ replicates, seed \d+,/);
  expect((await exportJson(page, "loop")).params).toMatchObject({ n: 30 });
});

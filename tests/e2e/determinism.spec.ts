import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { runEnsemble } from "../../src/core/ensemble";
import { models } from "../../src/core/models/index";
import { validateParams } from "../../src/core/schema";
import { demoQuery, exportJson, openLive } from "./helpers";

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

import { expect, test, type Page } from "@playwright/test";
import { axeViolations, demoQuery, demoRoot, openLive, setParam, waitDone, watchErrors } from "./helpers";

// Pin & compare on every chart kind besides fan/points/lines (bars, stack, density, text, shares, pair):
// pin the run as A, change a parameter, wait for B, and the chart draws A in the compare colour (marks in
// `g.pinned-a`), its legend and its text description say "Pinned A", its svg's accessible name mentions the
// pinned run, axe stays clean; "Unpin A" removes all of it. Replicates are cut in the URL to keep runs short.

interface Case {
  page: string;
  id: string;
  /** data-view key of the chart under test. */
  view: string;
  replicates: number;
  /** A parameter change that makes B differ from A. */
  param: [string, string];
  /** Fewest compare-coloured marks A must add (e.g. one tick per category). */
  marks: number;
  /** Legend items of A. */
  items?: number;
}

async function pinChangeUnpin(page: Page, c: Case) {
  const errors = watchErrors(page);
  await openLive(page, c.id, c.page + demoQuery(c.id, { replicates: c.replicates }), 90_000);
  const root = demoRoot(page, c.id);
  const chart = root.locator(`[data-view="${c.view}"]`);
  const pinnedMarks = chart.locator(".demo-plot svg .pinned-a");
  await expect(pinnedMarks).toHaveCount(0);
  await expect(chart.locator(".demo-legend")).not.toContainText("Pinned A");

  await root.getByRole("button", { name: "Pin as A" }).click();
  const before = await chart.locator(".demo-desc").textContent();
  await setParam(page, c.id, c.param[0], c.param[1]);
  // B has finished when its own description changed and the run is done.
  await expect(chart.locator(".demo-desc")).not.toHaveText(before!, { timeout: 90_000 });
  await waitDone(page, c.id, 90_000);

  // Compare-coloured marks (stroke or fill of the mark group or its children) inside A's groups.
  const coloured = await chart.locator(".demo-plot svg").evaluate((svg) =>
    [...svg.querySelectorAll(".pinned-a, .pinned-a *")].filter((el) => /demo-compare/.test(`${el.getAttribute("stroke")} ${el.getAttribute("fill")}`)).length,
  );
  expect(coloured).toBeGreaterThanOrEqual(1);
  const shapes = await chart.locator(".demo-plot svg .pinned-a").evaluateAll((gs) => gs.flatMap((g) => [...g.querySelectorAll("path, circle, line, text")]).length);
  expect(shapes).toBeGreaterThanOrEqual(c.marks);
  await expect(chart.locator(".demo-legend li", { hasText: "Pinned A:" })).toHaveCount(c.items ?? 1);
  await expect(chart.locator(".demo-desc")).toContainText("Pinned A: ");
  await expect(chart.locator(".demo-plot svg")).toHaveAttribute("aria-label", /pinned run A/);
  expect(await axeViolations(page, { include: `#demo-${c.id}` })).toEqual([]);

  await root.getByRole("button", { name: "Unpin A" }).click();
  await expect(pinnedMarks).toHaveCount(0);
  await expect(chart.locator(".demo-legend")).not.toContainText("Pinned A");
  await expect(chart.locator(".demo-desc")).not.toContainText("Pinned A");
  await expect(chart.locator(".demo-plot svg")).not.toHaveAttribute("aria-label", /pinned run A/);
  expect(errors).toEqual([]);
}

test.describe.configure({ timeout: 180_000 });

test("bars (chapter 3): A's p_t as one dotted tick and dot per category, with A's K = 10 and B's K = 12", async ({ page }) => {
  await pinChangeUnpin(page, { page: "/chapters/entropy-decay/", id: "loop", view: "bars", replicates: 30, param: ["K", "12"], marks: 20 });
  // After unpinning, B's 12 categories only.
  await expect(demoRoot(page, "loop").locator('[data-view="bars"] svg g[aria-label="rect"] rect')).toHaveCount(12);
});

test("stack and density (chapter 4): A's total and within lines; A's density curve", async ({ page }) => {
  await pinChangeUnpin(page, { page: "/chapters/variance-amplification/", id: "truth-walk", view: "stack-variance-mean", replicates: 40, param: ["n", "5"], marks: 2 });
  await pinChangeUnpin(page, { page: "/chapters/variance-amplification/", id: "gaussian-refit", view: "density-mu-sigma2", replicates: 40, param: ["n", "4"], marks: 1 });
});

test("text (chapter 6): A's samples under B's, headed Pinned A", async ({ page }) => {
  await pinChangeUnpin(page, { page: "/chapters/not-the-architecture/", id: "ngram-loop", view: "text", replicates: 2, param: ["generations", "30"], marks: 5 });
});

test("shares (chapter 8): A's two class boundaries", async ({ page }) => {
  await pinChangeUnpin(page, { page: "/chapters/imperfect-verifiers/", id: "verifier-loop", view: "shares-share_correct-share_hack-share_wrong", replicates: 30, param: ["falseNegative", "0.4"], marks: 2 });
});

test("pair (chapter 12): A's two means, two legend items", async ({ page }) => {
  await pinChangeUnpin(page, { page: "/chapters/hybrid-loop/", id: "two-loops", view: "pair-program_errorToTruth-kgram_errorToTruth", replicates: 20, param: ["noise", "0.2"], marks: 2, items: 2 });
});

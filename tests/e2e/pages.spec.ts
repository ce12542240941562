// Every page reachable from the home page: HTTP 200, no console/page errors, no request to another origin,
// internal links and #anchors resolve, KaTeX rendered without errors, no duplicate ids, no horizontal overflow at 360 px,
// and axe finds no serious/critical violation in light and in dark mode.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { crawl, isPagePath, trackErrors } from "./helpers";

test.describe.configure({ mode: "serial" });

let paths: string[] = [];
test.beforeAll(async ({ request, baseURL }) => {
  paths = await crawl(request, baseURL!);
});

test("the crawl finds the home page, chapters and appendices", async () => {
  expect(paths).toContain("/");
  expect(paths.some((p) => p.startsWith("/chapters/"))).toBe(true);
});

test("every page: 200, no errors, links and anchors resolve, math renders", async ({ page, request, baseURL }) => {
  test.setTimeout(60_000 + paths.length * 20_000);
  const origin = new URL(baseURL!).origin;
  const ids = new Map<string, Set<string>>(); // page path -> ids in its DOM
  const links: { from: string; path: string; hash: string }[] = [];
  const allErrors = trackErrors(page);
  const foreign: string[] = []; // the site must never contact another origin (fonts, CSS, scripts are self-hosted)
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && u.origin !== origin) foreign.push(r.url());
  });
  for (const path of paths) {
    await test.step(path, async () => {
      const before = allErrors.length;
      const res = await page.goto(path);
      expect(res?.status(), `${path} status`).toBe(200);
      await page.waitForLoadState("networkidle");
      const info = await page.evaluate(() => {
        const all = Array.from(document.querySelectorAll("[id]"), (e) => e.id);
        const hrefs = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"), (a) => a.href);
        const hasMath = document.querySelector(".katex") !== null;
        return {
          ids: all,
          hrefs,
          hasMath,
          // .katex-error: parse errors; #cc0000 text: KaTeX's rendering of an unknown command (errorColor).
          katexErrors: document.querySelectorAll('.katex-error, .katex [style*="color:#cc0000"]').length,
          mathml: document.querySelectorAll(".katex math").length,
          katexCssLoaded: hasMath ? getComputedStyle(document.querySelector(".katex")!).fontFamily.includes("KaTeX") : true,
        };
      });
      const dup = info.ids.filter((id, i) => info.ids.indexOf(id) !== i);
      expect(dup, `${path}: duplicate ids`).toEqual([]);
      ids.set(path, new Set(info.ids));
      expect(info.katexErrors, `${path}: .katex-error`).toBe(0);
      if (info.hasMath) {
        expect(info.mathml, `${path}: KaTeX MathML`).toBeGreaterThan(0);
        expect(info.katexCssLoaded, `${path}: KaTeX CSS applied`).toBe(true);
      }
      for (const href of info.hrefs) {
        const u = new URL(href);
        if (u.origin !== origin) continue;
        links.push({ from: path, path: u.pathname, hash: u.hash });
      }
      expect(allErrors.slice(before), `${path}: console/page errors`).toEqual([]);
    });
  }
  expect(foreign, "requests to other origins").toEqual([]);
  await test.step("internal links and anchors resolve", async () => {
    const broken: string[] = [];
    const status = new Map<string, number>();
    for (const l of links) {
      if (!ids.has(l.path)) {
        if (!status.has(l.path)) status.set(l.path, (await request.get(l.path)).status());
        if (status.get(l.path) !== 200) broken.push(`${l.from} -> ${l.path} (HTTP ${status.get(l.path)})`);
        if (l.hash && isPagePath(l.path)) broken.push(`${l.from} -> ${l.path}${l.hash} (page not crawled)`);
        continue;
      }
      if (!l.hash || l.hash === "#") continue;
      let id = l.hash.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        /* keep raw */
      }
      if (!ids.get(l.path)!.has(id)) broken.push(`${l.from} -> ${l.path}${l.hash} (no such id)`);
    }
    expect([...new Set(broken)]).toEqual([]);
  });
});

test("every page fits a 360 px wide screen without horizontal scrolling", async ({ page }) => {
  test.setTimeout(60_000 + paths.length * 10_000);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of paths) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe: no serious or critical violations (${scheme})`, async ({ page }) => {
    test.setTimeout(60_000 + paths.length * 60_000); // axe takes 5–40 s per demo page on a loaded 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
      // KaTeX's visual copy is aria-hidden (MathML carries the meaning) and inherits the text colour;
      // excluding its ~1,000 spans per page makes the scan 4x faster without hiding any reader-facing rule.
      const results = await new AxeBuilder({ page }).exclude(".katex-html").analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
      expect(bad, `${path} (${scheme})`).toEqual([]);
    }
  });
}

// Reading features on real pages found by crawling (no page is named, so new content is covered).
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { crawl, findPageWith, trackErrors } from "./helpers";

let paths: string[] = [];
let chapters: string[] = [];
test.beforeAll(async ({ request, baseURL }) => {
  paths = await crawl(request, baseURL!);
  chapters = paths.filter((p) => p.startsWith("/chapters/") || p.startsWith("/appendices/"));
});

async function canonicalOf(page: Page): Promise<string> {
  return (await page.locator('link[rel="canonical"]').getAttribute("href"))!;
}

test("Cite: keyboard opens a dialog whose BibTeX has the anchor permalink; Copy says Copied; Escape returns focus", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const errors = trackErrors(page);
  const path = await findPageWith(page, chapters, "a.anchor-link + button.cite-btn");
  expect(path, "a page with an anchor link and a Cite button").not.toBeNull();
  const anchor = page.locator("a.anchor-link").first();
  const id = (await anchor.getAttribute("href"))!.slice(1);
  const label = await page.evaluate((i) => document.getElementById(i)!.dataset.citeLabel ?? "", id);
  await anchor.focus();
  await expect(anchor).toHaveCSS("opacity", "1"); // visible on focus
  await page.keyboard.press("Tab");
  const cite = page.locator("button.cite-btn").first();
  await expect(cite).toBeFocused();
  await expect(cite).toHaveCSS("opacity", "1");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName(new RegExp(`Cite ${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  const permalink = `${await canonicalOf(page)}#${id}`;
  await expect(dialog.getByLabel("Permalink")).toHaveValue(permalink);
  const bib = await dialog.locator("pre.cite-bibtex").textContent();
  expect(bib).toMatch(/^@misc\{/);
  expect(bib).toContain(`url          = {${permalink}}`);
  if (label) expect(bib).toContain(label.replace(/[&%$#_{}]/g, (c) => `\\${c}`));
  expect(await dialog.locator(".cite-plain").textContent()).toContain(permalink);
  await dialog.getByRole("button", { name: "Copy BibTeX" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(dialog.getByRole("status")).toHaveText(/Copied the BibTeX entry/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bib);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(cite).toBeFocused();
  expect(errors).toEqual([]);
});

test("cross-reference preview opens on keyboard focus, is described, and closes on Escape", async ({ page }) => {
  const errors = trackErrors(page);
  const path = await findPageWith(page, chapters, "a.xref");
  expect(path, "a page with a cross-reference").not.toBeNull();
  const xrefs = page.locator("a.xref");
  const n = await xrefs.count();
  for (let i = 0; i < Math.min(n, 4); i++) {
    const x = xrefs.nth(i);
    await x.focus();
    const tip = page.locator("#ref-preview");
    await expect(tip).toBeVisible();
    await expect(x).toHaveAttribute("aria-describedby", "ref-preview");
    expect(((await tip.textContent()) ?? "").trim().length).toBeGreaterThan(0);
    expect(await tip.locator("[id]").count()).toBe(0); // cloned ids are stripped
    await page.keyboard.press("Escape");
    await expect(tip).toBeHidden();
    await expect(x).not.toHaveAttribute("aria-describedby", "ref-preview");
  }
  expect(errors).toEqual([]);
});

test("citation preview shows the reference entry on hover", async ({ page }) => {
  const path = await findPageWith(page, chapters, "a.cite-ref");
  expect(path, "a page with a citation").not.toBeNull();
  const ref = page.locator("a.cite-ref").first();
  const key = (await ref.getAttribute("href"))!.slice(1);
  const entry = ((await page.evaluate((k) => document.getElementById(k)?.textContent ?? "", key)) ?? "").trim();
  await ref.hover();
  const tip = page.locator("#ref-preview");
  await expect(tip).toBeVisible();
  expect(((await tip.textContent()) ?? "").trim()).toBe(entry);
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
});

test("search finds a chapter by a word of its title", async ({ page, request }) => {
  expect((await request.get("/pagefind/pagefind.js")).status(), "Pagefind index (npm run build runs pagefind)").toBe(200);
  const errors = trackErrors(page);
  await page.goto("/");
  const card = page.locator(".card-title a").first();
  const href = (await card.getAttribute("href"))!;
  await page.goto(href);
  const title = (await page.locator("main h1").textContent())!.trim();
  const word = title.split(/\W+/).filter((w) => w.length > 3).sort((a, b) => b.length - a.length)[0] ?? title;
  const input = page.getByRole("searchbox", { name: "Search the site" });
  await input.fill(word);
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.locator(`a[href="${href}"]`)).toBeVisible();
  await expect(page.locator("#search-status")).toHaveText(/result/);
  await input.press("ArrowDown");
  await expect(results.locator("a").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(input).toBeFocused();
  expect(errors).toEqual([]);
});

test("print media hides navigation and controls, forces light colours, prints link URLs", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(chapters[0]!);
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  for (const sel of [".site-header", ".sidenav", ".prev-next", ".skip-link", ".theme-toggle"]) {
    if ((await page.locator(sel).count()) > 0) await expect(page.locator(sel).first()).toBeHidden();
  }
  expect(await page.locator("button:visible").count()).toBe(0);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(255, 255, 255)");
  const after = await page.evaluate(() => {
    const a = document.querySelector<HTMLAnchorElement>('main a[href^="http"], main a[href^="/"]:not(.xref):not(.cite-ref)');
    return a ? [a.getAttribute("href"), getComputedStyle(a, "::after").content] : null;
  });
  if (after) expect(after[1]).toContain(after[0]!);
});

test("theme toggle switches, persists across reloads, and the system theme applies without a stored choice", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  const toggle = page.getByRole("button", { name: "Dark mode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe("rgb(255, 255, 255)");
  await page.goto(chapters[0]!);
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: "Dark mode" }).click();
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.evaluate(() => localStorage.clear());
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
});

test("skip link is the first tab stop and moves focus to the content", async ({ page }) => {
  await page.goto(chapters[0]!);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("pages are readable: content, math and the citation block render; JS-only controls stay hidden", async ({ page }) => {
    for (const path of ["/", ...chapters.slice(0, 3)]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await expect(page.locator(".search")).toBeHidden();
      await expect(page.locator(".theme-toggle")).toBeHidden();
      expect(await page.locator(".cite-btn").count()).toBe(0);
      await expect(page.locator(".cite-page pre.cite-bibtex")).toContainText("@misc{");
      if (path !== "/") {
        await expect(page.locator(".prose")).toBeVisible();
        const katex = page.locator(".prose .katex");
        if ((await katex.count()) > 0) await expect(katex.first()).toBeVisible();
      }
    }
  });
});

test("every chapter and appendix has Scholar, canonical, OpenGraph and version meta matching its footer and cite block", async ({ request }) => {
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  for (const path of chapters) {
    const html = await (await request.get(path)).text();
    const meta = (name: string) => [...html.matchAll(new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`, "g"))].map((m) => m[1]!);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(new URL(canonical).pathname, `${path} canonical`).toBe(path);
    expect(meta("og:url"), path).toEqual([canonical]);
    expect(meta("citation_title")[0], path).toMatch(/^(Chapter \d+|Appendix [A-Z]): \S/);
    expect(meta("citation_author").length, path).toBeGreaterThan(0);
    expect(meta("citation_publication_date")[0], path).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect(meta("site-version"), path).toEqual([version]);
    const date = meta("build-date")[0]!;
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(html, `${path} footer`).toContain(`<time datetime="${date}" class="build-date">`);
    expect(html, `${path} cite block`).toContain(`url          = {${canonical}}`);
    expect(html, `${path} cite block`).toContain(`version      = {${version}}`);
  }
});

test("an unknown address gets the 404 page, which links home and passes axe", async ({ page }) => {
  const res = await page.goto("/no-such-page-here/");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("the on-page TOC links every h2/h3 of the body and marks the section being read", async ({ page }) => {
  const path = await findPageWith(page, chapters, ".toc a");
  expect(path, "a page with an on-page table of contents").not.toBeNull();
  const hrefs = await page.locator(".toc a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  // Document order of all body headings; the TOC lists them in that order and includes every numbered section.
  const headingIds = await page.locator(".prose :is(h2, h3)[id]:not(#cite-this-page)").evaluateAll((hs) => hs.map((h) => `#${h.id}`));
  const numbered = await page.locator(".prose :is(h2, h3)[data-cite-label]").evaluateAll((hs) => hs.map((h) => `#${h.id}`));
  expect(hrefs.every((h) => headingIds.includes(h)), `${path}: TOC entries are body headings`).toBe(true);
  expect(hrefs).toEqual(headingIds.filter((h) => hrefs.includes(h)));
  for (const h of numbered) expect(hrefs, `${path}: numbered section in TOC`).toContain(h);
  const lastHref = hrefs[hrefs.length - 1]!;
  await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: "start" }), decodeURIComponent(lastHref.slice(1)));
  await expect(page.locator(`.toc a[href="${lastHref}"]`)).toHaveAttribute("aria-current", "location");
  expect(await page.locator('.toc a[aria-current="location"]').count()).toBe(1);
});

import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";

/** Is this same-origin path a page (not an asset)? trailingSlash is "always", so pages end in "/" (or .html). */
export const isPagePath = (p: string) => p.endsWith("/") || p.endsWith(".html");

/**
 * Every page reachable from the home page by following <a href> links (breadth first).
 * Uses the raw HTML, so it sees exactly what a reader without JavaScript gets. Covers new pages automatically.
 */
export async function crawl(request: APIRequestContext, baseURL: string, start = "/"): Promise<string[]> {
  const origin = new URL(baseURL).origin;
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const path = queue.shift()!;
    const res = await request.get(path);
    if (!res.ok() || !(res.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await res.text();
    for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
      const href = m[1]!.replaceAll("&amp;", "&");
      let u: URL;
      try {
        u = new URL(href, origin + path);
      } catch {
        continue;
      }
      if (u.origin !== origin || !isPagePath(u.pathname) || seen.has(u.pathname)) continue;
      seen.add(u.pathname);
      queue.push(u.pathname);
    }
  }
  return [...seen].sort();
}

/** Collects console errors and uncaught page errors for the page's lifetime. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return errors;
}

/** First crawled page whose DOM has a match for `selector` (after scripts ran), or null. */
export async function findPageWith(page: Page, paths: string[], selector: string): Promise<string | null> {
  for (const p of paths) {
    await page.goto(p);
    if ((await page.locator(selector).count()) > 0) return p;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Demo helpers shared by the chapter specs (demo-shell, determinism, chapters-*). Keep these names
// stable: new chapter specs import them.
// ---------------------------------------------------------------------------------------------------

/**
 * Console errors, uncaught page errors, dialogs (alert(1) from a hostile link) and HTTP ≥ 400
 * responses for the page's lifetime; a test ends with `expect(errors).toEqual([])`.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

/** A page in a new context with JavaScript disabled, at `url` if given; close with `page.context().close()`. */
export async function openWithoutJs(browser: Browser, url?: string): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  if (url) await page.goto(url);
  return page;
}

/** The `<section id="demo-<id>">` of a demo. */
export const demoRoot = (page: Page, id: string): Locator => page.locator(`#demo-${id}`);

/** Waits until the demo's current run has finished (data-phase="done"). */
export async function waitDone(page: Page, id: string, timeout = 60_000): Promise<void> {
  await expect(demoRoot(page, id).locator(".demo-shell")).toHaveAttribute("data-phase", "done", { timeout });
}

/**
 * Opens `url`, scrolls the demo into view and waits for its first live run to finish (`timeout`); data-live
 * must flip within `liveTimeout` (a heavy first run on a loaded machine may need more than the 30 s default).
 */
export async function openLive(page: Page, id: string, url: string, timeout = 60_000, liveTimeout = Math.min(timeout, 30_000)): Promise<void> {
  await page.goto(url);
  const root = demoRoot(page, id);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator(".demo-shell")).toHaveAttribute("data-live", "true", { timeout: liveTimeout });
  await waitDone(page, id, timeout);
}

/** The text descriptions of every chart of the demo (live or build-time), in order. */
export const descriptions = (page: Page, id: string): Promise<string[]> => demoRoot(page, id).locator(".demo-desc").allTextContents();

/** The build-time figure's descriptions (call before the island goes live). */
export const staticDescriptions = (page: Page, id: string): Promise<string[]> => demoRoot(page, id).locator(".demo-static .demo-desc").allTextContents();

/** The current address bar's query. */
export const urlState = (page: Page): URLSearchParams => new URL(page.url()).searchParams;

/** A query string "?<id>.<param>=<value>&…" (values URL-encoded) for `url + demoQuery(…)`. */
export function demoQuery(id: string, entries: Record<string, string | number> | [string, string][]): string {
  const pairs = Array.isArray(entries) ? entries : Object.entries(entries).map(([k, v]) => [k, String(v)] as [string, string]);
  return `?${new URLSearchParams(pairs.map(([k, v]) => [`${id}.${k}`, v]))}`;
}

/** Sets one control the way a reader does: a select is chosen, a text/number box is typed and committed with Enter. */
export async function setParam(page: Page, id: string, name: string, value: string): Promise<void> {
  const input = page.locator(`#demo-${id}-${name}`);
  if (await input.evaluate((el) => el.tagName === "SELECT")) await input.selectOption(value);
  else {
    await input.fill(value);
    await input.press("Enter");
  }
}

/**
 * Clicks the first button named `button` ("Download CSV", "Download JSON", "SVG", "PNG", or a RegExp) inside the
 * demo `id` (or inside a given locator, e.g. a tool's section) and reads the file.
 */
export async function downloadFile(page: Page, id: string | Locator, button: string | RegExp): Promise<{ name: string; body: Buffer }> {
  const scope = typeof id === "string" ? demoRoot(page, id) : id;
  const [d] = await Promise.all([page.waitForEvent("download"), scope.getByRole("button", { name: button }).first().click()]);
  return { name: d.suggestedFilename(), body: await readFile((await d.path())!) };
}

/** The demo's JSON export, parsed. */
export async function exportJson(page: Page, id: string): Promise<DemoJson> {
  return JSON.parse((await downloadFile(page, id, "Download JSON")).body.toString("utf8")) as DemoJson;
}

/** The demo's CSV export as lines (header first; no trailing empty line). */
export async function exportCsv(page: Page, id: string): Promise<string[]> {
  return (await downloadFile(page, id, "Download CSV")).body.toString("utf8").trimEnd().split("\n");
}

/** What a demo's JSON export holds (the fields the tests read). */
export interface DemoJson {
  demo: string;
  model: string;
  params: Record<string, unknown>;
  seed: number;
  replicates: number;
  generations: number[];
  metrics: Record<string, Record<string, number[]>>;
  theory: Record<string, number[]>;
  paths: Record<string, number[][]>;
  site: { url: string };
  command: string;
  [key: string]: unknown;
}

/** Does this SVG text parse as XML in the browser? */
export const svgParses = (page: Page, svg: string): Promise<boolean> =>
  page.evaluate((s) => new DOMParser().parseFromString(s, "image/svg+xml").querySelector("parsererror") === null, svg);

/** PNG signature check of a downloaded file. */
export const isPng = (body: Buffer): boolean => [...body.subarray(0, 8)].join() === [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].join();

/**
 * Serious and critical axe violations ("rule: targets"), scanning `include` (a selector, e.g. "#demo-loop", or
 * several) or the whole page; `exclude` skips parts (e.g. ".katex-html"); `all: true` lists every violation
 * whatever its impact. A test expects `[]`.
 */
export async function axeViolations(page: Page, options: { include?: string | string[]; exclude?: string; all?: boolean } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const selector of [options.include ?? []].flat()) builder = builder.include(selector);
  if (options.exclude) builder = builder.exclude(options.exclude);
  const scan = await builder.analyze();
  return scan.violations
    .filter((v) => options.all || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

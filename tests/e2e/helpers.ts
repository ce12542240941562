import type { APIRequestContext, Page } from "@playwright/test";

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

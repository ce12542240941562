// Loads the code of the page's interactive islands (demos, tools) while the browser is idle, so a demo
// the reader scrolls or jumps to hydrates at once instead of first fetching and compiling its chunks.
// Astro's client:visible still decides when each island hydrates; this only warms the module cache.

const ATTRS = ["component-url", "renderer-url"] as const;

/** `load` is the module loader (a dynamic import; injectable for tests). */
export function preloadIslands(win: Window = window, load: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url)): void {
  const connection = (win.navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  const preload = () => {
    const urls = new Set<string>();
    // `ssr` is removed once an island has hydrated: only the ones still waiting need their code.
    for (const island of win.document.querySelectorAll("astro-island[ssr]")) {
      for (const a of ATTRS) {
        const url = island.getAttribute(a);
        if (url) urls.add(url);
      }
    }
    for (const url of urls) load(url).catch(() => {});
  };
  if (typeof win.requestIdleCallback === "function") win.requestIdleCallback(preload, { timeout: 4000 });
  else win.setTimeout(preload, 2000);
}

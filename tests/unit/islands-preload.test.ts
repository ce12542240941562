// Idle-time preloading of island code: only islands still waiting to hydrate, each URL once, nothing
// when the reader asked to save data.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { preloadIslands } from "../../src/scripts/islands";

const PAGE = `<body>
  <astro-island ssr component-url="/_astro/Demo.js" renderer-url="/_astro/preact.js"></astro-island>
  <astro-island ssr component-url="/_astro/Demo.js" renderer-url="/_astro/preact.js"></astro-island>
  <astro-island ssr component-url="/_astro/Tool.js" renderer-url="/_astro/preact.js"></astro-island>
  <astro-island component-url="/_astro/Hydrated.js" renderer-url="/_astro/preact.js"></astro-island>
</body>`;

function fakeWindow(saveData = false) {
  const { document } = parseHTML(PAGE);
  const idle: (() => void)[] = [];
  const win = { document, navigator: { connection: { saveData } }, requestIdleCallback: (f: () => void) => idle.push(f) };
  return { win: win as unknown as Window, idle };
}

describe("preloadIslands", () => {
  it("loads, when idle, the code of each island not yet hydrated, once per URL", async () => {
    const { win, idle } = fakeWindow();
    const loaded: string[] = [];
    preloadIslands(win, async (url) => void loaded.push(url));
    expect(loaded).toEqual([]); // nothing before the browser is idle
    expect(idle).toHaveLength(1);
    idle[0]!();
    expect(loaded.sort()).toEqual(["/_astro/Demo.js", "/_astro/Tool.js", "/_astro/preact.js"]);
  });

  it("does nothing with Save-Data on, and a failing load is swallowed", async () => {
    const saving = fakeWindow(true);
    preloadIslands(saving.win, async () => { throw new Error("should not load"); });
    expect(saving.idle).toHaveLength(0);
    const { win, idle } = fakeWindow();
    preloadIslands(win, () => Promise.reject(new Error("offline")));
    expect(() => idle[0]!()).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
  });
});

// Client entry, bundled once for every page. Each part is independent and tolerates missing markup.
import { initTheme } from "./theme";
import { initCite } from "./cite-ui";
import { initPreviews } from "./preview";
import { initSearch } from "./search";
import { initCopyBlocks, markScrollableMath } from "./copy";
import { initTocSpy } from "./toc";
import { preloadIslands } from "./islands";

initTheme();
initCite();
initPreviews();
initSearch();
initCopyBlocks();
markScrollableMath();
initTocSpy();
preloadIslands();

// Sidebar and TOC start closed on narrow screens (inline script in Chapter.astro); reopen them when
// the window widens past the breakpoint, where their summary (the only way to reopen) is hidden.
for (const d of document.querySelectorAll<HTMLDetailsElement>("details[data-collapse-below]")) {
  const mq = matchMedia(`(min-width: ${d.dataset.collapseBelow}rem)`);
  mq.addEventListener("change", (e) => {
    if (e.matches) d.open = true;
  });
}

// Client entry, bundled once for every page. Each part is independent and tolerates missing markup.
import { initTheme } from "./theme";
import { initCite } from "./cite-ui";
import { initPreviews } from "./preview";
import { initSearch } from "./search";
import { initCopyBlocks, markScrollableMath } from "./copy";

initTheme();
initCite();
initPreviews();
initSearch();
initCopyBlocks();
markScrollableMath();

// Header search over the Pagefind index built by `npm run build` (offline: all files are same-origin).
// Results are a list of links announced through a live status line; arrow keys move between them.

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindApi {
  init?: () => Promise<void>;
  search: (q: string) => Promise<{ results: { data: () => Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;
// A variable, so that neither TypeScript nor the bundler tries to resolve a file that exists only in dist/.
const PAGEFIND_URL = "/pagefind/pagefind.js";
let api: Promise<PagefindApi | null> | null = null;

function loadPagefind(): Promise<PagefindApi | null> {
  api ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<PagefindApi>)
    .then(async (pf) => {
      await pf.init?.();
      return pf;
    })
    .catch(() => null);
  return api;
}

/** Pagefind excerpts are HTML with <mark>; keep the text and the marks, nothing else. */
export function safeExcerpt(html: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const tpl = document.createElement("template");
  tpl.innerHTML = html; // template content is inert: nothing runs or loads
  const walk = (from: Node, into: Node) => {
    for (const n of Array.from(from.childNodes)) {
      if (n.nodeType === Node.TEXT_NODE) into.appendChild(document.createTextNode(n.textContent ?? ""));
      else if (n instanceof Element) {
        if (n.tagName === "MARK") {
          const m = document.createElement("mark");
          walk(n, m);
          into.appendChild(m);
        } else walk(n, into);
      }
    }
  };
  walk(tpl.content, frag);
  return frag;
}

export function initSearch(): void {
  const root = document.querySelector<HTMLElement>("[data-search]");
  const input = root?.querySelector<HTMLInputElement>("#search-input");
  const panel = root?.querySelector<HTMLElement>("#search-results");
  const status = panel?.querySelector<HTMLElement>(".search-status");
  const list = panel?.querySelector<HTMLUListElement>(".search-list");
  if (!root || !input || !panel || !status || !list) return;
  wire(root, input, panel, status, list);
}

function wire(root: HTMLElement, input: HTMLInputElement, panel: HTMLElement, status: HTMLElement, list: HTMLUListElement): void {
  root.hidden = false;

  let timer = 0;
  let seq = 0;
  const links = () => Array.from(list.querySelectorAll<HTMLAnchorElement>("a"));
  // (A searchbox may not carry aria-expanded; the live status line announces results instead.)
  const close = () => {
    panel.hidden = true;
  };
  const open = () => {
    panel.hidden = false;
  };

  async function run(raw: string): Promise<void> {
    const q = raw.trim().slice(0, 200);
    const my = ++seq;
    if (!q) {
      list.replaceChildren();
      status.textContent = "";
      close();
      return;
    }
    open();
    status.textContent = "Searching…";
    const pf = await loadPagefind();
    if (my !== seq) return;
    if (!pf) {
      status.textContent = "Search is unavailable: the index is built by `npm run build`.";
      return;
    }
    const res = await pf.search(q);
    const data = await Promise.all((res?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
    if (my !== seq) return;
    list.replaceChildren(
      ...data.map((d) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = d.url;
        const t = document.createElement("span");
        t.className = "r-title";
        t.textContent = d.meta.title || d.url;
        const ex = document.createElement("span");
        ex.className = "r-excerpt";
        ex.append(safeExcerpt(d.excerpt));
        a.append(t, ex);
        li.append(a);
        return li;
      }),
    );
    const n = res?.results.length ?? 0;
    status.textContent =
      n === 0 ? `No results for “${q}”.` : `${n} result${n === 1 ? "" : "s"} for “${q}”${n > MAX_RESULTS ? `, showing ${MAX_RESULTS}` : ""}. Press the down arrow to browse.`;
  }

  input.addEventListener("focus", () => void loadPagefind(), { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(input.value), 150);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && links().length) {
      e.preventDefault();
      open();
      links()[0]!.focus();
    } else if (e.key === "Escape") {
      if (!panel.hidden) close();
      else input.value = "";
    } else if (e.key === "Enter") {
      e.preventDefault();
      const first = links()[0];
      if (first && !panel.hidden) first.click();
    }
  });
  list.addEventListener("keydown", (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === "ArrowDown" && i < all.length - 1) {
      e.preventDefault();
      all[i + 1]!.focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      (i > 0 ? all[i - 1]! : input).focus();
    } else if (e.key === "Escape") {
      close();
      input.focus();
    }
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && list.childElementCount) open();
  });
  document.addEventListener("pointerdown", (e) => {
    if (!(e.target instanceof Node) || !root.contains(e.target)) close();
  });
  root.addEventListener("focusout", (e) => {
    if (!(e.relatedTarget instanceof Node) || !root.contains(e.relatedTarget)) close();
  });
  // "/" focuses search unless the reader is typing somewhere.
  document.addEventListener("keydown", (e) => {
    const t = e.target as HTMLElement | null;
    if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
      e.preventDefault();
      input.focus();
    }
  });
}

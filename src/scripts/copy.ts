// Clipboard helpers and copy buttons for server-rendered citation blocks.

/** Copies text; falls back to a hidden textarea where the async clipboard API is unavailable. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the legacy path */
  }
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.style.cssText = "position:fixed;top:0;left:0;opacity:0;";
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

/** A button that copies `get()` and announces the result in `status` (an aria-live region). */
export function copyButton(label: string, what: string, get: () => string, status: HTMLElement): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "btn copy-btn";
  b.textContent = label;
  let timer = 0;
  b.addEventListener("click", async () => {
    const ok = await copyText(get());
    b.textContent = ok ? "Copied" : "Copy failed";
    status.textContent = ok ? `Copied ${what} to the clipboard.` : `Could not copy ${what}: select it and press Ctrl+C.`;
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      b.textContent = label;
    }, 2000);
  });
  return b;
}

/** Adds copy buttons under the server-rendered "Cite this …" text and BibTeX. */
export function initCopyBlocks(): void {
  for (const block of document.querySelectorAll<HTMLElement>(".cite-page")) {
    const status = document.createElement("p");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    const plain = block.querySelector<HTMLElement>(".cite-plain");
    const bib = block.querySelector<HTMLElement>(".cite-bibtex");
    if (plain) plain.after(copyButton("Copy citation", "the citation", () => plain.textContent ?? "", status));
    if (bib) bib.after(copyButton("Copy BibTeX", "the BibTeX entry", () => bib.textContent ?? "", status));
    block.append(status);
  }
}

/**
 * Wide display math scrolls horizontally; a scrollable region must be keyboard focusable (axe
 * scrollable-region-focusable). Re-measured whenever a formula's box changes (fonts loading, resize).
 */
export function markScrollableMath(): void {
  const LABEL = "Display math (scrolls horizontally)";
  const mark = (el: HTMLElement) => {
    const tag = el.querySelector<HTMLElement>(".katex-html > .tag");
    if (tag) {
      el.classList.remove("tag-clash"); // measure KaTeX's own layout
      const tagLeft = tag.getBoundingClientRect().left;
      const right = Math.max(...Array.from(el.querySelectorAll(".katex-html > .base"), (b) => b.getBoundingClientRect().right));
      if (right > tagLeft - 4) el.classList.add("tag-clash");
    }
    if (el.scrollWidth > el.clientWidth) {
      el.tabIndex = 0;
      if (!el.hasAttribute("role")) el.setAttribute("role", "group");
      if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", LABEL);
    } else if (el.getAttribute("aria-label") === LABEL) {
      el.removeAttribute("tabindex");
      el.removeAttribute("role");
      el.removeAttribute("aria-label");
    }
  };
  const all = Array.from(document.querySelectorAll<HTMLElement>(".katex-display"));
  if (!all.length) return;
  all.forEach(mark);
  if ("ResizeObserver" in window) {
    const ro = new ResizeObserver((entries) => entries.forEach((e) => mark(e.target as HTMLElement)));
    all.forEach((el) => {
      ro.observe(el);
      const inner = el.firstElementChild;
      if (inner) ro.observe(inner);
    });
  }
  void document.fonts?.ready.then(() => all.forEach(mark));
}

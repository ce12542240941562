// Hover / focus / tap previews of cross-references (a.xref) and citations (a.cite-ref).
// Same page: clone the target; other page: fetch its HTML once (same origin), cache, clone by id.
// One absolutely positioned tooltip (no layout shift), linked by aria-describedby while open.

const SELECTOR = "a.xref, a.cite-ref";
const POPUP_ID = "ref-preview";
const docs = new Map<string, Promise<Document | null>>();

function fetchDoc(path: string): Promise<Document | null> {
  let p = docs.get(path);
  if (!p) {
    p = fetch(path, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => (html === null ? null : new DOMParser().parseFromString(html, "text/html")))
      .catch(() => null);
    docs.set(path, p);
  }
  return p;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The content to show for a link, or null when it cannot be resolved (then no preview). */
async function previewContent(a: HTMLAnchorElement): Promise<DocumentFragment | null> {
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return null;
  const samePage = url.pathname === location.pathname;
  const doc = samePage ? document : await fetchDoc(url.pathname);
  if (!doc) return null;
  const id = decode(url.hash.slice(1));
  const frag = document.createDocumentFragment();
  if (!id) {
    // Whole page (e.g. @ch:…): its kicker, title and summary.
    for (const sel of [".page-kicker", "h1", ".page-summary"]) {
      const e = doc.querySelector(sel);
      if (e) frag.append(document.importNode(e, true));
    }
    return frag.childNodes.length ? frag : null;
  }
  const target = doc.getElementById(id);
  if (!target) return null;
  frag.append(document.importNode(target, true));
  if (/^H[2-6]$/.test(target.tagName)) {
    // A section: the heading and the start of its text.
    let next = target.nextElementSibling;
    for (let n = 0; next && n < 3 && !/^H[1-6]$/.test(next.tagName); next = next.nextElementSibling) {
      if (next.matches(".anchor-link, .cite-btn")) continue;
      frag.append(document.importNode(next, true));
      n++;
    }
  }
  // No duplicate ids, no nested controls inside a tooltip.
  frag.querySelectorAll(".anchor-link, .cite-btn, script, style").forEach((e) => e.remove());
  frag.querySelectorAll("[id]").forEach((e) => e.removeAttribute("id"));
  frag.querySelectorAll("[aria-labelledby]").forEach((e) => e.removeAttribute("aria-labelledby"));
  frag.querySelectorAll("[aria-describedby]").forEach((e) => e.removeAttribute("aria-describedby"));
  // Links stay clickable by mouse but leave the tab order: the tooltip is not a keyboard stop.
  frag.querySelectorAll("[tabindex]").forEach((e) => e.removeAttribute("tabindex"));
  frag.querySelectorAll("a[href], button, input, select, textarea").forEach((e) => e.setAttribute("tabindex", "-1"));
  for (const c of Array.from(frag.children)) if (c.tagName === "LI") {
    const ul = document.createElement("ul");
    c.replaceWith(ul);
    ul.append(c);
  }
  return frag;
}

export function initPreviews(): void {
  if (!document.querySelector(SELECTOR)) return;
  const popup = document.createElement("div");
  popup.id = POPUP_ID;
  popup.className = "ref-preview";
  popup.setAttribute("role", "tooltip");
  popup.hidden = true;
  popup.dataset.pagefindIgnore = "all";
  document.body.append(popup);

  let current: HTMLAnchorElement | null = null;
  let showTimer = 0;
  let hideTimer = 0;
  let token = 0;
  let touchPending = false;

  function hide(): void {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    token++;
    if (current && current.getAttribute("aria-describedby") === POPUP_ID) current.removeAttribute("aria-describedby");
    current = null;
    popup.hidden = true;
    popup.replaceChildren();
  }

  function place(a: HTMLAnchorElement): void {
    const r = a.getBoundingClientRect();
    const margin = 8;
    const w = popup.offsetWidth;
    const h = popup.offsetHeight;
    const vw = document.documentElement.clientWidth;
    let left = Math.min(Math.max(margin, r.left), Math.max(margin, vw - w - margin));
    const below = r.bottom + 6;
    const above = r.top - 6 - h;
    const top = below + h > innerHeight - margin && above >= margin ? above : below;
    popup.style.left = `${left + scrollX}px`;
    popup.style.top = `${top + scrollY}px`;
  }

  async function show(a: HTMLAnchorElement): Promise<void> {
    if (current === a && !popup.hidden) return;
    hide();
    current = a;
    const my = ++token;
    const content = await previewContent(a);
    if (my !== token || !content) return; // superseded, or nothing to show
    popup.replaceChildren(content);
    popup.hidden = false;
    popup.classList.toggle("is-clipped", popup.scrollHeight > popup.clientHeight + 1);
    place(a);
    a.setAttribute("aria-describedby", POPUP_ID);
  }

  const linkOf = (t: EventTarget | null): HTMLAnchorElement | null =>
    t instanceof Element ? t.closest<HTMLAnchorElement>(SELECTOR) : null;

  document.addEventListener("pointerover", (e) => {
    if (e.pointerType === "touch") return;
    const a = linkOf(e.target);
    if (a) {
      clearTimeout(hideTimer);
      clearTimeout(showTimer);
      showTimer = window.setTimeout(() => void show(a), 180);
    } else if (e.target instanceof Node && popup.contains(e.target)) {
      clearTimeout(hideTimer);
    }
  });
  document.addEventListener("pointerout", (e) => {
    if (e.pointerType === "touch") return;
    const from = linkOf(e.target) ?? (e.target instanceof Node && popup.contains(e.target) ? popup : null);
    if (!from) return;
    const to = e.relatedTarget;
    if (to instanceof Node && (popup.contains(to) || (current && current.contains(to)))) return;
    clearTimeout(showTimer);
    if (document.activeElement === current) return; // keyboard focus keeps it open
    hideTimer = window.setTimeout(hide, 250);
  });
  document.addEventListener("focusin", (e) => {
    const a = linkOf(e.target);
    if (a) void show(a);
    else if (current) hide();
  });
  document.addEventListener("focusout", (e) => {
    if (linkOf(e.target) === current) hide();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && current) hide();
  });
  // Touch: the first tap previews, a second tap on the same link follows it.
  document.addEventListener("pointerdown", (e) => {
    touchPending = e.pointerType === "touch";
    if (!touchPending && current && !linkOf(e.target) && !(e.target instanceof Node && popup.contains(e.target))) hide();
  });
  document.addEventListener("click", (e) => {
    const a = linkOf(e.target);
    if (!touchPending) return;
    if (!a) {
      hide();
      return;
    }
    if (current !== a || popup.hidden) {
      e.preventDefault();
      void show(a);
    }
  });
  addEventListener("resize", () => current && !popup.hidden && place(current));
}

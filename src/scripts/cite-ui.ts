// "Cite" buttons beside every .anchor-link, and one shared modal dialog with the permalink,
// a plain-text citation and a BibTeX entry (html-contract.md: data-cite-label names the item).
import { bibtexEntry, plainCitation, type Author, type CiteInput } from "../lib/cite";
import { copyButton } from "./copy";

type PageCite = Omit<CiteInput, "item" | "url"> & { canonical: string };

function isAuthor(a: unknown): a is Author {
  if (typeof a !== "object" || a === null) return false;
  const o = a as Record<string, unknown>;
  return typeof o.literal === "string" || typeof o.family === "string";
}

/** Page facts from the layout's JSON; falls back to meta tags and the document if it is missing or malformed. */
export function readPageCite(doc: Document = document): PageCite {
  const meta = (n: string) => doc.querySelector<HTMLMetaElement>(`meta[name="${n}"]`)?.content ?? "";
  const fallback: PageCite = {
    pageLabel: "",
    pageTitle: meta("citation_title") || doc.title,
    authors: [{ literal: meta("citation_author") || doc.title }],
    siteTitle: doc.title,
    version: meta("site-version"),
    date: meta("build-date"),
    canonical: doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split("#")[0]!,
  };
  try {
    const raw = JSON.parse(doc.getElementById("cite-data")?.textContent ?? "null") as Record<string, unknown> | null;
    if (!raw) return fallback;
    const str = (k: string, d: string) => (typeof raw[k] === "string" ? (raw[k] as string) : d);
    const authors = Array.isArray(raw.authors) ? raw.authors.filter(isAuthor) : [];
    return {
      pageLabel: str("pageLabel", fallback.pageLabel),
      pageTitle: str("pageTitle", fallback.pageTitle),
      authors: authors.length ? authors : fallback.authors,
      siteTitle: str("siteTitle", fallback.siteTitle),
      version: str("version", fallback.version),
      date: str("date", fallback.date),
      canonical: str("canonical", fallback.canonical),
    };
  } catch {
    return fallback;
  }
}

/** The element an anchor link points at (ids contain colons, so no CSS selectors). */
function targetOf(a: HTMLAnchorElement): HTMLElement | null {
  const raw = a.getAttribute("href") ?? "";
  if (!raw.startsWith("#")) return null;
  let id = raw.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep the raw id */
  }
  return document.getElementById(id);
}

function labelOf(target: HTMLElement): string {
  const label = target.dataset.citeLabel?.trim();
  if (label) return label;
  const text = (target.textContent ?? "").replace(/\s+/g, " ").trim();
  return text.length > 80 ? `${text.slice(0, 77)}…` : text || target.id;
}

interface Dialog {
  el: HTMLDialogElement;
  open(input: CiteInput, opener: HTMLElement): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function createDialog(): Dialog {
  const dlg = el("dialog", "cite-dialog");
  dlg.setAttribute("aria-labelledby", "cite-dialog-title");
  dlg.dataset.pagefindIgnore = "all";
  const inner = el("div", "cite-dialog-inner");
  const head = el("div", "cite-dialog-head");
  const title = el("h2", undefined, "Cite");
  title.id = "cite-dialog-title";
  const close = el("button", "btn", "Close");
  close.type = "button";
  head.append(title, close);

  const status = el("p", "copy-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  const linkInput = el("input");
  linkInput.readOnly = true;
  linkInput.id = "cite-dialog-link";
  const linkLabel = el("label", undefined, "Permalink");
  linkLabel.htmlFor = linkInput.id;
  const linkH = el("h3");
  linkH.append(linkLabel);
  const linkRow = el("div", "copy-row");
  linkRow.append(linkInput, copyButton("Copy link", "the permalink", () => linkInput.value, status));

  const plain = el("p", "cite-plain");
  plain.id = "cite-dialog-plain";
  const plainH = el("h3", undefined, "Citation");
  const plainRow = el("div", "copy-row");
  plainRow.append(plain, copyButton("Copy citation", "the citation", () => plain.textContent ?? "", status));

  const bib = el("pre", "cite-bibtex");
  bib.id = "cite-dialog-bibtex";
  bib.tabIndex = 0;
  bib.setAttribute("aria-label", "BibTeX entry");
  const bibH = el("h3", undefined, "BibTeX");
  const bibRow = el("div", "copy-row");
  bibRow.append(bib, copyButton("Copy BibTeX", "the BibTeX entry", () => bib.textContent ?? "", status));

  inner.append(head, linkH, linkRow, plainH, plainRow, bibH, bibRow, status);
  dlg.append(inner);
  document.body.append(dlg);

  let opener: HTMLElement | null = null;
  close.addEventListener("click", () => dlg.close());
  // A click on the backdrop (outside the inner box) closes too.
  dlg.addEventListener("click", (e) => {
    if (e.target === dlg) dlg.close();
  });
  dlg.addEventListener("close", () => {
    opener?.setAttribute("aria-expanded", "false");
    opener?.focus();
    opener = null;
  });

  return {
    el: dlg,
    open(input, from) {
      opener = from;
      title.textContent = `Cite ${input.item ?? input.pageTitle}`;
      linkInput.value = input.url;
      plain.textContent = plainCitation(input);
      bib.textContent = bibtexEntry(input);
      status.textContent = "";
      from.setAttribute("aria-expanded", "true");
      dlg.showModal(); // native modal: Escape closes, focus is contained
      close.focus();
    },
  };
}

export function initCite(): void {
  const links = document.querySelectorAll<HTMLAnchorElement>("a.anchor-link");
  if (!links.length) return;
  const page = readPageCite();
  let dialog: Dialog | null = null;
  for (const a of links) {
    const target = targetOf(a);
    if (!target || a.nextElementSibling?.classList.contains("cite-btn")) continue;
    const label = labelOf(target);
    const b = el("button", "cite-btn", "Cite");
    b.type = "button";
    b.setAttribute("aria-label", `Cite ${label}`);
    b.setAttribute("aria-haspopup", "dialog");
    b.setAttribute("aria-expanded", "false");
    b.dataset.citeTarget = target.id;
    b.addEventListener("click", () => {
      dialog ??= createDialog();
      const { canonical, ...rest } = page;
      dialog.open({ ...rest, item: label, url: `${canonical}#${target.id}` }, b);
    });
    a.after(b);
  }
}

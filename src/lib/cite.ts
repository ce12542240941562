/**
 * Citations of the site, a page, or an item on a page (theorem, equation, figure, section).
 * Pure: no DOM, no Astro; the layout uses it at build time ("Cite this chapter") and the client
 * Cite dialog uses it with values read from the page's meta tags.
 */

/** A person (family + optional given names) or an organisation/collective (literal). */
export type Author = { family: string; given?: string } | { literal: string };

export interface CiteInput {
  /** Label of the cited item, e.g. "Theorem 3.1 (Entropy decay)"; omit to cite the whole page. */
  item?: string;
  /** Label of the page, e.g. "Chapter 3" or "Appendix A"; empty for the home page. */
  pageLabel: string;
  /** Title of the page, e.g. "Entropy decay". */
  pageTitle: string;
  /** Absolute permalink: canonical page URL, plus "#id" when an item is cited. */
  url: string;
  authors: readonly Author[];
  siteTitle: string;
  /** Site version (package.json). */
  version: string;
  /** Build date, YYYY-MM-DD. */
  date: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Year of a YYYY-MM-DD date, or "n.d." when the date is unusable. */
export function yearOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? m[1]! : "n.d.";
}

/** "Chapter 3: Entropy decay", or the bare title when there is no page label. */
export function pageHeading(c: Pick<CiteInput, "pageLabel" | "pageTitle">): string {
  const label = c.pageLabel.trim();
  return label ? `${label}: ${c.pageTitle.trim()}` : c.pageTitle.trim();
}

/** The title of the cited work: the item and its page, or the page alone. */
export function citeTitle(c: CiteInput): string {
  const page = pageHeading(c);
  const item = c.item?.trim();
  return item ? `${item}, in ${page}` : page;
}

function authorPlain(a: Author): string {
  if ("literal" in a) return a.literal;
  const initials = (a.given ?? "")
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((g) => `${g[0]!.toUpperCase()}.`)
    .join(" ");
  return initials ? `${a.family}, ${initials}` : a.family;
}

/** Authors as "A, B, & C" (APA-like). */
export function authorsPlain(authors: readonly Author[]): string {
  const names = authors.map(authorPlain);
  if (names.length <= 1) return names[0] ?? "Anonymous";
  return `${names.slice(0, -1).join(", ")}, & ${names[names.length - 1]}`;
}

/** Plain-text citation, APA-like, with version, build date and permalink. */
export function plainCitation(c: CiteInput): string {
  const title = citeTitle(c);
  const end = /[.?!]$/.test(title) ? "" : ".";
  return `${authorsPlain(c.authors)} (${yearOf(c.date)}). ${title}${end} ${c.siteTitle}, version ${c.version} (${c.date}). ${c.url}`;
}

/** Escapes text for a BibTeX field (LaTeX specials), so that labels cannot break the entry. */
export function escapeBibtex(s: string): string {
  return s.replace(/[\\{}&%$#_~^]/g, (ch) => {
    switch (ch) {
      case "\\": return "\\textbackslash{}";
      case "~": return "\\textasciitilde{}";
      case "^": return "\\textasciicircum{}";
      default: return `\\${ch}`;
    }
  });
}

/** A URL safe inside a braced BibTeX field: braces, backslashes and spaces percent-encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function authorBibtex(a: Author): string {
  if ("literal" in a) return `{${escapeBibtex(a.literal)}}`; // braces: a collective is not "Family, Given"
  return a.given ? `${escapeBibtex(a.family)}, ${escapeBibtex(a.given)}` : escapeBibtex(a.family);
}

/** Citation key: site slug + year + path/id slug, e.g. "selfconsumingloops2026-entropy-decay-thm-entropy-decay". */
export function bibtexKey(c: CiteInput): string {
  const site = c.siteTitle.toLowerCase().replace(/[^a-z0-9]+/g, "");
  let tail = "";
  try {
    const u = new URL(c.url);
    const seg = u.pathname.split("/").filter(Boolean).pop() ?? "";
    tail = [seg, decodeURIComponent(u.hash.slice(1))].filter(Boolean).join("-");
  } catch {
    tail = "";
  }
  const slug = tail.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return [`${site || "site"}${yearOf(c.date).replace(/\D/g, "")}`, slug].filter(Boolean).join("-");
}

/** BibTeX @misc entry; the title names the item and its chapter, the url is the permalink. */
export function bibtexEntry(c: CiteInput): string {
  const m = /^(\d{4})-(\d{2})/.exec(c.date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  const fields: [string, string][] = [
    ["author", `{${c.authors.map(authorBibtex).join(" and ") || "Anonymous"}}`],
    ["title", `{{${escapeBibtex(citeTitle(c))}}}`],
    ["howpublished", `{${escapeBibtex(`${c.siteTitle}, version ${c.version}`)}}`],
    ["year", `{${yearOf(c.date)}}`],
  ];
  if (month) fields.push(["month", month]);
  fields.push(
    ["version", `{${escapeBibtex(c.version)}}`],
    ["url", `{${bibtexUrl(c.url)}}`],
    ["note", `{${escapeBibtex(`Version ${c.version}, built ${c.date}`)}}`],
  );
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join(",\n");
  return `@misc{${bibtexKey(c)},\n${body}\n}`;
}

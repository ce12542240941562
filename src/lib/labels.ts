/**
 * Vocabulary of the site's citable things: kinds, id prefixes, printed labels.
 * Shared by the build plugins (src/plugins/), the label registry and the pages that list labels.
 * Pure: no file system access here (see label-registry.ts for the scan).
 */

/** Theorem-like kinds: they share one counter per chapter (Theorem 3.1, Lemma 3.2, …). */
export const THEOREM_KINDS = [
  "definition",
  "theorem",
  "lemma",
  "proposition",
  "corollary",
  "remark",
  "example",
] as const;
export type TheoremKind = (typeof THEOREM_KINDS)[number];

/** Everything a cross-reference can point to. */
export type LabelKind = TheoremKind | "equation" | "figure" | "section" | "chapter" | "appendix";

/** MDX element name → kind, for the numbered environments. */
export const ELEMENT_KINDS: Readonly<Record<string, TheoremKind | "equation" | "figure">> = {
  Definition: "definition",
  Theorem: "theorem",
  Lemma: "lemma",
  Proposition: "proposition",
  Corollary: "corollary",
  Remark: "remark",
  Example: "example",
  Equation: "equation",
  Figure: "figure",
};

/** Required id prefix per kind (`thm:entropy-decay`). Sections use the heading slug after `sec:`. */
export const KIND_PREFIX: Readonly<Record<LabelKind, string>> = {
  definition: "def",
  theorem: "thm",
  lemma: "lem",
  proposition: "prop",
  corollary: "cor",
  remark: "rem",
  example: "ex",
  equation: "eq",
  figure: "fig",
  section: "sec",
  chapter: "ch",
  appendix: "app",
};

/** Printed name per kind. */
export const KIND_NAME: Readonly<Record<LabelKind, string>> = {
  definition: "Definition",
  theorem: "Theorem",
  lemma: "Lemma",
  proposition: "Proposition",
  corollary: "Corollary",
  remark: "Remark",
  example: "Example",
  equation: "Equation",
  figure: "Figure",
  section: "Section",
  chapter: "Chapter",
  appendix: "Appendix",
};

/** Prefix → kind (inverse of KIND_PREFIX). */
export const PREFIX_KIND: Readonly<Record<string, LabelKind>> = Object.fromEntries(
  (Object.entries(KIND_PREFIX) as [LabelKind, string][]).map(([k, p]) => [p, k]),
);

/** The part after the prefix: lower-case words joined by hyphens (like page slugs). */
export const ID_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Provenance of a theorem-like statement (README: `source`). */
export const PROVENANCES = ["paper", "reconstruction", "literature"] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** Visible text of the provenance badge. */
export const PROVENANCE_TEXT: Readonly<Record<Provenance, string>> = {
  paper: "From the paper",
  reconstruction: "Reconstruction",
  literature: "Literature",
};

export function isTheoremKind(kind: string): kind is TheoremKind {
  return (THEOREM_KINDS as readonly string[]).includes(kind);
}

/** A chapter or appendix page, as read from its frontmatter. */
export interface PageRef {
  collection: "chapters" | "appendices";
  /** Stable URL segment from frontmatter `slug`. */
  slug: string;
  /** Path of the .mdx file relative to the project root (for error messages). */
  file: string;
  title: string;
  shortTitle: string;
  /** "3" for chapter 3, "A" for appendix A: the first part of every number on the page. */
  prefix: string;
  /** Chapter number (chapters) for sorting; appendices sort after chapters by letter. */
  order: number;
  /** Site-relative URL with trailing slash: /chapters/<slug>/ or /appendices/<slug>/. */
  href: string;
}

/** One citable thing of the site. */
export interface LabelEntry {
  /** Site-wide id with prefix: `thm:entropy-decay`, `eq:gini-decay`, `ch:slug`; headings `sec:<heading-slug>` (unique site-wide only if the slug is). */
  id: string;
  kind: LabelKind;
  /** "3.1", "A.2", "3.1.1"; for chapters the chapter number, for appendices the letter. */
  number: string;
  /** What a cross-reference prints: "Theorem 3.1", "(3.1)", "Figure 2.1", "Section 3.2", "Chapter 3". */
  label: string;
  /** What a citation of the element is called (data-cite-label): "Theorem 3.1 (Entropy decay)". */
  citeLabel: string;
  /** Author-given title (theorem-like `title`, figure `caption`, heading text, page title), TeX left raw. */
  title?: string;
  page: PageRef;
  /** The HTML id of the element on its page ("" for pages themselves). */
  anchor: string;
  /** Site-relative URL of the element: /chapters/<slug>/#thm:entropy-decay. */
  href: string;
  /** Provenance of theorem-like blocks. */
  source?: Provenance;
  /** Bibliography keys given with `source="literature"`. */
  cite?: string[];
  /** Position in document order within the page (0-based). */
  order: number;
}

/** Build failure that names the file and the id (or key) at fault. */
export class LabelError extends Error {
  readonly file: string;
  readonly id: string;
  constructor(file: string, id: string, message: string, line?: number) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
    this.name = "LabelError";
    this.file = file;
    this.id = id;
  }
}

/** Cross-reference text: "Theorem 3.1", "(3.1)" for equations, "Chapter 3", "Appendix A". */
export function xrefText(kind: LabelKind, number: string): string {
  return kind === "equation" ? `(${number})` : `${KIND_NAME[kind]} ${number}`;
}

/** data-cite-label text: "Theorem 3.1 (Entropy decay)", "Equation (3.2)", "Figure 2.1", "Section 3.2 (Heading)". */
export function citeLabelText(kind: LabelKind, number: string, title?: string): string {
  if (kind === "equation") return `Equation (${number})`;
  if (kind === "figure") return `Figure ${number}`;
  const base = `${KIND_NAME[kind]} ${number}`;
  return title ? `${base} (${title})` : base;
}

/** Number of the k-th (1-based) item on a page: "3.1" or "A.1". */
export function itemNumber(page: Pick<PageRef, "prefix">, ...parts: number[]): string {
  return [page.prefix, ...parts].join(".");
}

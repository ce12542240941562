/**
 * The site's bibliography: content/references.bib parsed and formatted at build time with citation-js
 * (APA template). In-text labels ("Shumailov et al., 2024") are computed here, with a/b suffixes for
 * equal author labels and years ("Dohmatob et al., 2024a"); the same suffix is written into the
 * formatted entry so the text and the list agree. Cached per file path and mtime.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Cite, type CslData, type CslName } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { displayPath } from "./display-path";

export type CiteMode = "parenthetical" | "narrative";

export interface BibEntry {
  key: string;
  /** CSL-JSON as parsed by citation-js. */
  csl: CslData;
  /** Author part of the in-text label: "Shumailov et al.", "Kimura & Ohta" (parenthetical form). */
  authors: string;
  /** Same for narrative use: "Kimura and Ohta". */
  authorsNarrative: string;
  /** Year with disambiguation suffix: "2024", "2024a", "n.d.". */
  year: string;
  /** Formatted APA entry as HTML (inner HTML of the list item; DOI/URL are links). */
  html: string;
  /** The entry exactly as written in the .bib file. */
  bibtex: string;
  /** Position in the sorted (APA) bibliography. */
  order: number;
}

export interface Bibliography {
  readonly path: string;
  /** Keys in bibliography order (APA: author, year, title). */
  readonly keys: readonly string[];
  has(key: string): boolean;
  /** Entry or an Error naming the key (and `fromFile` when given). */
  entry(key: string, fromFile?: string): BibEntry;
  /** "Shumailov et al., 2024" (parenthetical) or "Shumailov et al. (2024)" (narrative). */
  citeLabel(key: string, mode?: CiteMode): string;
  /** Formatted entry: HTML (DOI/URL links) or plain text. */
  format(key: string, format?: "html" | "text"): string;
  /** The BibTeX source of one entry, as written in references.bib. */
  bibtex(key: string): string;
  /** Milliseconds spent parsing and formatting. */
  readonly buildMs: number;
}

/** Build failure for an unknown key, naming the file that cited it. */
export class CitationError extends Error {
  readonly key: string;
  readonly file: string;
  constructor(file: string, key: string, message: string) {
    super(`${file ? `${file}: ` : ""}${message}`);
    this.name = "CitationError";
    this.key = key;
    this.file = file;
  }
}

function familyOf(n: CslName): string {
  return n.literal ?? ([n["non-dropping-particle"], n.family].filter(Boolean).join(" ") || n.given || "Anon.");
}

/** APA in-text author part. */
export function authorLabel(names: CslName[] | undefined, mode: CiteMode): string {
  const fam = (names ?? []).map(familyOf);
  if (fam.length === 0) return "Anon.";
  if (fam.length === 1) return fam[0] ?? "";
  if (fam.length === 2) return `${fam[0]} ${mode === "narrative" ? "and" : "&"} ${fam[1]}`;
  return `${fam[0]} et al.`;
}

function yearOf(csl: CslData): string {
  const y = csl.issued?.["date-parts"]?.[0]?.[0];
  return y === undefined ? "n.d." : String(y);
}

function monthOf(csl: CslData): number {
  const m = csl.issued?.["date-parts"]?.[0]?.[1];
  return typeof m === "number" ? m : Number(m ?? 0) || 0;
}

/** Title for sorting: leading English articles ignored (APA). */
function sortTitle(csl: CslData): string {
  return String(csl.title ?? "").replace(/^(a|an|the)\s+/i, "").toLowerCase();
}

/** Splits a .bib source into entries, keyed by citation key (comments and @string/@preamble skipped). */
export function splitBibtex(source: string, displayPath = "references.bib"): Map<string, string> {
  const out = new Map<string, string>();
  const re = /@(\w+)\s*[{(]\s*([^,\s]+)\s*,/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const type = (m[1] ?? "").toLowerCase();
    if (type === "comment" || type === "string" || type === "preamble") continue;
    // Count only the entry's own delimiter pair: a "(" inside a braced title is just text.
    const [open, close] = m[0].includes("(") ? ["(", ")"] : ["{", "}"];
    let depth = 0;
    let end = -1;
    for (let i = source.indexOf(open, m.index); i < source.length; i++) {
      const ch = source[i];
      if (ch === open) depth++;
      else if (ch === close && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    // An unclosed entry would otherwise swallow the rest of the file (or loop forever).
    if (end < 0) throw new CitationError(displayPath, m[2] ?? "", `BibTeX entry "${m[2] ?? ""}" is not closed (unbalanced "${open}")`);
    const next = source.slice(m.index + m[0].length, end).search(/\n\s*@\w+\s*[{(]/);
    if (next >= 0) throw new CitationError(displayPath, m[2] ?? "", `BibTeX entry "${m[2] ?? ""}" is not closed before the next entry starts`);
    out.set(m[2] ?? "", source.slice(m.index, end));
    re.lastIndex = end;
  }
  return out;
}

/** Parses and formats a .bib source. Throws on syntax errors and duplicate keys. */
export function buildBibliography(source: string, displayPath = "references.bib"): Bibliography {
  const t0 = performance.now();
  const raw = splitBibtex(source, displayPath);
  const dupCheck = [...source.matchAll(/@(?!comment|string|preamble)\w+\s*[{(]\s*([^,\s]+)\s*,/gi)].map((m) => m[1]);
  const dup = dupCheck.find((k, i) => dupCheck.indexOf(k) !== i);
  if (dup) throw new CitationError(displayPath, dup, `duplicate BibTeX key "${dup}"`);
  let cite: Cite;
  try {
    cite = new Cite(source, { forceType: "@bibtex/text" });
  } catch (err) {
    throw new CitationError(displayPath, "", `cannot parse BibTeX: ${(err as Error).message}`);
  }
  const byKey = new Map(cite.data.map((d) => [d.id, d]));
  const formatted = cite.format("bibliography", {
    format: "html",
    template: "apa",
    lang: "en-US",
    asEntryArray: true,
    hyperlinks: true,
  });

  // Disambiguation: same author label and year → a, b, … ordered by month, then title (APA).
  const groups = new Map<string, CslData[]>();
  for (const d of cite.data) {
    const k = `${authorLabel(d.author ?? d.editor, "parenthetical")}|${yearOf(d)}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  const suffix = new Map<string, string>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list
      .sort((a, b) => monthOf(a) - monthOf(b) || sortTitle(a).localeCompare(sortTitle(b)) || a.id.localeCompare(b.id))
      .forEach((d, i) => suffix.set(d.id, String.fromCharCode(97 + i)));
  }

  const entries = new Map<string, BibEntry>();
  formatted.forEach(([key, html], order) => {
    const csl = byKey.get(key);
    if (!csl) return;
    const year = yearOf(csl) + (suffix.get(key) ?? "");
    const inner = html
      .trim()
      .replace(/^<div[^>]*>/, "")
      .replace(/<\/div>$/, "")
      // citeproc disambiguates on its own terms; impose our suffix on the first "(year…)" of the entry
      .replace(/\((\d{4}|n\.d\.)[a-z]?(?=[),])/, `(${year}`)
      .replace(/&#38;/g, "&amp;");
    entries.set(key, {
      key,
      csl,
      authors: authorLabel(csl.author ?? csl.editor, "parenthetical"),
      authorsNarrative: authorLabel(csl.author ?? csl.editor, "narrative"),
      year,
      html: inner,
      bibtex: raw.get(key) ?? "",
      order,
    });
  });
  const keys = [...entries.keys()];
  let text: Map<string, string> | undefined;

  const entry = (key: string, fromFile?: string): BibEntry => {
    const e = entries.get(key);
    if (!e) throw new CitationError(fromFile ?? "", key, `unknown citation key "${key}" (not in ${displayPath})`);
    return e;
  };
  return {
    path: displayPath,
    keys,
    buildMs: performance.now() - t0,
    has: (key) => entries.has(key),
    entry,
    citeLabel(key, mode = "parenthetical") {
      const e = entry(key);
      return mode === "narrative" ? `${e.authorsNarrative} (${e.year})` : `${e.authors}, ${e.year}`;
    },
    format(key, format = "html") {
      const e = entry(key);
      if (format === "html") return e.html;
      text ??= new Map(
        cite
          .format("bibliography", { format: "text", template: "apa", lang: "en-US", asEntryArray: true })
          .map(([k, t]) => {
            const y = entries.get(k)?.year ?? "";
            return [k, t.trim().replace(/\((\d{4}|n\.d\.)[a-z]?(?=[),])/, `(${y}`)];
          }),
      );
      return text.get(key) ?? "";
    },
    bibtex: (key) => entry(key).bibtex,
  };
}

// Shared across module copies in one process (Astro config and bundled pages), like the label registry.
const cache = ((globalThis as Record<symbol, unknown>)[Symbol.for("scl.bibliography.v1")] ??= new Map()) as Map<
  string,
  { mtimeMs: number; size: number; bib: Bibliography }
>;

/** The site's bibliography (default <cwd>/content/references.bib), cached until the file changes. */
export function getBibliography(bibPath?: string): Bibliography {
  const abs = path.resolve(bibPath ?? path.join(process.cwd(), "content", "references.bib"));
  const st = statSync(abs);
  const hit = cache.get(abs);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.bib;
  const display = displayPath(abs);
  const bib = buildBibliography(readFileSync(abs, "utf8"), display);
  cache.set(abs, { mtimeMs: st.mtimeMs, size: st.size, bib });
  return bib;
}

/** Formatted entry of the site bibliography by key (HTML with links, or plain text). */
export function formatReference(key: string, format: "html" | "text" = "html"): string {
  return getBibliography().format(key, format);
}

/** BibTeX source of one entry of the site bibliography. */
export function bibtexFor(key: string): string {
  return getBibliography().bibtex(key);
}

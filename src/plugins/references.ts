/**
 * Inline references of a page: cross-references (`@thm:x`) and citations (`[@a; @b, p. 3]`, `@a`),
 * and the reference list built from what the page cites. Used by remark-scholarly.
 */
import type { ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Nodes } from "mdast";
import type { Bibliography } from "../lib/bibliography";
import type { LabelRegistry } from "../lib/label-registry";
import { KIND_PREFIX, LabelError, type LabelEntry, type PageRef } from "../lib/labels";
import { h, span, text, type AnyNode, type HNode } from "./mdast-build";

/** What the transforms of one page share. */
export interface Ctx {
  /** Path shown in errors. */
  file: string;
  /** The chapter or appendix being compiled (undefined for other pages). */
  page?: PageRef;
  registry: LabelRegistry;
  bib: Bibliography;
  /** Keys cited so far, in order of first citation. */
  cited: string[];
}

export function lineOf(node: { position?: Nodes["position"] } | undefined): number | undefined {
  return node?.position?.start.line;
}

const KEY = "[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*";
const ITEM = `@${KEY}(?:\\s*,[^;\\[\\]]*)?`;
const PREFIXES = Object.values(KIND_PREFIX).join("|");
/** 1,2: xref prefix and name; 3: bracketed citation items; 4: narrative key. */
const TOKEN = new RegExp(
  `(?<![\\w@.])@(${PREFIXES}):([a-z0-9]+(?:-[a-z0-9]+)*)` +
    `|\\[\\s*(${ITEM}(?:\\s*;\\s*${ITEM})*)\\s*\\]` +
    `|(?<![\\w@.])@(${KEY})`,
  "g",
);

/** Escaped at-signs in Markdown source: \@, &#64;, &#x40;, &commat;. */
const ESCAPED_AT = /\\@|&#0*64;|&#x0*40;|&commat;/i;

/** Whether `token` occurs in `source` without a backslash before it. */
function unescapedIn(source: string, token: string): boolean {
  for (let i = source.indexOf(token); i !== -1; i = source.indexOf(token, i + 1)) {
    if (source[i - 1] !== "\\") return true;
  }
  return false;
}



export function cite(ctx: Ctx, key: string, line: number | undefined): void {
  if (!ctx.bib.has(key)) {
    throw new LabelError(
      ctx.file,
      key,
      `unknown citation key "${key}" (not in ${ctx.bib.path}; for a literal @ write \\@ or &#64;)`,
      line,
    );
  }
  if (!ctx.cited.includes(key)) ctx.cited.push(key);
}

export function citeRef(key: string, label: string): HNode {
  return h("a", { className: ["cite-ref"], href: `#ref-${key}`, dataCiteKey: key }, [text(label)]);
}

export function xrefLink(ctx: Ctx, entry: LabelEntry): HNode {
  const samePage = ctx.page && entry.page.href === ctx.page.href && entry.anchor;
  const href = samePage ? `#${entry.anchor}` : entry.href;
  return h("a", { className: ["xref"], href, dataXref: entry.id }, [text(entry.label)]);
}

/**
 * Replaces `@…` tokens in one text value by xref links and citations. `source` is the node's Markdown
 * source when known: a token absent from it came from an escape (`\@`, `&#64;`) and stays literal.
 */
export function expandText(ctx: Ctx, value: string, line: number | undefined, source?: string): AnyNode[] | undefined {
  TOKEN.lastIndex = 0;
  if (!value.includes("@")) return undefined;
  const out: AnyNode[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(value))) {
    if (source !== undefined && ESCAPED_AT.test(source) && !unescapedIn(source, m[0])) continue;
    if (m.index > last) out.push(text(value.slice(last, m.index)));
    last = m.index + m[0].length;
    if (m[1] && m[2]) {
      out.push(xrefLink(ctx, ctx.registry.resolve(`${m[1]}:${m[2]}`, ctx.file, line)));
    } else if (m[3]) {
      const parts: AnyNode[] = [text("(")];
      m[3].split(";").forEach((item, i) => {
        const im = /^\s*@([^,\s]+)\s*(?:,\s*(.*?))?\s*$/s.exec(item);
        const key = im?.[1] ?? "";
        cite(ctx, key, line);
        if (i > 0) parts.push(text("; "));
        parts.push(citeRef(key, ctx.bib.citeLabel(key, "parenthetical")));
        if (im?.[2]) parts.push(text(`, ${im[2]}`));
      });
      parts.push(text(")"));
      out.push(span("citation", parts));
    } else if (m[4]) {
      cite(ctx, m[4], line);
      out.push(span("citation", [citeRef(m[4], ctx.bib.citeLabel(m[4], "narrative"))]));
    }
  }
  if (last === 0) return undefined;
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

export function referenceItems(ctx: Ctx, keys: readonly string[]): HNode {
  const items = [...keys]
    .sort((a, b) => ctx.bib.entry(a).order - ctx.bib.entry(b).order)
    .map((key) => {
      const li = h("li", { className: ["reference"], id: `ref-${key}` });
      li.data.hChildren = fromHtml(ctx.bib.format(key, "html"), { fragment: true }).children as ElementContent[];
      return li;
    });
  return h("ol", { className: ["reference-list"] }, items);
}

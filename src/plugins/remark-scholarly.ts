/**
 * remark plugin: the scholarly machinery of a page, at build time.
 *  - numbered environments (<Theorem>, <Equation>, <Figure>, …), <Proof>, h2/h3 section numbers;
 *  - cross-references `@thm:x`, `@eq:x`, `@ch:slug`, … resolved against the site-wide label registry;
 *  - citations `[@a; @b]`, `[@a, p. 3]`, `@a` from content/references.bib;
 *  - the per-page reference list and the <Bibliography /> element.
 * Output is plain HTML through mdast `data.hName` (see /work/html-contract.md and README).
 * Every error throws, naming the file (and line) and the id or key at fault.
 */
import path from "node:path";
import type { Heading, Nodes, Parent, PhrasingContent, Root } from "mdast";
import { fromHtml } from "hast-util-from-html";
import type { ElementContent } from "hast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { getBibliography, type Bibliography } from "../lib/bibliography";
import { getLabelRegistry, type LabelRegistry } from "../lib/label-registry";
import {
  ELEMENT_KINDS,
  KIND_PREFIX,
  LabelError,
  PROVENANCE_TEXT,
  isTheoremKind,
  type LabelEntry,
  type PageRef,
} from "../lib/labels";
import { collectPageLabels, readAttributes, type MdxElement } from "../lib/numbering";
import {
  anchorLink,
  displayMath,
  h,
  paragraph,
  parseInline,
  replaceNode,
  span,
  text,
  type AnyNode,
  type HNode,
} from "./mdast-build";

export interface ScholarlyOptions {
  /** Directory with chapters/ and appendices/ (default <cwd>/content). */
  contentDir?: string;
  /** BibTeX file (default <cwd>/content/references.bib). */
  bibPath?: string;
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

interface Ctx {
  file: string;
  page?: PageRef;
  registry: LabelRegistry;
  bib: Bibliography;
  cited: string[];
}

function lineOf(node: { position?: Nodes["position"] } | undefined): number | undefined {
  return node?.position?.start.line;
}

function stripPositions(nodes: PhrasingContent[]): PhrasingContent[] {
  visit({ type: "root", children: nodes } as Root, (n) => {
    delete (n as { position?: unknown }).position;
  });
  return nodes;
}

function cite(ctx: Ctx, key: string, line: number | undefined): void {
  if (!ctx.bib.has(key)) {
    throw new LabelError(ctx.file, key, `unknown citation key "${key}" (not in ${ctx.bib.path})`, line);
  }
  if (!ctx.cited.includes(key)) ctx.cited.push(key);
}

function citeRef(key: string, label: string): HNode {
  return h("a", { className: ["cite-ref"], href: `#ref-${key}`, dataCiteKey: key }, [text(label)]);
}

function xrefLink(ctx: Ctx, entry: LabelEntry): HNode {
  const samePage = ctx.page && entry.page.href === ctx.page.href && entry.anchor;
  const href = samePage ? `#${entry.anchor}` : entry.href;
  return h("a", { className: ["xref"], href, dataXref: entry.id }, [text(entry.label)]);
}

/** Replaces `@…` tokens in one text value by xref links and citations. */
function expandText(ctx: Ctx, value: string, line: number | undefined): AnyNode[] | undefined {
  TOKEN.lastIndex = 0;
  if (!value.includes("@")) return undefined;
  const out: AnyNode[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(value))) {
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

function provenanceBadge(ctx: Ctx, entry: LabelEntry, line: number | undefined): HNode {
  const source = entry.source ?? "reconstruction";
  const children: AnyNode[] = [text(PROVENANCE_TEXT[source])];
  if (source === "literature") {
    const keys = entry.cite ?? [];
    const refs: AnyNode[] = [];
    keys.forEach((key, i) => {
      cite(ctx, key, line);
      if (i > 0) refs.push(text("; "));
      refs.push(citeRef(key, ctx.bib.citeLabel(key, "parenthetical")));
    });
    children.push(text(": "), span("citation", refs));
  }
  return span(["provenance", `provenance-${source}`], children);
}

function renderTheorem(ctx: Ctx, node: MdxElement, entry: LabelEntry): void {
  const attrs = readAttributes(node, ctx.file);
  const head: AnyNode[] = [span("env-label", [text(entry.label)], { id: `${entry.id}-label` })];
  if (attrs.title) {
    head.push(text(" "), span("env-title", [text("("), ...stripPositions(parseInline(attrs.title)), text(")")]));
  }
  head.push(text(" "), provenanceBadge(ctx, entry, lineOf(node)), anchorLink(entry.id, entry.citeLabel));
  const kind = entry.kind;
  replaceNode(
    node,
    h(
      "div",
      {
        className: ["env", `env-${kind}`],
        id: entry.id,
        dataCiteLabel: entry.citeLabel,
        role: "group",
        ariaLabelledBy: [`${entry.id}-label`],
      },
      [paragraph("env-head", head), ...(node.children as AnyNode[])],
    ),
  );
}

function renderEquation(ctx: Ctx, node: MdxElement, entry: LabelEntry): void {
  const maths: { value: string }[] = [];
  let other = false;
  visit(node as Parent, (child) => {
    const n = child as { type: string; value?: string };
    if (n === (node as unknown)) return;
    if (n.type === "math" || n.type === "inlineMath") {
      maths.push({ value: n.value ?? "" });
      return SKIP;
    }
    if (n.type === "text" && !n.value?.trim()) return;
    if (n.type !== "paragraph") other = true;
  });
  if (maths.length !== 1 || other) {
    throw new LabelError(
      ctx.file,
      entry.id,
      `<Equation id="${entry.id}"> must contain exactly one $$…$$ block and nothing else`,
      lineOf(node),
    );
  }
  const tex = maths[0]?.value ?? "";
  if (/\\tag\*?\s*\{/.test(tex) || /\\(?:notag|nonumber)\b/.test(tex)) {
    throw new LabelError(ctx.file, entry.id, `<Equation id="${entry.id}">: do not write \\tag; the number is added`, lineOf(node));
  }
  replaceNode(
    node,
    h("div", { className: ["equation"], id: entry.id, dataCiteLabel: entry.citeLabel }, [
      displayMath(`${tex}\n\\tag{${entry.number}}`) as AnyNode,
      anchorLink(entry.id, entry.citeLabel),
    ]),
  );
}

function renderFigure(ctx: Ctx, node: MdxElement, entry: LabelEntry): void {
  const attrs = readAttributes(node, ctx.file);
  const caption = h("figcaption", {}, [
    span("env-label", [text(`${entry.label}.`)]),
    text(" "),
    ...stripPositions(parseInline(attrs.caption ?? "")),
    text(" "),
    anchorLink(entry.id, entry.citeLabel),
  ]);
  replaceNode(
    node,
    h("figure", { className: ["figure"], id: entry.id, dataCiteLabel: entry.citeLabel }, [
      ...(node.children as AnyNode[]),
      caption,
    ]),
  );
}

function renderHeading(node: Heading, entry: LabelEntry): void {
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: entry.anchor, dataCiteLabel: entry.citeLabel } };
  node.children = [
    span("secnum", [text(entry.number)]) as unknown as PhrasingContent,
    text(" "),
    ...node.children,
    anchorLink(entry.anchor, entry.citeLabel) as unknown as PhrasingContent,
  ];
}

function renderProof(ctx: Ctx, node: MdxElement): void {
  const attrs = readAttributes(node, ctx.file);
  const head: AnyNode[] = [span("env-label", [text("Proof")])];
  if (attrs.of) {
    const target = ctx.registry.resolve(attrs.of, ctx.file, lineOf(node));
    head.push(text(" (of "), xrefLink(ctx, target), text(")."));
  } else {
    head.push(text("."));
  }
  const body = [...(node.children as AnyNode[])];
  const qed = span("qed", [text("∎")], { ariaHidden: "true" });
  const last = body[body.length - 1];
  if (last && last.type === "paragraph") last.children.push(text(" "), qed as unknown as PhrasingContent);
  else body.push(paragraph("qed-line", [qed]));
  replaceNode(node, h("div", { className: ["env", "env-proof"] }, [paragraph("env-head", head), ...body]));
}

function referenceItems(ctx: Ctx, keys: readonly string[]): HNode {
  const items = [...keys]
    .sort((a, b) => ctx.bib.entry(a).order - ctx.bib.entry(b).order)
    .map((key) => {
      const li = h("li", { className: ["reference"], id: `ref-${key}` });
      li.data.hChildren = fromHtml(ctx.bib.format(key, "html"), { fragment: true }).children as ElementContent[];
      return li;
    });
  return h("ol", { className: ["reference-list"] }, items);
}

/** The remark plugin (attach in astro.config.mjs `markdown.remarkPlugins`, after remark-math). */
export default function remarkScholarly(options: ScholarlyOptions = {}) {
  return function transform(tree: Root, vfile: VFile): void {
    const abs = vfile.path ? path.resolve(vfile.path) : "";
    const registry = getLabelRegistry({ contentDir: options.contentDir });
    const bib = getBibliography(options.bibPath);
    const page = abs ? registry.pageForFile(abs) : undefined;
    const file = page?.file ?? (abs ? path.relative(process.cwd(), abs).split(path.sep).join("/") : "<input>");
    const ctx: Ctx = { file, page, registry, bib, cited: [] };

    // 1. Numbered environments and headings (chapters and appendices only).
    if (page) {
      const collected = collectPageLabels(tree, page);
      const known = registry.itemsForFile(abs);
      collected.items.forEach(({ node, entry }, i) => {
        const reg = known[i];
        if (!reg || reg.kind !== entry.kind || (entry.kind !== "section" && reg.id !== entry.id)) {
          throw new LabelError(file, entry.id, `label registry is out of date for this file (restart the dev server)`);
        }
        if (node.type === "heading") renderHeading(node, reg); // registry slug: stable across remark plugins
        else if (isTheoremKind(entry.kind)) renderTheorem(ctx, node, reg);
        else if (entry.kind === "equation") renderEquation(ctx, node, reg);
        else renderFigure(ctx, node, reg);
      });
    } else {
      visit(tree, (node) => {
        if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && ELEMENT_KINDS[node.name ?? ""]) {
          throw new LabelError(file, node.name ?? "", `<${node.name}> is only allowed in content/chapters and content/appendices`, lineOf(node));
        }
      });
    }

    // 2. Proofs and the Bibliography element (any page).
    let bibliographyNode: MdxElement | undefined;
    visit(tree, (node) => {
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      if (node.name === "Proof") renderProof(ctx, node);
      else if (node.name === "Bibliography") {
        readAttributes(node, file);
        bibliographyNode = node;
        return SKIP;
      }
    });

    // 3. Cross-references and citations in text (not inside links or code).
    visit(tree, (node, index, parent) => {
      if (node.type === "link" || node.type === "linkReference") return SKIP;
      if (node.type !== "text" || !parent || index === undefined) return;
      const replacement = expandText(ctx, node.value, lineOf(node));
      if (!replacement) return;
      (parent.children as AnyNode[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });

    // 4. Full bibliography, or the per-page list of what the page cites.
    if (bibliographyNode) {
      replaceNode(bibliographyNode, h("section", { className: ["references", "bibliography"], ariaLabel: "Bibliography" }, [referenceItems(ctx, bib.keys)]));
    } else if (ctx.cited.length > 0) {
      (tree.children as AnyNode[]).push(
        h("section", { className: ["references"], ariaLabelledBy: ["references"] }, [
          h("h2", { id: "references" }, [text("References")]),
          referenceItems(ctx, ctx.cited),
        ]),
      );
    }
    (vfile.data as Record<string, unknown>).scholarly = { page: page?.slug, cited: [...ctx.cited] };
  };
}

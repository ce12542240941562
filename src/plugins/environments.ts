/**
 * Rendering of the numbered environments, proofs and numbered headings into the HTML of the contract
 * (/work/html-contract.md), as mdast nodes carrying `data.hName`. Used by remark-scholarly.
 */
import type { Heading, Parent, PhrasingContent, Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import { LabelError, PROVENANCE_TEXT, type LabelEntry } from "../lib/labels";
import { readAttributes, type MdxElement } from "../lib/numbering";
import { anchorLink, displayMath, h, paragraph, parseInline, replaceNode, span, text, type AnyNode, type HNode } from "./mdast-build";
import { cite, citeRef, lineOf, xrefLink, type Ctx } from "./references";

function stripPositions(nodes: PhrasingContent[]): PhrasingContent[] {
  visit({ type: "root", children: nodes } as Root, (n) => {
    delete (n as { position?: unknown }).position;
  });
  return nodes;
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

const FLOW = new Set(["paragraph", "heading", "list", "blockquote", "code", "math", "table", "thematicBreak", "html", "mdxJsxFlowElement", "mdxFlowExpression", "scholarly"]);

/** Body of an environment as blocks: one-line `<Remark …>Text.</Remark>` gets its paragraph. */
function bodyBlocks(node: MdxElement): AnyNode[] {
  const kids = node.children as AnyNode[];
  const phrasing = kids.filter((k) => !FLOW.has(k.type));
  if (phrasing.length === 0) return kids;
  if (phrasing.length === kids.length) return [{ type: "paragraph", children: kids } as AnyNode];
  return kids;
}

export function renderTheorem(ctx: Ctx, node: MdxElement, entry: LabelEntry): void {
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
      [paragraph("env-head", head), ...bodyBlocks(node)],
    ),
  );
}

export function renderEquation(ctx: Ctx, node: MdxElement, entry: LabelEntry): void {
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

export function renderFigure(ctx: Ctx, node: MdxElement, entry: LabelEntry): void {
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

export function renderHeading(node: Heading, entry: LabelEntry): void {
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: entry.anchor, dataCiteLabel: entry.citeLabel } };
  node.children = [
    span("secnum", [text(entry.number)]) as unknown as PhrasingContent,
    text(" "),
    ...node.children,
    anchorLink(entry.anchor, entry.citeLabel) as unknown as PhrasingContent,
  ];
}

export function renderProof(ctx: Ctx, node: MdxElement): void {
  const attrs = readAttributes(node, ctx.file);
  const head: AnyNode[] = [span("env-label", [text("Proof")])];
  if (attrs.of) {
    const target = ctx.registry.resolve(attrs.of, ctx.file, lineOf(node));
    head.push(text(" (of "), xrefLink(ctx, target), text(")."));
  } else {
    head.push(text("."));
  }
  const body = bodyBlocks(node);
  const qed = span("qed", [text("∎")], { ariaHidden: "true" });
  const last = body[body.length - 1];
  if (last && last.type === "paragraph") last.children.push(text(" "), qed as unknown as PhrasingContent);
  else body.push(paragraph("qed-line", [qed]));
  replaceNode(node, h("div", { className: ["env", "env-proof"] }, [paragraph("env-head", head), ...body]));
}

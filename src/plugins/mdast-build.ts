/**
 * Small builders for mdast nodes that carry their HTML shape in `data.hName/hProperties/hChildren`,
 * so mdast-util-to-hast (used by MDX and by remark-rehype) emits plain HTML: no runtime components.
 */
import type { Element as HastElement, ElementContent, Properties } from "hast";
import type { Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** A container rendered as `hName` with `hProperties`; the type name is ours (unknown to mdast). */
export interface HNode {
  type: "scholarly";
  data: { hName: string; hProperties?: Properties; hChildren?: ElementContent[] };
  children: (RootContent | HNode)[];
  position?: RootContent["position"];
}

export type AnyNode = RootContent | HNode;

export function h(hName: string, hProperties: Properties, children: AnyNode[] = []): HNode {
  return { type: "scholarly", data: { hName, hProperties }, children };
}

export function text(value: string): PhrasingContent {
  return { type: "text", value };
}

export function span(className: string | string[], children: AnyNode[], extra: Properties = {}): HNode {
  return h("span", { className: Array.isArray(className) ? className : [className], ...extra }, children);
}

export function anchorLink(id: string, citeLabel: string): HNode {
  return h("a", { className: ["anchor-link"], href: `#${id}`, ariaLabel: `Permalink to ${citeLabel}` });
}

export function paragraph(className: string, children: AnyNode[]): Paragraph {
  return {
    type: "paragraph",
    data: { hProperties: { className: [className] } },
    children: children as PhrasingContent[],
  } as Paragraph;
}

/** A display-math node in the shape remark-math produces, so rehype-katex renders it. */
export function displayMath(tex: string): RootContent {
  const code: HastElement = {
    type: "element",
    tagName: "code",
    properties: { className: ["language-math", "math-display"] },
    children: [{ type: "text", value: tex }],
  };
  return { type: "math", value: tex, data: { hName: "pre", hChildren: [code] } } as RootContent;
}

const inlineParser = unified().use(remarkParse).use(remarkMath);

/** Parses an attribute string (title, caption) as inline Markdown with $…$ math. */
export function parseInline(source: string): PhrasingContent[] {
  const root = inlineParser.runSync(inlineParser.parse(source)) as Root;
  const out: PhrasingContent[] = [];
  for (const block of root.children) {
    if (block.type !== "paragraph") continue;
    if (out.length) out.push(text(" "));
    out.push(...block.children);
  }
  return out;
}

/** Replaces a node's content in place (keeps the object identity its parent holds). */
export function replaceNode(node: object, replacement: AnyNode): void {
  const target = node as Record<string, unknown>;
  const position = target.position;
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, replacement, position ? { position } : {});
}

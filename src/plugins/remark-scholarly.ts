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
import type { Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { getBibliography } from "../lib/bibliography";
import { getLabelRegistry } from "../lib/label-registry";
import { ELEMENT_KINDS, LabelError, isTheoremKind } from "../lib/labels";
import { collectPageLabels, readAttributes, type MdxElement } from "../lib/numbering";
import { renderEquation, renderFigure, renderHeading, renderProof, renderTheorem } from "./environments";
import { h, replaceNode, text, type AnyNode } from "./mdast-build";
import { expandText, lineOf, referenceItems, type Ctx } from "./references";
import { displayPath } from "../lib/display-path";

export interface ScholarlyOptions {
  /** Directory with chapters/ and appendices/ (default <cwd>/content). */
  contentDir?: string;
  /** BibTeX file (default <cwd>/content/references.bib). */
  bibPath?: string;
}

/** The remark plugin (attach in astro.config.mjs `markdown.remarkPlugins`, after remark-math). */
export default function remarkScholarly(options: ScholarlyOptions = {}) {
  return function transform(tree: Root, vfile: VFile): void {
    const abs = vfile.path ? path.resolve(vfile.path) : "";
    const registry = getLabelRegistry({ contentDir: options.contentDir });
    const bib = getBibliography(options.bibPath);
    const page = abs ? registry.pageForFile(abs) : undefined;
    const file = page?.file ?? (abs ? displayPath(abs) : "<input>");
    const ctx: Ctx = { file, page, registry, bib, cited: [] };
    const sourceText = typeof vfile.value === "string" ? vfile.value : undefined;

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
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const source = start !== undefined && end !== undefined && sourceText ? sourceText.slice(start, end) : undefined;
      const replacement = expandText(ctx, node.value, lineOf(node), source);
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

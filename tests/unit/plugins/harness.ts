/**
 * Test harness: compiles MDX with @mdx-js/mdx and the site's plugins in the order Astro uses
 * (remark-math, remarkScholarly; rehypeKatexStrict), and captures the HTML of the final hast.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createProcessor } from "@mdx-js/mdx";
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import remarkMath from "remark-math";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { splitFrontmatter } from "../../../src/lib/label-registry";
import { rehypeKatexStrict, remarkScholarly } from "../../../src/plugins/index";

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
export const SITE = path.join(FIXTURES, "site", "content");
export const BIB = path.join(FIXTURES, "references.bib");
export const REAL_BIB = path.join(FIXTURES, "..", "..", "..", "content", "references.bib");

export interface RenderOptions {
  contentDir?: string;
  bibPath?: string;
}

/** Lower-case MDX JSX (`<p>`) to plain elements so hast-util-to-html can print the tree. */
function jsxToElements(tree: Root): Root {
  tree.children = tree.children.filter((n) => (n.type as string) !== "mdxjsEsm"); // imports: not HTML
  visit(tree, (node) => {
    const n = node as unknown as { type: string; name?: string; attributes?: { name: string; value: unknown }[] };
    if (n.type !== "mdxJsxFlowElement" && n.type !== "mdxJsxTextElement") return;
    const props = Object.fromEntries(
      (n.attributes ?? []).map((a) => [a.name, typeof a.value === "object" && a.value ? String((a.value as { value: unknown }).value) : String(a.value)]),
    );
    Object.assign(n, { type: "element", tagName: n.name ?? "div", properties: props });
  });
  return tree;
}

/** Compiles `source` as if it were the file at `filePath`; returns the page HTML. */
export async function renderMdx(source: string, filePath: string, opts: RenderOptions = {}): Promise<string> {
  let html = "";
  const capture = () => (tree: Root) => {
    html = toHtml(jsxToElements(tree));
  };
  const processor = createProcessor({
    remarkPlugins: [remarkMath, [remarkScholarly, { contentDir: opts.contentDir ?? SITE, bibPath: opts.bibPath ?? BIB }]],
    rehypePlugins: [rehypeKatexStrict, capture],
  });
  const { body } = splitFrontmatter(source);
  await processor.process(new VFile({ value: body, path: filePath }));
  return html;
}

/** Renders a fixture file from disk. */
export function renderFile(filePath: string, opts: RenderOptions = {}): Promise<string> {
  return renderMdx(readFileSync(filePath, "utf8"), filePath, opts);
}

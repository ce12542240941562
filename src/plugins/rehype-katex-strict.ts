/**
 * rehype plugin: KaTeX at build time with the shared macros, failing the build on invalid TeX.
 * rehype-katex only records a vfile message and ships red error text; this wrapper runs it, then throws
 * if it reported anything or if any `.katex-error` element is left in the tree.
 */
import type { Element, Root } from "hast";
import rehypeKatex, { type Options as KatexOptions } from "rehype-katex";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { katexMacros } from "../lib/katex-macros";

export class TexError extends Error {
  readonly file: string;
  readonly tex: string;
  constructor(file: string, tex: string, message: string, line?: number) {
    super(`${file}${line ? `:${line}` : ""}: invalid TeX ${JSON.stringify(tex.slice(0, 120))}: ${message}`);
    this.name = "TexError";
    this.file = file;
    this.tex = tex;
  }
}

function textOf(node: Element | Root): string {
  let s = "";
  visit(node, "text", (t) => {
    s += t.value;
  });
  return s;
}

export default function rehypeKatexStrict(options: Omit<KatexOptions, "macros" | "throwOnError"> = {}) {
  return function transform(tree: Root, file: VFile): void {
    const name = file.path ? file.path.replace(process.cwd() + "/", "") : "<input>";
    const before = file.messages.length;
    // Fresh macros per file: KaTeX writes \gdef into the object, which must not leak between pages.
    const run = rehypeKatex({ ...options, macros: katexMacros() }) as unknown as (t: Root, f: VFile) => void;
    run(tree, file);
    const fresh = file.messages.slice(before).filter((m) => m.source === "rehype-katex");
    const first = fresh[0];
    if (first) {
      const anc = first.ancestors?.[first.ancestors.length - 1] as Element | undefined;
      const tex = anc ? textOf(anc) : "";
      const cause = first.cause instanceof Error ? first.cause.message : first.reason;
      const placed = [...(first.ancestors ?? [])].reverse().find((a) => a.position)?.position;
      throw new TexError(name, tex, cause, first.line ?? placed?.start.line);
    }
    visit(tree, "element", (el) => {
      const cls = el.properties?.className;
      if (Array.isArray(cls) && cls.includes("katex-error")) {
        throw new TexError(name, String(el.properties?.title ?? textOf(el)), "KaTeX error output in page", el.position?.start.line);
      }
    });
  };
}

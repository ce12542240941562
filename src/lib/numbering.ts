/**
 * Numbering of one page: walks a parsed MDX tree (mdast) in document order and assigns numbers to
 * the numbered environments and the h2/h3 headings. The label registry (scan of every page) and the
 * remark plugin (rendering of one page) both call this, so both always agree on the numbers.
 */
import GithubSlugger from "github-slugger";
import type { Heading, Nodes, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import {
  ELEMENT_KINDS,
  ID_NAME_PATTERN,
  KIND_PREFIX,
  LabelError,
  PROVENANCES,
  citeLabelText,
  isTheoremKind,
  itemNumber,
  xrefText,
  type LabelEntry,
  type PageRef,
  type Provenance,
} from "./labels";

export type MdxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Attributes each scholarly element accepts (anything else is a typo and fails the build). */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    Object.entries(ELEMENT_KINDS).map(([name, kind]) => [
      name,
      isTheoremKind(kind) ? ["id", "title", "source", "cite"] : kind === "figure" ? ["id", "caption"] : ["id"],
    ]),
  ),
  Proof: ["of"],
  Bibliography: [],
};

/** Ids reserved on every page (the appended reference list uses #references). */
export const RESERVED_SLUGS = ["references"];

export interface CollectedItem {
  node: MdxElement | Heading;
  entry: LabelEntry;
}

export interface CollectedPage {
  page: PageRef;
  /** Environments and h2/h3 headings, in document order. */
  items: CollectedItem[];
}

function lineOf(node: Nodes): number | undefined {
  return node.position?.start.line;
}

/** Reads the string attributes of an MDX element; non-string values and unknown names fail. */
export function readAttributes(node: MdxElement, file: string): Record<string, string> {
  const name = node.name ?? "";
  const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
  const out: Record<string, string> = {};
  for (const attr of node.attributes) {
    if (attr.type !== "mdxJsxAttribute") {
      throw new LabelError(file, name, `<${name}>: spread attributes are not supported`, lineOf(node));
    }
    if (!allowed.includes(attr.name)) {
      throw new LabelError(
        file,
        name,
        `<${name}>: unknown attribute "${attr.name}" (allowed: ${allowed.join(", ") || "none"})`,
        lineOf(node),
      );
    }
    if (typeof attr.value !== "string") {
      throw new LabelError(
        file,
        name,
        `<${name}>: attribute "${attr.name}" must be a plain string, like ${attr.name}="…"`,
        lineOf(node),
      );
    }
    out[attr.name] = attr.value;
  }
  return out;
}

/** Splits `cite="a; b"` / `cite="a, b"` into keys. */
export function splitKeys(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[;,\s]+/)
    .map((k) => k.replace(/^@/, ""))
    .filter(Boolean);
}

/** Plain text of an attribute that may hold inline Markdown/TeX ("Decay of $G_t$" → "Decay of G_t"). */
export function plainTitle(s: string): string {
  return s.replace(/\$+/g, "").replace(/[*_`]{1,2}([^*_`]+)[*_`]{1,2}/g, "$1").replace(/\s+/g, " ").trim();
}

/** Validates an environment id: present, right prefix, lower-case hyphenated name. */
function checkId(node: MdxElement, id: string | undefined, prefix: string, file: string): string {
  const name = node.name ?? "";
  if (!id) {
    throw new LabelError(file, "", `<${name}> needs an explicit id="${prefix}:…"`, lineOf(node));
  }
  const [p, rest] = id.split(/:(.*)/s, 2) as [string, string | undefined];
  if (p !== prefix || rest === undefined) {
    throw new LabelError(file, id, `<${name} id="${id}">: the id of a ${name} must start with "${prefix}:"`, lineOf(node));
  }
  if (!ID_NAME_PATTERN.test(rest)) {
    throw new LabelError(
      file,
      id,
      `<${name} id="${id}">: after "${prefix}:" use lower-case words joined by hyphens (a-z, 0-9, -)`,
      lineOf(node),
    );
  }
  return id;
}

/**
 * Collects and numbers the labelled items of one page. Throws LabelError (naming the file and id) on a
 * missing id, a wrong prefix, a duplicate id within the page, a missing or invalid `source`, or
 * a literature source without `cite`.
 */
export function collectPageLabels(tree: Root, page: PageRef): CollectedPage {
  const file = page.file;
  const items: CollectedItem[] = [];
  const seen = new Map<string, number | undefined>();
  const slugger = new GithubSlugger();
  for (const s of RESERVED_SLUGS) slugger.slug(s);
  let theorems = 0;
  let equations = 0;
  let figures = 0;
  let h2 = 0;
  let h3 = 0;

  const add = (node: MdxElement | Heading, entry: Omit<LabelEntry, "order" | "page" | "href">) => {
    if (seen.has(entry.id)) {
      const first = seen.get(entry.id);
      throw new LabelError(
        file,
        entry.id,
        `duplicate id "${entry.id}" (first used${first ? ` on line ${first}` : ""} in the same file)`,
        lineOf(node),
      );
    }
    seen.set(entry.id, lineOf(node));
    items.push({ node, entry: { ...entry, page, href: `${page.href}#${entry.anchor}`, order: items.length } });
  };

  visit(tree, (node) => {
    if (node.type === "heading") {
      if (node.depth !== 2 && node.depth !== 3) return;
      if (node.depth === 2) {
        h2 += 1;
        h3 = 0;
      } else {
        h3 += 1;
      }
      const text = toString(node).trim();
      const slug = slugger.slug(text) || `section-${h2}-${h3}`;
      const number = node.depth === 2 ? itemNumber(page, h2) : itemNumber(page, h2, h3);
      add(node, {
        id: `sec:${slug}`,
        kind: "section",
        number,
        label: xrefText("section", number),
        citeLabel: citeLabelText("section", number, text),
        title: text,
        anchor: slug,
      });
      return;
    }
    if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
    const name = node.name ?? "";
    if (name === "Proof" || name === "Bibliography") {
      readAttributes(node, file); // validates attribute names early
      return;
    }
    const kind = ELEMENT_KINDS[name];
    if (!kind) return;
    const attrs = readAttributes(node, file);
    const id = checkId(node, attrs.id, KIND_PREFIX[kind], file);
    if (kind === "equation") {
      equations += 1;
      const number = itemNumber(page, equations);
      add(node, { id, kind, number, label: xrefText(kind, number), citeLabel: citeLabelText(kind, number), anchor: id });
      return;
    }
    if (kind === "figure") {
      figures += 1;
      const number = itemNumber(page, figures);
      if (!attrs.caption?.trim()) {
        throw new LabelError(file, id, `<Figure id="${id}"> needs a caption="…"`, lineOf(node));
      }
      add(node, {
        id,
        kind,
        number,
        label: xrefText(kind, number),
        citeLabel: citeLabelText(kind, number),
        title: plainTitle(attrs.caption),
        anchor: id,
      });
      return;
    }
    // theorem-like
    theorems += 1;
    const number = itemNumber(page, theorems);
    const source = attrs.source;
    if (!source || !(PROVENANCES as readonly string[]).includes(source)) {
      throw new LabelError(
        file,
        id,
        `<${name} id="${id}"> needs source="paper" | "reconstruction" | "literature"${source ? ` (got "${source}")` : ""}`,
        lineOf(node),
      );
    }
    const cite = splitKeys(attrs.cite);
    if (source === "literature" && cite.length === 0) {
      throw new LabelError(file, id, `<${name} id="${id}" source="literature"> needs cite="bibkey"`, lineOf(node));
    }
    if (source !== "literature" && cite.length > 0) {
      throw new LabelError(file, id, `<${name} id="${id}">: cite="…" is only allowed with source="literature"`, lineOf(node));
    }
    const title = attrs.title ? plainTitle(attrs.title) : undefined;
    add(node, {
      id,
      kind,
      number,
      label: xrefText(kind, number),
      citeLabel: citeLabelText(kind, number, title),
      title,
      anchor: id,
      source: source as Provenance,
      ...(cite.length ? { cite } : {}),
    });
  });
  return { page, items };
}

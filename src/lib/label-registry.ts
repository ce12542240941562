/**
 * Site-wide label registry: every numbered environment, heading, chapter and appendix of
 * content/chapters/*.mdx and content/appendices/*.mdx, with its number, label and URL.
 *
 * Built once per process by parsing each page with the MDX parser (remark-parse + remark-mdx +
 * remark-math, the same syntax Astro compiles) and numbering it with collectPageLabels. Cached: a call
 * only re-stats the files and re-parses the ones whose mtime/size changed, so dev edits are picked up.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import remarkMath from "remark-math";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import {
  ID_NAME_PATTERN,
  KIND_NAME,
  LabelError,
  PREFIX_KIND,
  type LabelEntry,
  type LabelKind,
  type PageRef,
} from "./labels";
import { collectPageLabels, type CollectedPage } from "./numbering";

export interface LabelRegistryOptions {
  /** Directory holding chapters/ and appendices/ (default: <cwd>/content). */
  contentDir?: string;
}

export interface SourceFile {
  /** Absolute path (used to match the page being compiled). */
  path: string;
  /** Path shown in error messages (relative to the project root). */
  display: string;
  collection: "chapters" | "appendices";
  text: string;
}

export interface LabelRegistry {
  readonly contentDir: string;
  /** Chapters by number, then appendices by letter. */
  readonly pages: readonly PageRef[];
  /** Every label: per page, the page itself (ch:/app:) then its items in document order. */
  readonly entries: readonly LabelEntry[];
  /** Entry by id, or undefined (also for a `sec:` slug used on several pages: see resolve). */
  get(id: string): LabelEntry | undefined;
  /** Entry by id or a LabelError naming `fromFile` and the id (unknown, or ambiguous section slug). */
  resolve(id: string, fromFile: string, line?: number): LabelEntry;
  /** The page compiled from this absolute file path, if it is a chapter or appendix. */
  pageForFile(absPath: string): PageRef | undefined;
  /** Numbered items of one page (document order), by absolute path. */
  itemsForFile(absPath: string): readonly LabelEntry[];
  /** Labels of one kind (or several), site order. */
  ofKind(...kinds: LabelKind[]): LabelEntry[];
  /** Milliseconds spent in the last (re)build, parse included. */
  readonly buildMs: number;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits YAML frontmatter off; the body keeps its line numbers (frontmatter lines become blank). */
export function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m) return { data: {}, body: text };
  const data = (parseYaml(m[1] ?? "") ?? {}) as Record<string, unknown>;
  const blank = "\n".repeat(m[0].split("\n").length - 1);
  return { data, body: blank + text.slice(m[0].length) };
}

function pageFromFrontmatter(src: SourceFile, data: Record<string, unknown>): PageRef {
  const need = (key: string): string => {
    const v = data[key];
    if (typeof v !== "string" && typeof v !== "number") {
      throw new LabelError(src.display, key, `frontmatter field "${key}" is missing`);
    }
    return String(v);
  };
  const slug = need("slug");
  if (!ID_NAME_PATTERN.test(slug)) {
    throw new LabelError(src.display, slug, `slug "${slug}" must be lower-case words joined by hyphens`);
  }
  const title = need("title");
  const shortTitle = typeof data.shortTitle === "string" ? data.shortTitle : title;
  if (src.collection === "chapters") {
    const n = Number(need("number"));
    if (!Number.isInteger(n) || n < 1) throw new LabelError(src.display, "number", `number must be a positive integer`);
    return { collection: "chapters", slug, file: src.display, title, shortTitle, prefix: String(n), order: n, href: `/chapters/${slug}/` };
  }
  const letter = need("letter");
  if (!/^[A-Z]$/.test(letter)) throw new LabelError(src.display, "letter", `letter must be one capital letter`);
  return {
    collection: "appendices",
    slug,
    file: src.display,
    title,
    shortTitle,
    prefix: letter,
    order: 1000 + letter.charCodeAt(0),
    href: `/appendices/${slug}/`,
  };
}

/** A scanned page: what the registry keeps of it (no syntax tree). */
export interface ScannedPage {
  path: string;
  page: PageRef;
  items: LabelEntry[];
}

/** Parses and numbers one page. */
export function scanSource(src: SourceFile): ScannedPage {
  const c = collectSource(src);
  return { path: src.path, page: c.page, items: c.items.map((i) => i.entry) };
}

/** Parses and numbers one page, keeping the tree nodes. */
export function collectSource(src: SourceFile): CollectedPage {
  const { data, body } = splitFrontmatter(src.text);
  const page = pageFromFrontmatter(src, data);
  let tree: Root;
  try {
    tree = parser.runSync(parser.parse(body)) as Root;
  } catch (err) {
    throw new LabelError(src.display, "", `MDX parse error: ${(err as Error).message}`);
  }
  return collectPageLabels(tree, page);
}

function pageEntry(page: PageRef): LabelEntry {
  const kind = page.collection === "chapters" ? "chapter" : "appendix";
  const name = KIND_NAME[kind];
  return {
    id: `${kind === "chapter" ? "ch" : "app"}:${page.slug}`,
    kind,
    number: page.prefix,
    label: `${name} ${page.prefix}`,
    citeLabel: `${name} ${page.prefix} (${page.title})`,
    title: page.title,
    page,
    anchor: "",
    href: page.href,
    order: -1,
  };
}

/** Builds a registry from collected pages; throws on duplicate ids, slugs, numbers or letters. */
export function assembleRegistry(contentDir: string, collected: ScannedPage[], buildMs = 0): LabelRegistry {
  const sorted = [...collected].sort((a, b) => a.page.order - b.page.order || a.page.file.localeCompare(b.page.file));
  const byId = new Map<string, LabelEntry>();
  const sections = new Map<string, LabelEntry[]>();
  const bySlug = new Map<string, PageRef>();
  const byPrefix = new Map<string, PageRef>();
  const byFile = new Map<string, { page: PageRef; items: LabelEntry[] }>();
  const entries: LabelEntry[] = [];
  for (const { page, items, path: absPath } of sorted) {
    const slugKey = `${page.collection}/${page.slug}`;
    const other = bySlug.get(slugKey) ?? undefined;
    if (other) throw new LabelError(page.file, page.slug, `slug "${page.slug}" is also used by ${other.file}`);
    bySlug.set(slugKey, page);
    const prefixKey = `${page.collection}/${page.prefix}`;
    const clash = byPrefix.get(prefixKey);
    if (clash) {
      const what = page.collection === "chapters" ? `chapter number ${page.prefix}` : `appendix letter ${page.prefix}`;
      throw new LabelError(page.file, page.prefix, `${what} is also used by ${clash.file}`);
    }
    byPrefix.set(prefixKey, page);
    const own = pageEntry(page);
    byId.set(own.id, own);
    entries.push(own);
    const list: LabelEntry[] = [];
    for (const entry of items) {
      entries.push(entry);
      list.push(entry);
      if (entry.kind === "section") {
        const arr = sections.get(entry.id) ?? [];
        arr.push(entry);
        sections.set(entry.id, arr);
        continue;
      }
      const prev = byId.get(entry.id);
      if (prev) {
        throw new LabelError(page.file, entry.id, `duplicate id "${entry.id}" (also defined in ${prev.page.file})`);
      }
      byId.set(entry.id, entry);
    }
    byFile.set(path.resolve(absPath), { page, items: list });
  }
  for (const [id, arr] of sections) if (arr.length === 1 && arr[0]) byId.set(id, arr[0]);

  const registry: LabelRegistry = {
    contentDir,
    pages: sorted.map((c) => c.page),
    entries,
    buildMs,
    get: (id) => byId.get(id),
    resolve(id, fromFile, line) {
      const hit = byId.get(id);
      if (hit) return hit;
      const where = `${fromFile}`;
      const amb = sections.get(id);
      if (amb && amb.length > 1) {
        throw new LabelError(
          where,
          id,
          `cross-reference @${id} is ambiguous: that heading slug exists in ${amb.map((e) => e.page.file).join(", ")}`,
          line,
        );
      }
      const prefix = id.split(":")[0] ?? "";
      const hint = PREFIX_KIND[prefix] ? "" : ` (known prefixes: ${Object.keys(PREFIX_KIND).join(", ")})`;
      throw new LabelError(where, id, `unknown cross-reference @${id}${hint}`, line);
    },
    pageForFile: (absPath) => byFile.get(path.resolve(absPath))?.page,
    itemsForFile: (absPath) => byFile.get(path.resolve(absPath))?.items ?? [],
    ofKind: (...kinds) => entries.filter((e) => kinds.includes(e.kind)),
  };
  return registry;
}

interface FileCache {
  mtimeMs: number;
  size: number;
  collected: ScannedPage;
}
// On globalThis: Astro loads this module twice in one process (config plugins, then the bundled pages);
// both copies share one scan. The version key keeps an incompatible older copy from reading it.
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for("scl.label-registry.v1")] ??= {
  fileCache: new Map<string, FileCache>(),
  registryCache: new Map<string, { signature: string; registry: LabelRegistry }>(),
}) as { fileCache: Map<string, FileCache>; registryCache: Map<string, { signature: string; registry: LabelRegistry }> };
const { fileCache, registryCache } = shared;

function listMdx(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(".mdx")).sort().map((n) => path.join(dir, n));
}

/** The registry of the site's content (cached; re-stat on every call, re-parse only changed files). */
export function getLabelRegistry(options: LabelRegistryOptions = {}): LabelRegistry {
  const contentDir = path.resolve(options.contentDir ?? path.join(process.cwd(), "content"));
  const root = path.dirname(contentDir);
  const files = (["chapters", "appendices"] as const).flatMap((collection) =>
    listMdx(path.join(contentDir, collection)).map((p) => ({ p, collection, st: statSync(p) })),
  );
  const signature = files.map((f) => `${f.p}:${f.st.mtimeMs}:${f.st.size}`).join("|");
  const cached = registryCache.get(contentDir);
  if (cached && cached.signature === signature) return cached.registry;

  const t0 = performance.now();
  const collected = files.map(({ p, collection, st }) => {
    const hit = fileCache.get(p);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.collected;
    const c = scanSource({
      path: p,
      display: path.relative(root, p).split(path.sep).join("/"),
      collection,
      text: readFileSync(p, "utf8"),
    });
    fileCache.set(p, { mtimeMs: st.mtimeMs, size: st.size, collected: c });
    return c;
  });
  const registry = assembleRegistry(contentDir, collected, performance.now() - t0);
  registryCache.set(contentDir, { signature, registry });
  return registry;
}


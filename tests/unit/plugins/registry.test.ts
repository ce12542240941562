import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assembleRegistry, getLabelRegistry, scanSource, type SourceFile } from "../../../src/lib/label-registry";
import { LabelError } from "../../../src/lib/labels";
import { SITE } from "./harness";

const FM = (n: number | string, slug: string, collection: "chapters" | "appendices" = "chapters") =>
  `---\n${collection === "chapters" ? `number: ${n}` : `letter: ${n}`}\ntitle: T ${slug}\nshortTitle: S\nsummary: x\nslug: ${slug}\nupdated: 2026-11-28\n---\n`;

function src(display: string, text: string, collection: "chapters" | "appendices" = "chapters"): SourceFile {
  return { path: `/virtual/${display}`, display, collection, text };
}

/** Builds a registry from in-memory pages; returns the thrown error (or undefined). */
function failure(...files: SourceFile[]): Error | undefined {
  try {
    assembleRegistry("/virtual/content", files.map(scanSource));
  } catch (err) {
    return err as Error;
  }
  return undefined;
}

describe("label registry of the fixture site", () => {
  const reg = getLabelRegistry({ contentDir: SITE });

  it("lists pages in order: chapters by number, then appendices", () => {
    expect(reg.pages.map((p) => `${p.prefix}:${p.href}`)).toEqual(["1:/chapters/alpha/", "2:/chapters/beta/", "A:/appendices/notes/"]);
  });

  it("gives every id its kind, number, label, title and href", () => {
    expect(reg.get("thm:alpha-decay")).toMatchObject({
      kind: "theorem",
      number: "1.2",
      label: "Theorem 1.2",
      citeLabel: "Theorem 1.2 (Entropy decay of G_t)",
      title: "Entropy decay of G_t",
      href: "/chapters/alpha/#thm:alpha-decay",
      source: "paper",
      page: { slug: "alpha", file: "content/chapters/01-alpha.mdx" },
    });
    expect(reg.get("lem:alpha-support")).toMatchObject({ number: "1.3", source: "literature", cite: ["kimura1962"] });
    expect(reg.get("eq:beta-one")).toMatchObject({ kind: "equation", number: "2.1", label: "(2.1)", href: "/chapters/beta/#eq:beta-one" });
    expect(reg.get("fig:notes-fig")).toMatchObject({ kind: "figure", number: "A.1", label: "Figure A.1", title: "Appendix figure." });
    expect(reg.get("ch:beta")).toMatchObject({ kind: "chapter", label: "Chapter 2", href: "/chapters/beta/" });
    expect(reg.get("app:notes")).toMatchObject({ kind: "appendix", label: "Appendix A", citeLabel: "Appendix A (Notes)" });
    expect(reg.get("sec:a-detail")).toMatchObject({ kind: "section", number: "1.1.1", anchor: "a-detail", href: "/chapters/alpha/#a-detail" });
  });

  it("filters by kind in site order", () => {
    expect(reg.ofKind("theorem").map((e) => e.id)).toEqual(["thm:alpha-decay", "thm:beta-main"]);
    expect(reg.ofKind("equation", "figure").map((e) => e.number)).toEqual(["1.1", "1.2", "1.1", "2.1", "A.1", "A.1"]);
  });

  it("returns the cached registry when nothing changed", () => {
    expect(getLabelRegistry({ contentDir: SITE })).toBe(reg);
  });

  it("resolve throws naming the file and the unknown id", () => {
    expect(() => reg.resolve("thm:nope", "content/chapters/09-x.mdx", 7)).toThrow(
      'content/chapters/09-x.mdx:7: unknown cross-reference @thm:nope',
    );
  });
});

describe("registry invalidation", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "labels-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("re-parses a changed file (dev edits)", () => {
    cpSync(SITE, path.join(dir, "content"), { recursive: true });
    const content = path.join(dir, "content");
    const first = getLabelRegistry({ contentDir: content });
    expect(first.get("thm:beta-main")?.number).toBe("2.2");
    const file = path.join(content, "chapters", "02-beta.mdx");
    const text = readFileSync(file, "utf8").replace('<Remark id="rem:beta-first"', '<Remark id="rem:beta-renamed"');
    writeFileSync(file, text.replace("## Main result", '## Main result\n\n<Lemma id="lem:beta-new" source="paper">\nNew.\n</Lemma>'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const second = getLabelRegistry({ contentDir: content });
    expect(second).not.toBe(first);
    expect(second.get("lem:beta-new")?.number).toBe("2.1");
    expect(second.get("rem:beta-renamed")?.number).toBe("2.2");
    expect(second.get("thm:beta-main")?.number).toBe("2.3");
    expect(second.get("rem:beta-first")).toBeUndefined();
  });
});

describe("registry failures name the file and the id", () => {
  const ch1 = (body: string) => src("content/chapters/01-a.mdx", FM(1, "a") + body);

  it("duplicate id across files", () => {
    const err = failure(
      ch1('<Theorem id="thm:same" source="paper">\nA\n</Theorem>\n'),
      src("content/chapters/02-b.mdx", FM(2, "b") + '<Theorem id="thm:same" source="paper">\nB\n</Theorem>\n'),
    );
    expect(err).toBeInstanceOf(LabelError);
    expect(err?.message).toContain("content/chapters/02-b.mdx");
    expect(err?.message).toContain('"thm:same"');
    expect(err?.message).toContain("content/chapters/01-a.mdx");
  });

  it("wrong prefix for the kind (a Lemma with thm: is also wrong)", () => {
    const err = failure(ch1('Text.\n\n<Lemma id="thm:x" source="paper">\nB\n</Lemma>\n'));
    expect(err?.message).toBe('content/chapters/01-a.mdx:11: <Lemma id="thm:x">: the id of a Lemma must start with "lem:"');
  });

  it("duplicate id within one file, with both lines", () => {
    const err = failure(ch1('<Equation id="eq:a">\n$$x$$\n</Equation>\n\n<Equation id="eq:a">\n$$y$$\n</Equation>\n'));
    expect(err?.message).toBe('content/chapters/01-a.mdx:13: duplicate id "eq:a" (first used on line 9 in the same file)');
  });

  it("missing id", () => {
    expect(failure(ch1('<Figure caption="c">\nx\n</Figure>\n'))?.message).toBe(
      'content/chapters/01-a.mdx:9: <Figure> needs an explicit id="fig:…"',
    );
  });

  it("badly formed id name", () => {
    expect(failure(ch1('<Theorem id="thm:Entropy_Decay" source="paper">\nx\n</Theorem>\n'))?.message).toContain(
      'content/chapters/01-a.mdx:9: <Theorem id="thm:Entropy_Decay">: after "thm:" use lower-case words',
    );
  });

  it("missing or invalid source on theorem-like blocks", () => {
    expect(failure(ch1('<Remark id="rem:r">\nx\n</Remark>\n'))?.message).toBe(
      'content/chapters/01-a.mdx:9: <Remark id="rem:r"> needs source="paper" | "reconstruction" | "literature"',
    );
    expect(failure(ch1('<Theorem id="thm:t" source="folklore">\nx\n</Theorem>\n'))?.message).toContain('(got "folklore")');
    expect(failure(ch1('<Theorem id="thm:t" source="literature">\nx\n</Theorem>\n'))?.message).toContain(
      'content/chapters/01-a.mdx:9: <Theorem id="thm:t" source="literature"> needs cite="bibkey"',
    );
  });

  it("unknown attribute and non-string attribute", () => {
    expect(failure(ch1('<Theorem id="thm:t" source="paper" titel="x">\nx\n</Theorem>\n'))?.message).toContain(
      '<Theorem>: unknown attribute "titel"',
    );
    expect(failure(ch1('<Theorem id={"thm:t"} source="paper">\nx\n</Theorem>\n'))?.message).toContain(
      '<Theorem>: attribute "id" must be a plain string',
    );
  });

  it("figure without caption", () => {
    expect(failure(ch1('<Figure id="fig:f">\nx\n</Figure>\n'))?.message).toBe(
      'content/chapters/01-a.mdx:9: <Figure id="fig:f"> needs a caption="…"',
    );
  });

  it("two chapters with the same number, or the same slug", () => {
    expect(failure(ch1("x\n"), src("content/chapters/01-b.mdx", FM(1, "b") + "y\n"))?.message).toContain(
      "chapter number 1 is also used by content/chapters/01-a.mdx",
    );
    expect(failure(ch1("x\n"), src("content/chapters/02-a.mdx", FM(2, "a") + "y\n"))?.message).toContain(
      'slug "a" is also used by content/chapters/01-a.mdx',
    );
  });

  it("missing frontmatter fields", () => {
    expect(failure(src("content/appendices/a.mdx", "---\ntitle: X\nslug: x\n---\nText\n", "appendices"))?.message).toBe(
      'content/appendices/a.mdx: frontmatter field "letter" is missing',
    );
  });

  it("accepts the same heading text on two pages but refuses an ambiguous @sec: reference", () => {
    const reg = assembleRegistry(
      "/virtual/content",
      [ch1("## Setup\n"), src("content/chapters/02-b.mdx", FM(2, "b") + "## Setup\n")].map(scanSource),
    );
    expect(reg.get("sec:setup")).toBeUndefined();
    expect(() => reg.resolve("sec:setup", "content/chapters/03-c.mdx")).toThrow(
      "content/chapters/03-c.mdx: cross-reference @sec:setup is ambiguous: that heading slug exists in content/chapters/01-a.mdx, content/chapters/02-b.mdx",
    );
  });
});

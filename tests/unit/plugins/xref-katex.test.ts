import path from "node:path";
import { describe, expect, it } from "vitest";
import { KATEX_MACROS } from "../../../src/lib/katex-macros";
import { FIXTURES, SITE, renderFile, renderMdx } from "./harness";

const OUTSIDE = "/tmp/page.mdx";

describe("cross-references", () => {
  it("resolve across files, with the label of the target's own chapter", async () => {
    const html = await renderFile(path.join(SITE, "chapters", "02-beta.mdx"));
    expect(html).toContain(
      'see <a class="xref" href="/chapters/alpha/#thm:alpha-decay" data-xref="thm:alpha-decay">Theorem 1.2</a> and ' +
        '<a class="xref" href="/chapters/alpha/#eq:alpha-gini" data-xref="eq:alpha-gini">(1.1)</a> in ' +
        '<a class="xref" href="/chapters/alpha/" data-xref="ch:alpha">Chapter 1</a>, and ' +
        '<a class="xref" href="/appendices/notes/" data-xref="app:notes">Appendix A</a>.',
    );
  });

  it("use a same-page fragment for targets on the same page", async () => {
    const html = await renderFile(path.join(SITE, "chapters", "01-alpha.mdx"));
    expect(html).toContain('<a class="xref" href="#eq:alpha-gini" data-xref="eq:alpha-gini">(1.1)</a>');
    expect(html).toContain('<a class="xref" href="#the-loop-1" data-xref="sec:the-loop-1">Section 1.2</a>');
    // forward reference to a later chapter
    expect(html).toContain('<a class="xref" href="/chapters/beta/#thm:beta-main" data-xref="thm:beta-main">Theorem 2.2</a>');
  });

  it("work on pages outside the chapters (absolute links)", async () => {
    const html = await renderMdx("Recall @fig:notes-fig and @lem:alpha-support.\n", OUTSIDE);
    expect(html).toBe(
      '<p>Recall <a class="xref" href="/appendices/notes/#fig:notes-fig" data-xref="fig:notes-fig">Figure A.1</a> and ' +
        '<a class="xref" href="/chapters/alpha/#lem:alpha-support" data-xref="lem:alpha-support">Lemma 1.3</a>.</p>',
    );
  });

  it("an unknown id fails the build naming the file, line and id", async () => {
    await expect(renderMdx("One.\n\nTwo @thm:does-not-exist.\n", "/nonexistent/x/ch.mdx")).rejects.toThrow(
      "/nonexistent/x/ch.mdx:3: unknown cross-reference @thm:does-not-exist",
    );
    await expect(renderMdx('<Proof of="lem:nope">\nx\n</Proof>\n', "/nonexistent/x/ch.mdx")).rejects.toThrow(
      "/nonexistent/x/ch.mdx:1: unknown cross-reference @lem:nope",
    );
  });

  it("numbered environments outside chapters and appendices fail", async () => {
    await expect(renderMdx('<Theorem id="thm:stray" source="paper">\nx\n</Theorem>\n', "/nonexistent/x/about.mdx")).rejects.toThrow(
      "/nonexistent/x/about.mdx:1: <Theorem> is only allowed in content/chapters and content/appendices",
    );
  });

  it("an unknown citation key inside a chapter names the chapter file", async () => {
    const dir = path.join(FIXTURES, "bad-cite", "content");
    await expect(renderFile(path.join(dir, "chapters", "01-bad.mdx"), { contentDir: dir })).rejects.toThrow(
      'content/chapters/01-bad.mdx:16: unknown citation key "nosuchkey2020"',
    );
  });
});

describe("KaTeX", () => {
  it("renders every shared macro without error", async () => {
    const body = Object.keys(KATEX_MACROS)
      .map((m) => `$${m}${m === "\\iid" ? "" : "{x}"}$`)
      .join(" ");
    const html = await renderMdx(body + "\n", OUTSIDE);
    expect(html).not.toContain("katex-error");
    expect((html.match(/<span class="katex">/g) ?? []).length).toBe(Object.keys(KATEX_MACROS).length);
    // \E expands to a blackboard E, \argmax to an operator
    expect(await renderMdx("$\\E[X]$ and $\\argmax_x f$\n", OUTSIDE)).toMatch(/mathbb[\s\S]*arg\u2009?max|mathbb[\s\S]*arg/);
  });

  it("invalid TeX fails the build with the file name and the TeX", async () => {
    await expect(renderMdx("Fine.\n\nBroken $\\frac{1}{$ here.\n", "/nonexistent/x/broken.mdx")).rejects.toThrow(
      /\/nonexistent\/x\/broken\.mdx:3: invalid TeX "\\\\frac\{1\}\{"/,
    );
    await expect(renderMdx("$$\n\\begin{aligned} x \\end{cases}\n$$\n", "/nonexistent/x/broken2.mdx")).rejects.toThrow(
      /\/nonexistent\/x\/broken2\.mdx.*invalid TeX/,
    );
  });

  it("an undefined control sequence is an error, not red text", async () => {
    await expect(renderMdx("$\\notamacro{x}$\n", "/nonexistent/x/undef.mdx")).rejects.toThrow(/undef\.mdx.*invalid TeX.*\\\\notamacro/);
  });

  it("\\gdef on one page does not leak into the next", async () => {
    await renderMdx("$\\gdef\\leaky{y}\\leaky$\n", "/nonexistent/x/one.mdx");
    await expect(renderMdx("$\\leaky$\n", "/nonexistent/x/two.mdx")).rejects.toThrow(/two\.mdx.*invalid TeX/);
  });

  it("an Equation must hold exactly one display block and no \\tag", async () => {
    const dir = path.join(FIXTURES, "bad-eq", "content");
    await expect(renderFile(path.join(dir, "chapters", "01-eq.mdx"), { contentDir: dir })).rejects.toThrow(
      'content/chapters/01-eq.mdx:9: <Equation id="eq:tagged">: do not write \\tag; the number is added',
    );
    const dir2 = path.join(FIXTURES, "bad-eq2", "content");
    await expect(renderFile(path.join(dir2, "chapters", "01-eq.mdx"), { contentDir: dir2 })).rejects.toThrow(
      'content/chapters/01-eq.mdx:9: <Equation id="eq:two"> must contain exactly one $$…$$ block and nothing else',
    );
  });
});

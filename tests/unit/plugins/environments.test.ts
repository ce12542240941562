import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SITE, renderFile, renderMdx } from "./harness";

function texOf(html: string): string[] {
  return [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => m[1] ?? "");
}

let alpha = "";
let beta = "";
let notes = "";
beforeAll(async () => {
  alpha = await renderFile(path.join(SITE, "chapters", "01-alpha.mdx"));
  beta = await renderFile(path.join(SITE, "chapters", "02-beta.mdx"));
  notes = await renderFile(path.join(SITE, "appendices", "a-notes.mdx"));
}, 30_000);

describe("theorem-like environments", () => {
  it("emit the contract's HTML for a titled theorem", () => {
    const expected =
      '<div class="env env-definition" id="def:loop" data-cite-label="Definition 1.1 (Closed loop)" role="group" aria-labelledby="def:loop-label">' +
      '<p class="env-head"><span class="env-label" id="def:loop-label">Definition 1.1</span> <span class="env-title">(Closed loop)</span> ' +
      '<span class="provenance provenance-reconstruction">Reconstruction</span>' +
      '<a class="anchor-link" href="#def:loop" aria-label="Permalink to Definition 1.1 (Closed loop)"></a></p>';
    expect(alpha).toContain(expected);
  });

  it("share one counter per chapter across kinds, restarting in each chapter", () => {
    const labels = (html: string) => [...html.matchAll(/<span class="env-label" id="[^"]+">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(labels(alpha)).toEqual(["Definition 1.1", "Theorem 1.2", "Lemma 1.3"]);
    expect(labels(beta)).toEqual(["Remark 2.1", "Theorem 2.2"]);
    expect(labels(notes)).toEqual(["Example A.1"]);
  });

  it("render the three provenances", () => {
    expect(alpha).toContain('<span class="provenance provenance-paper">From the paper</span>');
    expect(alpha).toContain('<span class="provenance provenance-reconstruction">Reconstruction</span>');
    expect(alpha).toContain(
      '<span class="provenance provenance-literature">Literature: <span class="citation"><a class="cite-ref" href="#ref-kimura1962" data-cite-key="kimura1962">Kimura, 1962</a></span></span>',
    );
    // the literature source is listed in the page's references
    expect(alpha).toContain('<li class="reference" id="ref-kimura1962">Kimura, M. (1962).');
  });

  it("render math in titles and keep the plain title in data-cite-label", () => {
    expect(alpha).toContain('data-cite-label="Theorem 1.2 (Entropy decay of G_t)"');
    expect(alpha).toMatch(/<span class="env-title">\(Entropy decay of <span class="katex">[\s\S]*?<annotation encoding="application\/x-tex">G_t<\/annotation>/);
  });

  it("omit the title span for untitled blocks", () => {
    expect(beta).toContain(
      '<p class="env-head"><span class="env-label" id="thm:beta-main-label">Theorem 2.2</span> <span class="provenance provenance-reconstruction">',
    );
  });
});

describe("proofs", () => {
  it("link to the proved statement and end with a QED mark", () => {
    expect(alpha).toContain(
      '<div class="env env-proof"><p class="env-head"><span class="env-label">Proof</span> (of <a class="xref" href="#thm:alpha-decay" data-xref="thm:alpha-decay">Theorem 1.2</a>).</p>' +
        '<p>Jensen\'s inequality. <span class="qed" aria-hidden="true">∎</span></p></div>',
    );
  });

  it("without `of` print just Proof.", async () => {
    const html = await renderMdx("<Proof>\nObvious.\n</Proof>\n", "/tmp/not-a-chapter.mdx");
    expect(html).toBe(
      '<div class="env env-proof"><p class="env-head"><span class="env-label">Proof</span>.</p><p>Obvious. <span class="qed" aria-hidden="true">∎</span></p></div>',
    );
  });
});

describe("equations", () => {
  it("are numbered per chapter with their own counter and a KaTeX \\tag", () => {
    expect(alpha).toMatch(/<div class="equation" id="eq:alpha-gini" data-cite-label="Equation \(1\.1\)"><span class="katex-display">/);
    expect(alpha).toContain('data-cite-label="Equation (1.2)"');
    expect(beta).toContain('<div class="equation" id="eq:beta-one" data-cite-label="Equation (2.1)">');
    expect(notes).toContain('<div class="equation" id="eq:notes-one" data-cite-label="Equation (A.1)">');
    const tex = texOf(alpha).filter((t) => t.includes("\\tag"));
    expect(tex).toEqual([expect.stringMatching(/\\tag\{1\.1\}$/), expect.stringMatching(/\\tag\{1\.2\}$/)]);
    // KaTeX printed the tag
    expect(alpha).toMatch(/<span class="tag">[\s\S]*?<span class="mord">1\.1<\/span>/);
  });

  it("end with the anchor link inside the equation block", () => {
    expect(alpha).toMatch(/<\/span><\/span><a class="anchor-link" href="#eq:alpha-gini" aria-label="Permalink to Equation \(1\.1\)"><\/a><\/div>/);
  });
});

describe("figures", () => {
  it("get a numbered caption with inline markdown, math and citations", () => {
    expect(alpha).toContain('<figure class="figure" id="fig:alpha-loop" data-cite-label="Figure 1.1"><p>figure body</p><figcaption><span class="env-label">Figure 1.1.</span> The loop with ');
    expect(alpha).toContain(
      ' samples <span class="citation">(<a class="cite-ref" href="#ref-dohmatob2024tails" data-cite-key="dohmatob2024tails">Dohmatob et al., 2024b</a>)</span>. <a class="anchor-link" href="#fig:alpha-loop" aria-label="Permalink to Figure 1.1"></a></figcaption></figure>',
    );
    expect(notes).toContain('<figure class="figure" id="fig:notes-fig" data-cite-label="Figure A.1">');
  });
});

describe("headings", () => {
  it("get section numbers, stable slugs, a cite label and an anchor link inside", () => {
    expect(alpha).toContain(
      '<h2 id="the-loop" data-cite-label="Section 1.1 (The loop)"><span class="secnum">1.1</span> The loop<a class="anchor-link" href="#the-loop" aria-label="Permalink to Section 1.1 (The loop)"></a></h2>',
    );
    expect(alpha).toContain('<h3 id="a-detail" data-cite-label="Section 1.1.1 (A detail)"><span class="secnum">1.1.1</span> A detail');
    expect(alpha).toContain('<h2 id="the-loop-1" data-cite-label="Section 1.2 (The loop)"><span class="secnum">1.2</span>');
    expect(notes).toContain('<h2 id="symbols" data-cite-label="Section A.1 (Symbols)"><span class="secnum">A.1</span> Symbols');
  });

  it("are not numbered outside chapters and appendices", async () => {
    const html = await renderMdx("## Plain heading\n\nText.\n", "/tmp/elsewhere.mdx");
    expect(html).toBe("<h2>Plain heading</h2>\n<p>Text.</p>");
  });

  it("leave the References heading unnumbered", () => {
    expect(alpha).toContain('<section class="references" aria-labelledby="references"><h2 id="references">References</h2><ol class="reference-list">');
  });
});

describe("authoring variants", () => {
  it("accept one-line environments, imports and components inside figures", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "variants-"));
    const content = path.join(dir, "content");
    mkdirSync(path.join(content, "chapters"), { recursive: true });
    const file = path.join(content, "chapters", "04-variants.mdx");
    writeFileSync(
      file,
      "---\nnumber: 4\ntitle: V\nshortTitle: V\nsummary: s\nslug: variants\nupdated: 2026-11-28\n---\n" +
        'import Demo from "../../components/Demo.astro";\n\n' +
        '<Remark id="rem:inline" source="paper">One line with $x$.</Remark>\n\n' +
        '<Figure id="fig:demo" caption="A *live* demo.">\n<Demo client:visible seed={3} />\n</Figure>\n',
    );
    try {
      const html = await renderFile(file, { contentDir: content });
      expect(html).toContain('<div class="env env-remark" id="rem:inline" data-cite-label="Remark 4.1" role="group" aria-labelledby="rem:inline-label">');
      expect(html).toMatch(/<p>One line with <span class="katex">/);
      expect(html).toContain('<figure class="figure" id="fig:demo" data-cite-label="Figure 4.1"><Demo client:visible="null" seed="3"></Demo>');
      expect(html).toContain('<span class="env-label">Figure 4.1.</span> A <em>live</em> demo. <a class="anchor-link"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

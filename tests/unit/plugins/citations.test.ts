import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildBibliography, getBibliography, splitBibtex } from "../../../src/lib/bibliography";
import { BIB, REAL_BIB, renderMdx } from "./harness";

const OUTSIDE = "/tmp/page.mdx"; // not a chapter: no numbering, citations still work

describe("in-text citations", () => {
  it("parenthetical, single key", async () => {
    expect(await renderMdx("As shown [@shumailov2024].\n", OUTSIDE)).toContain(
      '<p>As shown <span class="citation">(<a class="cite-ref" href="#ref-shumailov2024" data-cite-key="shumailov2024">Shumailov et al., 2024</a>)</span>.</p>',
    );
  });

  it("parenthetical, several keys with a locator", async () => {
    expect(await renderMdx("See [@kimura1962; @kimuraohta1969, eq. 4].\n", OUTSIDE)).toContain(
      '<span class="citation">(<a class="cite-ref" href="#ref-kimura1962" data-cite-key="kimura1962">Kimura, 1962</a>; ' +
        '<a class="cite-ref" href="#ref-kimuraohta1969" data-cite-key="kimuraohta1969">Kimura &#x26; Ohta, 1969</a>, eq. 4)</span>',
    );
  });

  it("narrative", async () => {
    expect(await renderMdx("@kimuraohta1969 derived it.\n", OUTSIDE)).toContain(
      '<p><span class="citation"><a class="cite-ref" href="#ref-kimuraohta1969" data-cite-key="kimuraohta1969">Kimura and Ohta (1969)</a></span> derived it.</p>',
    );
  });

  it("disambiguates equal author-year labels with a/b, in the text and in the list", async () => {
    const html = await renderMdx("[@dohmatob2024tails] and @dohmatob2024regression; @zenil2026v2 revised @zenil2026v1.\n", OUTSIDE);
    expect(html).toContain(">Dohmatob et al., 2024b</a>");
    expect(html).toContain(">Dohmatob et al. (2024a)</a>");
    expect(html).toContain(">Zenil (2026a)</a>");
    expect(html).toContain(">Zenil (2026b)</a>");
    expect(html).toContain('<li class="reference" id="ref-dohmatob2024regression">Dohmatob, E., Feng, Y., &#x26; Kempe, J. (2024a).');
    expect(html).toContain('<li class="reference" id="ref-dohmatob2024tails">Dohmatob, E., Feng, Y., Yang, P., Charton, F., &#x26; Kempe, J. (2024b).');
    expect(html).toContain('<li class="reference" id="ref-zenil2026v1">Zenil, H. (2026a).');
  });

  it("leaves e-mail addresses, code and escaped brackets alone", async () => {
    const html = await renderMdx("Write to a@b.org or use `@shumailov2024` literally.\n", OUTSIDE);
    expect(html).not.toContain("cite-ref");
    expect(html).not.toContain('class="references"');
  });

  it("keeps escaped at-signs literal (\\@ and &#64;)", async () => {
    const html = await renderMdx("Handle \\@nobody2099, mail &#64;nobody2099, but cite @kimura1962.\n", OUTSIDE);
    expect(html).toContain("<p>Handle @nobody2099, mail @nobody2099, but cite <span class=\"citation\">");
    expect(html).toContain('id="ref-kimura1962"');
  });

  it("fails on an unknown key, naming the file, line and key", async () => {
    await expect(renderMdx("Intro.\n\nSee [@shumailov2024; @nobody2099].\n", "/nonexistent/some/page.mdx")).rejects.toThrow(
      /\/nonexistent\/some\/page\.mdx:3: unknown citation key "nobody2099"/,
    );
    await expect(renderMdx("As @nobody2099 says.\n", "/tmp/p.mdx")).rejects.toThrow(/unknown citation key "nobody2099"/);
  });
});

describe("reference lists", () => {
  it("append one list per page, in bibliography order, each entry once", async () => {
    const html = await renderMdx("[@shumailov2024] then [@kimura1962] and again [@shumailov2024].\n", OUTSIDE);
    const ids = [...html.matchAll(/<li class="reference" id="ref-([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(["kimura1962", "shumailov2024"]);
    expect(html.indexOf('<section class="references" aria-labelledby="references"><h2 id="references">References</h2><ol class="reference-list">')).toBeGreaterThan(
      html.indexOf("again"),
    );
    expect(html).toContain('<a href="https://doi.org/10.1093/genetics/47.6.713">https://doi.org/10.1093/genetics/47.6.713</a></li>');
  });

  it("are absent on a page that cites nothing", async () => {
    expect(await renderMdx("No citations.\n", OUTSIDE)).toBe("<p>No citations.</p>");
  });

  it("<Bibliography /> lists every entry and replaces the per-page list", async () => {
    const html = await renderMdx("Cited [@kimura1962].\n\n<Bibliography />\n", OUTSIDE);
    const ids = [...html.matchAll(/<li class="reference" id="ref-([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "dohmatob2024regression",
      "dohmatob2024tails",
      "kimura1962",
      "kimuraohta1969",
      "shumailov2024",
      "zenil2026v1",
      "zenil2026v2",
    ]);
    expect(html).toContain('<section class="references bibliography" aria-label="Bibliography"><ol class="reference-list">');
    expect(html).not.toContain('<h2 id="references">');
  });
});

describe("bibliography helpers", () => {
  const bib = getBibliography(BIB);

  it("format entries as HTML and plain text, and give BibTeX by key", () => {
    expect(bib.format("kimura1962", "text")).toBe(
      "Kimura, M. (1962). On the Probability of Fixation of Mutant Genes in a Population. Genetics, 47(6), 713–719. https://doi.org/10.1093/genetics/47.6.713",
    );
    expect(bib.format("zenil2026v2", "text")).toMatch(/^Zenil, H\. \(2026b\)\. On the Limits of Self-Improving in Large Language Models/);
    expect(bib.bibtex("kimura1962")).toBe(
      "@article{kimura1962,\n  author  = {Kimura, Motoo},\n  title   = {On the Probability of Fixation of Mutant Genes in a Population},\n" +
        "  journal = {Genetics},\n  volume  = {47},\n  number  = {6},\n  pages   = {713--719},\n  year    = {1962},\n  doi     = {10.1093/genetics/47.6.713}\n}",
    );
    expect(() => bib.bibtex("missing")).toThrow('unknown citation key "missing"');
  });

  it("rejects duplicate keys", () => {
    const one = "@misc{k, title={A}, author={X, Y}, year={2020}}\n";
    expect(() => buildBibliography(one + one, "dup.bib")).toThrow('dup.bib: duplicate BibTeX key "k"');
  });

  it("label two-author works with & (parenthetical) and 'and' (narrative)", () => {
    expect(bib.citeLabel("kimuraohta1969")).toBe("Kimura & Ohta, 1969");
    expect(bib.citeLabel("kimuraohta1969", "narrative")).toBe("Kimura and Ohta (1969)");
  });
});

describe("content/references.bib", () => {
  const bib = getBibliography(REAL_BIB);
  const source = readFileSync(REAL_BIB, "utf8");

  it("holds exactly the keys the content cites (plus the ones listed only in the references appendix)", () => {
    // Cited keys, read from the chapters and appendices: [@key], narrative @key, and cite="key" attributes.
    const dir = fileURLToPath(new URL("../../../content/", import.meta.url));
    const files = ["chapters", "appendices"].flatMap((d) => readdirSync(join(dir, d)).filter((f) => f.endsWith(".mdx")).map((f) => join(dir, d, f)));
    const cited = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
      for (const m of text.matchAll(/(?<![\w@.])@([a-z][a-z0-9_-]*[a-z0-9])(?![:\w-])/g)) cited.add(m[1]!);
      for (const m of text.matchAll(/\bcite="([^"]+)"/g)) for (const k of m[1]!.split(/[;,\s]+/)) if (k) cited.add(k);
    }
    // Implementation references (the binomial sampler) appear in the full bibliography only.
    const appendixOnly = ["hormann1993"];
    expect([...bib.keys].sort()).toEqual([...new Set([...cited, ...appendixOnly])].sort());
    expect([...splitBibtex(source).keys()].sort()).toEqual([...bib.keys].sort());
  });

  it("an unclosed entry is a build error naming it, not a hang or a swallowed file", () => {
    const broken = "@article{a,\n  title = {A},\n  year = {2020}\n@article{b,\n  title = {B}, year = {2021}\n}\n";
    expect(() => splitBibtex(broken, "x.bib")).toThrow(/x\.bib: BibTeX entry "a" is not closed/);
    expect(() => splitBibtex("@misc{c, title = {C}", "y.bib")).toThrow(/y\.bib: BibTeX entry "c" is not closed/);
    expect([...splitBibtex("@misc{d, title = {Entropy (in bits}, year = {2020}}\n").keys()]).toEqual(["d"]);
  });

  it("every entry has authors, title, year, and a DOI or URL unless it predates them", () => {
    // print-only works without a DOI (silverman1986: the 1986 monograph), and littler1975 whose DOI we could not confirm
    const unlinked = ["fisher1930", "miller1955", "levin1974", "littler1975", "silverman1986"];
    for (const key of bib.keys) {
      const { csl } = bib.entry(key);
      expect(csl.author?.length, key).toBeGreaterThan(0);
      expect(String(csl.title ?? ""), key).not.toBe("");
      expect(csl.issued?.["date-parts"]?.[0]?.[0], key).toBeTypeOf("number");
      if (!unlinked.includes(key)) expect(Boolean(csl.DOI || csl.URL), key).toBe(true);
    }
  });

  it("labels the paper's versions and the two Dohmatob papers with a/b", () => {
    expect(bib.citeLabel("zenil2026v1")).toBe("Zenil, 2026a");
    expect(bib.citeLabel("zenil2026v2")).toBe("Zenil, 2026b");
    expect(bib.citeLabel("dohmatob2024regression")).toBe("Dohmatob et al., 2024a");
    expect(bib.citeLabel("dohmatob2024tails")).toBe("Dohmatob et al., 2024b");
    expect(bib.citeLabel("shumailov2024")).toBe("Shumailov et al., 2024");
    expect(bib.citeLabel("livitanyi2019", "narrative")).toBe("Li and Vitányi (2019)");
  });

  it("the paper's entries carry the arXiv identifier and version URL", () => {
    expect(bib.format("zenil2026v1", "text")).toContain("arXiv:2601.05280v1");
    expect(bib.bibtex("zenil2026v2")).toContain("url           = {https://arxiv.org/abs/2601.05280v2}");
  });
});

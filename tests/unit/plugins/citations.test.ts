import { readFileSync } from "node:fs";
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

  it("holds exactly the keys the content cites", () => {
    const expected = [
      "zenil2026v1", "zenil2026v2", "shumailov2024", "gerstgrasser2024", "dohmatob2024regression", "dohmatob2024tails",
      "bertrand2024", "alemohammad2024", "kazdan2024", "suresh2024", "jangjoo2025", "gillman2024", "ferbach2024", "gao2023",
      "yue2025", "cui2025", "allsopp2026", "kimura1962", "kimuraohta1969", "littler1975", "ewens2004", "fisher1930",
      "wright1931", "covertomas2006", "miller1955", "paninski2003", "solomonoff1964", "levin1974", "chaitin1975",
      "livitanyi2019", "delahaye2012", "solertoscano2014", "zenil2018bdm", "rissanen1978", "hormann1993",
    ];
    expect([...bib.keys].sort()).toEqual([...expected].sort());
    expect([...splitBibtex(source).keys()].sort()).toEqual([...expected].sort());
  });

  it("every entry has authors, title, year, and a DOI or URL unless it predates them", () => {
    // print-only works without a DOI, and littler1975 whose DOI we could not confirm
    const unlinked = ["fisher1930", "miller1955", "levin1974", "littler1975"];
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

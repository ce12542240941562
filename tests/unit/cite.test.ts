import { describe, expect, it } from "vitest";
import {
  authorsPlain, bibtexEntry, bibtexKey, citeTitle, escapeBibtex, plainCitation, yearOf, type CiteInput,
} from "../../src/lib/cite";
import { SITE_AUTHORS, SITE_SUBTITLE, SITE_TITLE, buildDate } from "../../src/lib/site";

const base: CiteInput = {
  item: "Theorem 3.1 (Entropy decay)",
  pageLabel: "Chapter 3",
  pageTitle: "Entropy decay",
  url: "https://example.org/chapters/entropy-decay/#thm:entropy-decay",
  authors: [{ literal: "Self-consuming loops contributors" }],
  siteTitle: "Self-consuming loops",
  version: "0.1.0",
  date: "2026-11-28",
};

describe("citeTitle", () => {
  it("names the item and its chapter", () => {
    expect(citeTitle(base)).toBe("Theorem 3.1 (Entropy decay), in Chapter 3: Entropy decay");
  });
  it("names the page alone when no item is given", () => {
    expect(citeTitle({ ...base, item: undefined })).toBe("Chapter 3: Entropy decay");
    expect(citeTitle({ ...base, item: "  " })).toBe("Chapter 3: Entropy decay");
  });
  it("omits an empty page label", () => {
    expect(citeTitle({ ...base, item: undefined, pageLabel: "" })).toBe("Entropy decay");
  });
});

describe("plainCitation", () => {
  it("has authors, year, title, site, version, date and permalink, in that order", () => {
    expect(plainCitation(base)).toBe(
      "Self-consuming loops contributors (2026). Theorem 3.1 (Entropy decay), in Chapter 3: Entropy decay. " +
        "Self-consuming loops, version 0.1.0 (2026-11-28). https://example.org/chapters/entropy-decay/#thm:entropy-decay",
    );
  });
  it("formats people APA-like", () => {
    expect(authorsPlain([{ family: "Zenil", given: "Hector" }])).toBe("Zenil, H.");
    expect(authorsPlain([{ family: "Doe", given: "Jane Ann" }, { family: "Roe" }, { literal: "Team X" }])).toBe(
      "Doe, J. A., Roe, & Team X",
    );
    expect(authorsPlain([])).toBe("Anonymous");
  });
  it("uses n.d. for an unusable date", () => {
    expect(yearOf("garbage")).toBe("n.d.");
    expect(plainCitation({ ...base, date: "garbage" })).toContain("(n.d.)");
  });
});

describe("bibtexEntry", () => {
  it("is the exact @misc entry with the permalink as url", () => {
    expect(bibtexEntry(base)).toBe(
      [
        "@misc{selfconsumingloops2026-entropy-decay-thm-entropy-decay,",
        "  author       = {{Self-consuming loops contributors}},",
        "  title        = {{Theorem 3.1 (Entropy decay), in Chapter 3: Entropy decay}},",
        "  howpublished = {Self-consuming loops, version 0.1.0},",
        "  year         = {2026},",
        "  month        = nov,",
        "  version      = {0.1.0},",
        "  url          = {https://example.org/chapters/entropy-decay/#thm:entropy-decay},",
        "  note         = {Version 0.1.0, built 2026-11-28}",
        "}",
      ].join("\n"),
    );
  });
  it("joins people with 'and' as Family, Given", () => {
    const e = bibtexEntry({ ...base, authors: [{ family: "Zenil", given: "Hector" }, { family: "Doe" }] });
    expect(e).toContain("author       = {Zenil, Hector and Doe},");
  });
  it("escapes LaTeX specials so a label cannot break the entry", () => {
    expect(escapeBibtex("a & b % c $ d # e _ f { g } h ~ i ^ j \\ k")).toBe(
      "a \\& b \\% c \\$ d \\# e \\_ f \\{ g \\} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k",
    );
    const e = bibtexEntry({ ...base, item: "Figure 2.1 }, evil = {x" });
    expect(e).toContain("title        = {{Figure 2.1 \\}, evil = \\{x, in Chapter 3: Entropy decay}},");
    // braces balance over the whole entry
    const depth = [...e.replace(/\\[{}]/g, "")].reduce((d, ch) => d + (ch === "{" ? 1 : ch === "}" ? -1 : 0), 0);
    expect(depth).toBe(0);
  });
  it("percent-encodes braces and spaces in the url", () => {
    const e = bibtexEntry({ ...base, url: "https://example.org/a b/{x}" });
    expect(e).toContain("url          = {https://example.org/a%20b/%7Bx%7D},");
  });
  it("omits month for an unusable date", () => {
    expect(bibtexEntry({ ...base, date: "?" })).not.toContain("month");
  });
});

describe("bibtexKey", () => {
  it("uses the page slug without an item", () => {
    expect(bibtexKey({ ...base, url: "https://example.org/chapters/entropy-decay/" })).toBe(
      "selfconsumingloops2026-entropy-decay",
    );
  });
  it("survives a malformed url", () => {
    expect(bibtexKey({ ...base, url: "not a url" })).toBe("selfconsumingloops2026");
  });
});

describe("buildDate", () => {
  it("honours SOURCE_DATE_EPOCH", () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: "0" })).toBe("1970-01-01");
    expect(buildDate({ SOURCE_DATE_EPOCH: "86400" })).toBe("1970-01-02");
  });
  it("falls back to now on a bad value", () => {
    const now = new Date("2026-05-04T12:00:00Z");
    expect(buildDate({ SOURCE_DATE_EPOCH: "yesterday" }, now)).toBe("2026-05-04");
    expect(buildDate({}, now)).toBe("2026-05-04");
  });
});

describe("CITATION.cff agrees with the site", () => {
  it("has the package version, the site title and the configured site URL", async () => {
    const { readFileSync } = await import("node:fs");
    const cff = readFileSync(new URL("../../CITATION.cff", import.meta.url), "utf8");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const config = readFileSync(new URL("../../astro.config.mjs", import.meta.url), "utf8");
    const siteDefault = /process\.env\.SITE_URL \?\? "([^"]+)"/.exec(config)?.[1];
    expect(siteDefault).toBeTruthy();
    expect(/^version: (.+)$/m.exec(cff)?.[1]).toBe(pkg.version);
    expect(/^url: "(.+)"$/m.exec(cff)?.[1]).toBe(new URL("/", siteDefault!).href);
    expect(/^title: "(.+)"$/m.exec(cff)?.[1]).toBe(`${SITE_TITLE}: ${SITE_SUBTITLE}`);
    const names = [...cff.matchAll(/^ {2}- name: (.+)$/gm)].map((m) => m[1]);
    expect(names).toEqual(SITE_AUTHORS.map((a) => ("literal" in a ? a.literal : a.family)));
  });
});

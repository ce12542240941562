import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateParams, type Params, type Schema } from "../../../src/core/schema";
import { bibtexForTool } from "../../../src/demos/cite";
import { decodeParams, encodeParams, sameParams } from "../../../src/demos/url-state";
import { coinSchema } from "./test-model";

const schema = coinSchema as unknown as Schema<Params>;
const defaults = validateParams(coinSchema, { n: 50, T: 40 }) as Params;
const query = (entries: [string, string][]) => `?${new URLSearchParams(entries).toString()}`;

describe("tool URL state (params only)", () => {
  it("round-trips valid parameters with no notices", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 1000 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (n, T, flag) => {
        const params = { ...defaults, n, T, flag };
        const out = decodeParams("tool", schema, query(encodeParams("tool", schema, params)), defaults);
        expect(out.notices).toEqual([]);
        expect(out.present).toBe(true);
        expect(sameParams(schema, out.params, params)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("replaces hostile values by the tool's defaults, with a plain-text notice each", () => {
    const out = decodeParams("tool", schema, query([["tool.n", "<script>alert(1)</script>"], ["tool.T", "1e99"], ["tool.evil", "x"], ["other.n", "3"]]), defaults);
    expect(out.params.n).toBe(50);
    expect(out.params.T).toBe(40);
    expect(out.notices.map((n) => n.param).sort()).toEqual(["T", "evil", "n"]);
    expect(out.present).toBe(true);
  });

  it("ignores other tools' keys and reports absence", () => {
    const out = decodeParams("tool", schema, "?toolx.n=7&other.n=9", defaults);
    expect(out.present).toBe(false);
    expect(out.params).toEqual(defaults);
  });

  it("sameParams compares by link text and notices a real difference", () => {
    expect(sameParams(schema, defaults, { ...defaults })).toBe(true);
    expect(sameParams(schema, defaults, { ...defaults, n: 51 })).toBe(false);
  });
});

describe("bibtexForTool", () => {
  const c = {
    title: "Self-consuming loops",
    authors: ["Doe, Jane"],
    version: "1.2.3",
    year: "2026",
    url: "https://example.org/chapters/x/?tool.n=7#demo-tool",
    accessed: "2026-11-29",
    toolId: "bdm-calc",
    toolTitle: "The {BDM} calculator",
    label: "BDM calculator",
    schema,
    params: { ...defaults, n: 7 },
  };
  it("is one @misc entry whose url is the link and whose note lists the parameters, TeX-escaped", () => {
    const bib = bibtexForTool(c);
    expect(bib.startsWith("@misc{bdmcalc,\n")).toBe(true);
    expect(bib).toContain("url = {https://example.org/chapters/x/?tool.n=7#demo-tool}");
    expect(bib).toContain("n = 7");
    expect(bib).toContain("\\{BDM\\}");
    expect(bib.trim().endsWith("}")).toBe(true);
  });
});

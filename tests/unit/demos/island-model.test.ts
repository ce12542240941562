// The island gets its model from the build (label, schema without functions, metrics) and leaves the
// model's own validation and the bars trace to the worker: check that contract end to end, without
// a browser (SimClient falls back to the main-thread loop in Node).
import { describe, expect, it } from "vitest";
import { SimClient } from "../../../src/components/demo/sim-client";
import { barsTrace } from "../../../src/demos/bars-trace";
import { islandSchema, modelInfo } from "../../../src/demos/model-info";
import { decodeState } from "../../../src/demos/url-state";
import { models } from "../../../src/core/models/index";
import { defaultParams, validateParams } from "../../../src/core/schema";

describe("model info for the island", () => {
  it("is plain JSON (no functions), and keeps labels, ranges, options and metrics", () => {
    for (const model of Object.values(models)) {
      const info = modelInfo(model, defaultParams(model.schema));
      expect(JSON.parse(JSON.stringify(info))).toEqual(info);
      expect(Object.keys(info.params)).toEqual(Object.keys(model.schema.params));
      expect(info.metrics.map((m) => m.name)).toEqual(model.metrics(defaultParams(model.schema)).map((m) => m.name));
    }
    const info = modelInfo(models.categorical!, defaultParams(models.categorical!.schema));
    expect(info.params.init).toMatchObject({ type: "text", maxLength: expect.any(Number) });
    expect("parse" in info.params.init!).toBe(false);
  });

  it("island schema: numbers are checked on the island, text only for length (the worker parses it)", () => {
    const model = models.categorical!;
    const schema = islandSchema(modelInfo(model, defaultParams(model.schema)));
    const defaults = { params: defaultParams(model.schema), seed: 1, replicates: 10 };
    const d = decodeState("x", schema, "?x.n=0&x.init=zipf:%3Cb%3E", defaults, 100);
    expect(d.notices.map((n) => n.param)).toEqual(["n"]);
    expect(d.state.params.init).toBe("zipf:<b>");
  });
});

describe("worker side: coerce and trace", () => {
  const model = models.categorical!;
  const base = validateParams(model.schema, { K: 10, n: 50, generations: 20 });

  it("coerce applies the model's text parser and cross-parameter check, falling back to base", async () => {
    const client = new SimClient();
    const ok = await client.coerce("categorical", { ...base, init: " zipf:1.5 " }, base);
    expect(ok.notices).toEqual([]);
    expect(ok.params.init).toBe("zipf:1.5");
    const bad = await client.coerce("categorical", { ...base, init: "zipf:<b>" }, base);
    expect(bad.notices[0]!.param).toBe("init");
    expect(bad.params.init).toBe(base.init);
    const clash = await client.coerce("categorical", { ...base, init: "list:1,2" }, base);
    expect(clash.notices.at(-1)!.message).toMatch(/using all defaults/);
    expect(clash.params).toEqual(base);
    client.dispose();
  });

  it("a run with trace: true carries sample run 1's trace; without, none", async () => {
    const client = new SimClient();
    const request = { model: "categorical", params: base, seed: 4, replicates: 5, keepPaths: 1 };
    const plain = await client.run(request, () => {});
    expect(plain!.trace).toBeUndefined();
    const traced = await client.run({ ...request, trace: true }, () => {});
    expect(traced!.trace).toEqual(barsTrace(base as never, 4));
    client.dispose();
  });
});

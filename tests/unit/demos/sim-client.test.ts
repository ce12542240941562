// SimClient without Web Workers (Node has none): it must fall back to the same chunked loop on the
// main thread, drop superseded runs, and give the numbers of a one-piece run.
import { describe, expect, it } from "vitest";
import { runEnsemble } from "../../../src/core/ensemble";
import { models } from "../../../src/core/models/index";
import { validateParams } from "../../../src/core/schema";
import { SimClient } from "../../../src/components/demo/sim-client";

describe("SimClient (main-thread fallback)", () => {
  const model = models.categorical!;
  const params = validateParams(model.schema, { K: 5, n: 20, generations: 30 });
  const request = { model: "categorical", params, seed: 3, replicates: 40, keepPaths: 2 };

  it("drops a superseded run and returns the latest, equal to a one-piece run", async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
    const client = new SimClient();
    const progress: number[] = [];
    const first = client.run({ ...request, seed: 1 }, () => progress.push(-1));
    const second = client.run(request, (p) => progress.push(p.done));
    expect(await first).toBeNull();
    const result = await second;
    expect(result).toEqual(runEnsemble(model, params, { seed: 3, replicates: 40, keepPaths: 2 }));
    expect(progress.filter((d) => d >= 0).at(-1)).toBe(40);
    client.dispose();
  });

  it("cancel resolves the running call to null", async () => {
    const client = new SimClient();
    const pending = client.run({ ...request, replicates: 2000 }, () => {});
    client.cancel();
    expect(await pending).toBeNull();
    client.dispose();
  });
});

// The default-run files: content-addressed names, and the integration writes exactly what the pages
// published into <dist>/demo-data/.
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DEMO_DATA_DIR, demoDataStore, publishDemoData } from "../../../src/lib/demo-data";
import demoData from "../../../src/plugins/demo-data";

describe("demo data", () => {
  it("names a file by its content: same text, same name; other text, other name", () => {
    const a = publishDemoData('{"a":1}');
    expect(a).toMatch(/^[0-9a-f]{16}\.json$/);
    expect(publishDemoData('{"a":1}')).toBe(a);
    expect(publishDemoData('{"a":2}')).not.toBe(a);
    expect(demoDataStore().get(a)).toBe('{"a":1}');
  });

  it("writes every published run to dist/demo-data/ after the build", async () => {
    demoDataStore().clear();
    const names = [publishDemoData("[1]"), publishDemoData("[2,3]")];
    const dist = await mkdtemp(join(tmpdir(), "demo-data-"));
    const logged: string[] = [];
    const hook = demoData().hooks["astro:build:done"] as unknown as (o: { dir: URL; logger: { info(s: string): void } }) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dist}/`), logger: { info: (s) => logged.push(s) } });
    const dir = join(dist, DEMO_DATA_DIR);
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    expect(await readFile(join(dir, names[1]!), "utf8")).toBe("[2,3]");
    expect(logged[0]).toMatch(/^2 default demo runs/);
  });
});

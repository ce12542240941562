/**
 * Benchmark (prints figures; not a test): build-time cost of the label registry and the bibliography.
 * Run: npx tsx tests/unit/plugins/bench.ts
 * Synthetic site: 12 chapters + 3 appendices, each ~27 KiB with 24 theorems, 24 equations and 12 headings.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getBibliography } from "../../../src/lib/bibliography";
import { getLabelRegistry } from "../../../src/lib/label-registry";

function page(kind: "chapters" | "appendices", n: number): string {
  const slug = `${kind === "chapters" ? "c" : "a"}${n}`;
  const head = kind === "chapters" ? `number: ${n}` : `letter: ${String.fromCharCode(64 + n)}`;
  const out = [`---\n${head}\ntitle: Page ${slug}\nshortTitle: P\nsummary: s\nslug: ${slug}\nupdated: 2026-11-28\n---\n`];
  for (let s = 1; s <= 12; s++) {
    out.push(`## Section ${s}\n`);
    for (let k = 0; k < 2; k++) {
      const id = `${slug}-${s}-${k}`;
      out.push(`<Theorem id="thm:${id}" title="Title ${id}" source="reconstruction">\nText with $\\E[X_t]$ and @eq:${id}.\n</Theorem>\n`);
      out.push(`<Equation id="eq:${id}">\n$$\n\\Var(X) = ${s}\n$$\n</Equation>\n`);
      out.push("Filler paragraph with *emphasis*, `code` and $x_i$.\n\n".repeat(20));
    }
  }
  return out.join("\n");
}

const dir = mkdtempSync(path.join(tmpdir(), "bench-labels-"));
const content = path.join(dir, "content");
mkdirSync(path.join(content, "chapters"), { recursive: true });
mkdirSync(path.join(content, "appendices"), { recursive: true });
let bytes = 0;
for (let i = 1; i <= 12; i++) {
  const t = page("chapters", i);
  bytes += t.length;
  writeFileSync(path.join(content, "chapters", `${String(i).padStart(2, "0")}.mdx`), t);
}
for (let i = 1; i <= 3; i++) {
  const t = page("appendices", i);
  bytes += t.length;
  writeFileSync(path.join(content, "appendices", `${i}.mdx`), t);
}

let t0 = performance.now();
const reg = getLabelRegistry({ contentDir: content });
const cold = performance.now() - t0;
t0 = performance.now();
for (let i = 0; i < 100; i++) getLabelRegistry({ contentDir: content });
const warm = (performance.now() - t0) / 100;
const one = path.join(content, "chapters", "05.mdx");
const later = new Date(Date.now() + 10_000);
utimesSync(one, later, later);
t0 = performance.now();
getLabelRegistry({ contentDir: content });
const reparse = performance.now() - t0;
rmSync(dir, { recursive: true, force: true });

t0 = performance.now();
const bib = getBibliography();
const bibMs = performance.now() - t0;

console.log(`pages 15, ${(bytes / 1024).toFixed(0)} KiB MDX, ${reg.entries.length} labels`);
console.log(`registry cold build     ${cold.toFixed(0)} ms`);
console.log(`registry cached call    ${warm.toFixed(2)} ms (stat of 15 files)`);
console.log(`one file changed        ${reparse.toFixed(0)} ms`);
console.log(`bibliography (${bib.keys.length} entries, citation-js APA) ${bibMs.toFixed(0)} ms`);

#!/usr/bin/env node
// JS and CSS bytes per built page (raw and gzip): each page's <script type=module src>, modulepreloads and
// their static import closure, stylesheets, and inline scripts/styles. Dynamic import() chunks are listed
// as "lazy" (fetched only on use). Usage: npm run build && npm run size [-- --dir dist --budget 15]
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, posix } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const DIST = opt("dir", "dist");
const budgetRaw = Number(opt("budget", "15"));
const BUDGET_KB = Number.isFinite(budgetRaw) && budgetRaw > 0 ? budgetRaw : 15;
if (!existsSync(DIST)) {
  console.error(`No ${DIST}/ directory: run \`npm run build\` first.`);
  process.exit(1);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const fileCache = new Map();
function readAsset(urlPath) {
  if (!fileCache.has(urlPath)) {
    const p = join(DIST, decodeURIComponent(urlPath.split(/[?#]/)[0]));
    fileCache.set(urlPath, existsSync(p) && statSync(p).isFile() ? readFileSync(p) : null);
  }
  return fileCache.get(urlPath);
}

/** Static import closure of JS modules (URL paths), plus the dynamic imports it reaches. */
function closure(entries) {
  const seen = new Set();
  const lazy = new Set();
  const stack = [...entries];
  while (stack.length) {
    const u = stack.pop();
    if (seen.has(u)) continue;
    const buf = readAsset(u);
    if (!buf) continue;
    seen.add(u);
    const src = buf.toString("utf8");
    const resolve = (spec) => (spec.startsWith(".") ? posix.normalize(posix.join(posix.dirname(u), spec)) : spec.startsWith("/") ? spec : null);
    for (const m of src.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) {
      const r = resolve(m[1]);
      if (r) stack.push(r);
    }
    for (const m of src.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
      const r = resolve(m[1]);
      if (r) lazy.add(r);
    }
  }
  for (const s of seen) lazy.delete(s);
  return { files: [...seen], lazy: [...lazy] };
}

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "pagefind" && name !== "_astro") out.push(...htmlFiles(p));
    } else if (name.endsWith(".html")) out.push(p);
  }
  return out.sort();
}

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const sum = (urls, f) => urls.reduce((n, u) => n + (readAsset(u) ? f(readAsset(u)) : 0), 0);
const rows = [];
for (const file of htmlFiles(DIST)) {
  const html = readFileSync(file, "utf8");
  const page = "/" + relative(DIST, file).replace(/index\.html$/, "").split("\\").join("/");
  const jsEntries = [];
  let inlineJs = "";
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = attr(m[1], "src");
    const type = attr(m[1], "type");
    if (src) jsEntries.push(src);
    else if (!type || type === "module" || type === "text/javascript") inlineJs += m[2];
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (attr(m[0], "rel") === "modulepreload" && attr(m[0], "href")) jsEntries.push(attr(m[0], "href"));
  }
  const css = [...html.matchAll(/<link\b[^>]*>/g)].filter((m) => attr(m[0], "rel") === "stylesheet").map((m) => attr(m[0], "href"));
  const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join("");
  const { files, lazy } = closure(jsEntries);
  // Islands (demos) hydrate on `client:visible`: their component and renderer modules load when scrolled to.
  const islandEntries = [...html.matchAll(/<astro-island\b[^>]*>/g)].flatMap((m) => [attr(m[0], "component-url"), attr(m[0], "renderer-url")]).filter(Boolean);
  const islands = closure(islandEntries).files.filter((f) => !files.includes(f));
  const jsRaw = sum(files, (b) => b.length) + Buffer.byteLength(inlineJs);
  const jsGz = sum(files, gz) + (inlineJs ? gz(Buffer.from(inlineJs)) : 0);
  rows.push({
    page, files: files.length, jsRaw, jsGz,
    lazyGz: sum(lazy, gz), lazyN: lazy.length,
    islandGz: sum(islands, gz), islandN: islands.length,
    cssRaw: sum(css, (b) => b.length) + Buffer.byteLength(inlineCss),
    cssGz: sum(css, gz) + (inlineCss ? gz(Buffer.from(inlineCss)) : 0),
  });
}

const kb = (n) => (n / 1024).toFixed(1);
const header = ["page", "JS files", "JS raw KB", "JS gzip KB", `≤${BUDGET_KB} KB gz`, "island JS gzip KB", "lazy JS gzip KB", "CSS raw KB", "CSS gzip KB"];
const table = rows.map((r) => [
  r.page, String(r.files), kb(r.jsRaw), kb(r.jsGz), r.jsGz <= BUDGET_KB * 1024 ? "yes" : "NO",
  r.islandN ? `${kb(r.islandGz)} (${r.islandN})` : "0", r.lazyN ? `${kb(r.lazyGz)} (${r.lazyN})` : "0", kb(r.cssRaw), kb(r.cssGz),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
console.log(line(header));
console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
for (const row of table) console.log(line(row));
const pf = readAsset("/pagefind/pagefind.js");
if (pf) {
  const wasm = readdirSync(join(DIST, "pagefind")).filter((n) => /^wasm\.en\.pagefind$|\.pf_meta$/.test(n)); // lang="en"
  const wasmGz = wasm.reduce((n, f) => n + readFileSync(join(DIST, "pagefind", f)).length, 0); // already compressed
  console.log(`\nSearch, loaded on first focus of the search box: pagefind.js ${kb(gz(pf))} KB gzip + ${wasm.length} files (wasm.en + meta) ${kb(wasmGz)} KB (+ index fragments per query).`);
}
console.log(`\nJS = static import closure of the page's module scripts + inline scripts; island JS = the closure of its demos' component and renderer modules (loaded when a demo scrolls into view; Web Worker files not counted); gzip level 9. Fonts are not counted.`);

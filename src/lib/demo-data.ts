/**
 * Build-time store of the demos' default runs. Demo.astro computes each default run anyway (for the
 * build-time figure); it publishes the encoded result here and hands the island its URL, so the island
 * can show the live chart without starting a worker and running the model again. The files are
 * content-addressed (`demo-data/<sha256 prefix>.json`): a changed run gets a new name, never a stale cache.
 *
 * The store lives on globalThis because the pages are rendered from Vite's bundle while the integration
 * that writes the files (src/plugins/demo-data.ts) is loaded with astro.config.mjs: two module instances,
 * one process.
 */
import { createHash } from "node:crypto";

/** Folder of the files under the site's base (dist/demo-data/ after a build). */
export const DEMO_DATA_DIR = "demo-data";

const KEY = Symbol.for("self-consuming-loops.demo-data");

/** file name → JSON text, for everything published by the pages rendered in this process. */
export function demoDataStore(): Map<string, string> {
  const g = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  return (g[KEY] ??= new Map());
}

/** Stores the text and returns its file name (identical texts share one file). */
export function publishDemoData(text: string): string {
  const name = `${createHash("sha256").update(text).digest("hex").slice(0, 16)}.json`;
  demoDataStore().set(name, text);
  return name;
}

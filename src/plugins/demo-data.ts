/**
 * Writes the demos' default runs published during rendering (src/lib/demo-data.ts) to dist/demo-data/
 * after a build, and serves them from memory in `astro dev`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import type { AstroIntegration } from "astro";
import { DEMO_DATA_DIR, demoDataStore } from "../lib/demo-data";

const NAME = /^[0-9a-f]{16}\.json$/;

export default function demoData(): AstroIntegration {
  return {
    name: "demo-data",
    hooks: {
      "astro:server:setup": ({ server }) => {
        server.middlewares.use(`/${DEMO_DATA_DIR}/`, (req, res, next) => {
          const name = (req.url ?? "").replace(/^\//, "").split("?")[0] ?? "";
          const text = NAME.test(name) ? demoDataStore().get(name) : undefined;
          if (text === undefined) return next();
          res.setHeader("Content-Type", "application/json");
          res.end(text);
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const store = demoDataStore();
        const out = new URL(`${DEMO_DATA_DIR}/`, dir);
        await mkdir(out, { recursive: true });
        let bytes = 0;
        for (const [name, text] of store) {
          await writeFile(new URL(name, out), text);
          bytes += text.length;
        }
        logger.info(`${store.size} default demo runs written to ${DEMO_DATA_DIR}/ (${(bytes / 1024).toFixed(0)} KB before compression)`);
      },
    },
  };
}

/**
 * Astro integration for `astro dev`: a page's compiled MDX embeds labels of other pages (cross-references)
 * and bibliography entries, which Vite cannot see as dependencies. When a chapter, an appendix or
 * references.bib changes, invalidate every compiled .mdx module and reload the browser, so numbers
 * and citations never go stale. Builds are unaffected.
 */
import type { AstroIntegration } from "astro";

const WATCHED = /[\\/]content[\\/](?:(?:chapters|appendices)[\\/].*\.mdx|references\.bib)$/;

export default function scholarlyDevReload(): AstroIntegration {
  return {
    name: "scholarly-dev-reload",
    hooks: {
      "astro:server:setup": ({ server }) => {
        const onChange = (file: string) => {
          if (!WATCHED.test(file)) return;
          for (const mod of server.moduleGraph.idToModuleMap.values()) {
            if (mod.file?.endsWith(".mdx") && mod.file !== file) server.moduleGraph.invalidateModule(mod);
          }
          server.ws.send({ type: "full-reload" });
        };
        server.watcher.on("change", onChange);
        server.watcher.on("add", onChange);
        server.watcher.on("unlink", onChange);
      },
    },
  };
}

// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import remarkMath from "remark-math";
import { demoData, remarkScholarly, rehypeKatexStrict, scholarlyDevReload } from "./src/plugins/index.ts";

/** The one setting for the site's public address; permalinks and citations derive from it. */
const SITE_URL = process.env.SITE_URL ?? "https://self-consuming-loops.example.org";

export default defineConfig({
  site: SITE_URL,
  trailingSlash: "always",
  integrations: [mdx(), preact(), scholarlyDevReload(), demoData()],
  // Numbered environments, cross-references, citations (remarkScholarly) and KaTeX with the shared
  // macros (rehypeKatexStrict: invalid TeX fails the build). MDX inherits these.
  markdown: { remarkPlugins: [remarkMath, remarkScholarly], rehypePlugins: [rehypeKatexStrict] },
});

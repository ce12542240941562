/**
 * The build plugins, ready for astro.config.mjs:
 *   markdown: { remarkPlugins: [remarkMath, [remarkScholarly, opts]], rehypePlugins: [rehypeKatexStrict] }
 * MDX inherits them. remark-math must run before remarkScholarly (Equation reads its math nodes).
 */
export { default as remarkScholarly, type ScholarlyOptions } from "./remark-scholarly";
export { default as rehypeKatexStrict, TexError } from "./rehype-katex-strict";
export { default as scholarlyDevReload } from "./dev-reload";
export { default as demoData } from "./demo-data";

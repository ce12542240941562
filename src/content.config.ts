import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";

/** Frontmatter shared by chapters and appendices. `slug` is the stable URL segment: never change it once published. */
const page = z.object({
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  summary: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lower-case words joined by hyphens"),
  updated: z.coerce.date(),
});

const chapters = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content/chapters" }),
  schema: page.extend({ number: z.number().int().min(1) }),
});

const appendices = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content/appendices" }),
  schema: page.extend({ letter: z.string().regex(/^[A-Z]$/) }),
});

export const collections = { chapters, appendices };

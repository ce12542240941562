/** The reading order of the site: chapters by number, then appendices by letter. Build time only. */
import { getCollection, type CollectionEntry } from "astro:content";

export interface PageInfo {
  kind: "chapter" | "appendix";
  entry: CollectionEntry<"chapters"> | CollectionEntry<"appendices">;
  slug: string;
  href: string;
  /** "Chapter 3" / "Appendix A". */
  label: string;
  /** "3" / "A". */
  mark: string;
  title: string;
  shortTitle: string;
  summary: string;
  updated: Date;
}

export async function allPages(): Promise<PageInfo[]> {
  const chapters = (await getCollection("chapters")).sort((a, b) => a.data.number - b.data.number);
  const appendices = (await getCollection("appendices")).sort((a, b) => a.data.letter.localeCompare(b.data.letter));
  return [
    ...chapters.map((e): PageInfo => ({
      kind: "chapter", entry: e, slug: e.data.slug, href: `/chapters/${e.data.slug}/`,
      label: `Chapter ${e.data.number}`, mark: String(e.data.number), title: e.data.title,
      shortTitle: e.data.shortTitle, summary: e.data.summary, updated: e.data.updated,
    })),
    ...appendices.map((e): PageInfo => ({
      kind: "appendix", entry: e, slug: e.data.slug, href: `/appendices/${e.data.slug}/`,
      label: `Appendix ${e.data.letter}`, mark: e.data.letter, title: e.data.title,
      shortTitle: e.data.shortTitle, summary: e.data.summary, updated: e.data.updated,
    })),
  ];
}

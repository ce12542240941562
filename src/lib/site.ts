/**
 * Site metadata: one source for the layout, page meta tags, citations and CITATION.cff.
 * Build-time module (reads package.json and the environment); client scripts read the
 * same facts from <meta name="site-version"> / <meta name="build-date"> instead.
 */
import { version } from "../../package.json";
import type { Author } from "./cite";

export const SITE_TITLE = "Self-consuming loops";
export const SITE_SUBTITLE = "An explorable explanation of the limits of recursive self-training";
export const SITE_DESCRIPTION =
  "Why generative models trained on their own output degenerate, and the algorithmic-probability way out (after Zenil, arXiv:2601.05280).";

/** Who is credited in citations of this site. Keep in sync with CITATION.cff. */
export const SITE_AUTHORS: readonly Author[] = [{ literal: "Self-consuming loops contributors" }];

/** The paper the site explains (v1 title; v2 retitled it "…in Large Language Models: The Singularity Is Not Near…"). */
export const PAPER = {
  author: "H. Zenil",
  title: "On the Limits of Self-Improving in LLMs and Why AGI, ASI and the Singularity Are Not Near Without Symbolic Model Synthesis",
  arxiv: "2601.05280",
  year: 2026,
  url: "https://arxiv.org/abs/2601.05280",
} as const;

/** The one-sentence scope statement shown on the home page. */
export const SCOPE =
  "The collapse results concern closed-loop density matching on finite samples with vanishing exogenous signal; fresh data, accumulation, external verifiers change the outcome.";

export const SITE_VERSION: string = version;

/**
 * Build date as YYYY-MM-DD (UTC). SOURCE_DATE_EPOCH (seconds), when set, makes builds reproducible.
 * An unusable value falls back to the current time rather than failing the build.
 */
export function buildDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const raw = env.SOURCE_DATE_EPOCH;
  const secs = raw !== undefined && /^\d{1,12}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  const d = Number.isFinite(secs) ? new Date(secs * 1000) : now;
  return d.toISOString().slice(0, 10);
}

export const BUILD_DATE: string = buildDate();

/** Absolute URL for a site path, from `site` in astro.config.mjs (SITE_URL overrides it there). */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  const base = site ?? "http://localhost:4321/";
  return new URL(path, base).href;
}

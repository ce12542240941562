/**
 * Server-side rendering of chart SVGs at build time (no-JS and print figure). linkedom supplies the
 * `document` Plot draws into; only Demo.astro imports this file, so linkedom never reaches the client.
 */
import { parseHTML } from "linkedom";

export function renderSvg(draw: (document: Document) => Element): string {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  return draw(document as unknown as Document).outerHTML;
}

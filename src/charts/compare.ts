/**
 * Pin & compare: the shared look of a pinned run "A" drawn over the current run "B" on every chart kind.
 * A is drawn in the compare colour and dotted (so A and B differ in print and for colour-blind readers);
 * its marks carry the class `pinned-a` (tests and readers' tools can find them), and each chart kind adds
 * one legend item "Pinned A: <label> (…)" (two for the pair chart, which tells its series apart by dash).
 */
import type { LegendItem } from "./fan";
import { COLOR } from "./palette";

/** Dash pattern of pinned-run marks (as in fan, points and lines). */
export const COMPARE_DASH = "1.5 3";
/** Class on the `<g>` of every mark that draws the pinned run. */
export const PINNED_CLASS = "pinned-a";

/** Plot mark options every pinned-run line shares. */
export const pinnedLine = { stroke: COLOR.compare, strokeDasharray: COMPARE_DASH, className: PINNED_CLASS, ariaHidden: "true" } as const;

/** The legend item of a pinned run, e.g. "Pinned A: n = 5, seed 1 (p_t of its sample run 1)". */
export function pinnedLegend(label: string, what: string, key = "compare", dash?: string): LegendItem {
  return { key, label: `Pinned A: ${label} (${what})`, color: COLOR.compare, shape: "dotted", ...(dash ? { dash } : {}) };
}

/** Suffix of an svg's aria-label when a pinned run is drawn. */
export const pinnedAria = (drawn: boolean): string => (drawn ? ", with pinned run A" : "");

/** Generation index of A shown with B's playhead at `upto` (clamped to A's last generation). */
export const clampIndex = (upto: number, generations: readonly number[]): number => Math.max(0, Math.min(upto, generations.length - 1));

/** `f()`, or undefined if it throws: a pinned run that does not fit a view is not drawn, never a crash. */
export function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

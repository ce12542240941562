/** Colours for the most frequent distinct blocks (the rest are drawn grey). Kept apart from analysis.ts so islands stay small. */
export const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#7f7f7f"] as const;
export const COLOURED = PALETTE.length - 1;

/** Exact cut-offs S(n) (Busy Beaver shift numbers) for n = 1..4: a machine that halts does so within S(n) steps. */
export const CUTOFFS = [0, 1, 6, 21, 107] as const;

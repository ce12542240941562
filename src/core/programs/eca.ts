/**
 * Elementary cellular automata (Wolfram numbering) on a ring: stepping, space-time patterns, the
 * centre column as a bit sequence, and rule identification from an observed space-time pattern.
 */
import type { Bits } from "./bits";

/** One synchronous step of rule r on a ring. */
export function ecaStep(rule: number, row: Bits, out: Bits = new Uint8Array(row.length)): Bits {
  const w = row.length;
  for (let i = 0; i < w; i++) {
    const l = row[(i - 1 + w) % w]!;
    const c = row[i]!;
    const r = row[(i + 1) % w]!;
    out[i] = (rule >>> ((l << 2) | (c << 1) | r)) & 1;
  }
  return out;
}

/** Rows 0..steps (steps + 1 rows) starting from `seed`. */
export function spaceTime(rule: number, seed: Bits, steps: number): Bits[] {
  const rows: Bits[] = [Uint8Array.from(seed)];
  for (let t = 0; t < steps; t++) rows.push(ecaStep(rule, rows[t]!));
  return rows;
}

/**
 * The centre column of rule r from a single 1, n bits. The ring has width 2n + 1, so the wrap-around
 * never reaches the centre within n steps: this is the infinite-lattice column.
 */
export function centreColumn(rule: number, n: number): Bits {
  const w = 2 * n + 1;
  let row: Bits = new Uint8Array(w);
  let next: Bits = new Uint8Array(w);
  row[n] = 1;
  const out = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    out[t] = row[n]!;
    ecaStep(rule, row, next);
    [row, next] = [next, row];
  }
  return out;
}

/**
 * Rules consistent with an observed space-time pattern: every observed transition (l, c, r) → next fixes
 * bit l·4 + c·2 + r of the rule; unobserved neighbourhoods are free. Returns the consistent rules in
 * increasing order (empty when two observations contradict each other).
 */
export function identifyRules(rows: readonly Bits[]): number[] {
  let known = 0;
  let value = 0;
  for (let t = 0; t + 1 < rows.length; t++) {
    const row = rows[t]!;
    const nxt = rows[t + 1]!;
    const w = row.length;
    for (let i = 0; i < w; i++) {
      const k = (row[(i - 1 + w) % w]! << 2) | (row[i]! << 1) | row[(i + 1) % w]!;
      const bit = nxt[i]!;
      if (known & (1 << k)) {
        if (((value >>> k) & 1) !== bit) return [];
      } else {
        known |= 1 << k;
        value |= bit << k;
      }
    }
  }
  const out: number[] = [];
  for (let r = 0; r < 256; r++) if ((r & known) === (value & known)) out.push(r);
  return out;
}

/**
 * Equivalence classes of the 256 rules by the pattern they produce from `seed` in `steps` steps,
 * computed by brute-force simulation (independent of `identifyRules`). Map: rule → sorted class.
 */
export function patternClasses(seed: Bits, steps: number): Map<number, number[]> {
  const groups = new Map<string, number[]>();
  const of: string[] = [];
  for (let r = 0; r < 256; r++) {
    const k = spaceTime(r, seed, steps)
      .map((row) => row.join(""))
      .join("/");
    of.push(k);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out = new Map<number, number[]>();
  for (let r = 0; r < 256; r++) out.set(r, groups.get(of[r]!)!);
  return out;
}

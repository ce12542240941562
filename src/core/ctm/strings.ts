/** Binary-string symmetries used by CTM: complement (swap 0/1), reversal, and the canonical lookup key. */

/** Swap 0 and 1. */
export function complement(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += s[i] === "0" ? "1" : "0";
  return out;
}

/** Reverse the string. */
export function reverse(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/**
 * pybdm's key normalisation for binary input: symbols renamed in order of first appearance, i.e. a string
 * starting with 1 is complemented. CTM is complement-invariant, so this key is enough for lookup.
 */
export function canonicalKey(s: string): string {
  return s.startsWith("1") ? complement(s) : s;
}

/** The lexicographically least of s, complement, reverse, reverse-complement (the orbit's representative). */
export function orbitKey(s: string): string {
  const c = complement(s), r = reverse(s), rc = reverse(c);
  let best = s;
  for (const x of [c, r, rc]) if (x < best) best = x;
  return best;
}

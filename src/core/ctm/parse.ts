/**
 * Parsing of user-supplied binary strings (CLI arguments, form fields): '0'/'1' only, 1 … MAX_BITS symbols.
 * Errors are one-line messages that quote at most a short, escaped excerpt of the input.
 */

/** Longest input accepted by BDM. */
export const MAX_BITS = 1_000_000;

export class BitsError extends Error {
  override readonly name = "BitsError";
}

function excerpt(text: string): string {
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return JSON.stringify(shown);
}

/** Parse a binary string into 0/1 cells. */
export function parseBits(text: string, maxLength = MAX_BITS): Uint8Array {
  if (text.length === 0) throw new BitsError("expected a binary string of 0s and 1s, got an empty string");
  if (text.length > maxLength) throw new BitsError(`expected at most ${maxLength} symbols, got ${text.length}`);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 48 && c !== 49) throw new BitsError(`expected only 0 and 1, found ${JSON.stringify(String.fromCodePoint(text.codePointAt(i)!))} at position ${i + 1} of ${excerpt(text)}`);
    out[i] = c - 48;
  }
  return out;
}

/** Bits back to a '0'/'1' string. */
export function bitsToString(bits: Uint8Array): string {
  let s = "";
  for (const b of bits) s += b ? "1" : "0";
  return s;
}

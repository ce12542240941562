/**
 * Program synthesis for a binary sequence by MDL: every library program is scored by
 * L(program) + L(exceptions), the exceptions being the positions where the data differ from the
 * program's output (bits.ts `exceptionBits`). Noise is tolerated: a short program with a few exceptions
 * beats a long literal. The literal itself ("the data, verbatim": n bits; n is known to every candidate,
 * which do not pay for it either) is always a candidate.
 */
import { ParamError } from "../errors";
import { exceptionBits, hammingPacked, pack, type Bits } from "./bits";
import { buildLibrary, type Library, type LibraryOptions } from "./library";
import { describeProgram, type SeqProgram } from "./language";

export interface Synthesis {
  /** Library index, or −1 for the literal. */
  index: number;
  program: SeqProgram | null;
  description: string;
  programBits: number;
  exceptions: number;
  bits: number;
}

export const MAX_SEQUENCE = 10_000;

/** MDL scores of every library program against data (same length as the library's n). */
export function scoreLibrary(lib: Library, data: Bits, out = new Float64Array(lib.programs.length)): Float64Array {
  const packed = pack(data);
  const n = lib.n;
  for (let i = 0; i < lib.programs.length; i++) {
    const k = hammingPacked(lib.outputs, i * lib.words, packed, lib.words);
    out[i] = lib.bits[i]! + exceptionBits(n, k);
  }
  return out;
}

/** The `top` shortest descriptions of data, best first (ties: shorter program, then library order). */
export function synthesize(data: Bits, options: LibraryOptions & { top?: number } = {}): Synthesis[] {
  if (data.length < 1 || data.length > MAX_SEQUENCE) throw new ParamError("data", `1 to ${MAX_SEQUENCE} bits`, `${data.length} bits`);
  const lib = buildLibrary(data.length, options);
  const scores = scoreLibrary(lib, data);
  const packed = pack(data);
  const order = Array.from(scores.keys()).sort((a, b) => scores[a]! - scores[b]! || lib.bits[a]! - lib.bits[b]! || a - b);
  const top = options.top ?? 5;
  const out: Synthesis[] = order.slice(0, top).map((i) => {
    const k = hammingPacked(lib.outputs, i * lib.words, packed, lib.words);
    return { index: i, program: lib.programs[i]!, description: describeProgram(lib.programs[i]!), programBits: lib.bits[i]!, exceptions: k, bits: scores[i]! };
  });
  const literal = data.length;
  out.push({ index: -1, program: null, description: "literal", programBits: literal, exceptions: 0, bits: literal });
  out.sort((a, b) => a.bits - b.bits || a.programBits - b.programBits);
  return out.slice(0, top);
}

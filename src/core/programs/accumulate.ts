/**
 * The hybrid learner under the "accumulate" workflow (chapter 12): every generation's n-bit segment is
 * kept, so the program is chosen by L(h) + L(exceptions) over all segments seen so far plus the grounded
 * set. Keeping a running count of each library program's exceptions makes a generation cost one pass
 * over the library, as in the replace workflow (`projectOnLibrary`).
 */
import { exceptionBits, hammingPacked, pack, type Bits } from "./bits";
import { libraryOutput, type Library } from "./library";

export interface AccumulatedProjection {
  /** Exceptions of each library program, summed over the segments added so far. */
  counts: Float64Array;
  /** Exceptions of each program on the fixed grounded bits (computed once). */
  ground: Float64Array;
  m: number;
  /** Data bits added so far (segments × n). */
  total: number;
}

/** Starts an accumulated projection for a library and grounded bits (positions 0..m−1 of the truth). */
export function startAccumulated(lib: Library, grounded: Bits): AccumulatedProjection {
  const ground = new Float64Array(lib.programs.length);
  if (grounded.length > 0) {
    for (let i = 0; i < lib.programs.length; i++) {
      const o = libraryOutput(lib, i);
      let d = 0;
      for (let j = 0; j < grounded.length; j++) d += o[j]! ^ grounded[j]!;
      ground[i] = d;
    }
  }
  return { counts: new Float64Array(lib.programs.length), ground, m: grounded.length, total: 0 };
}

/** Adds one n-bit segment to the running exception counts. */
export function addSegment(acc: AccumulatedProjection, lib: Library, segment: Bits): void {
  const packed = pack(segment);
  for (let i = 0; i < lib.programs.length; i++) acc.counts[i] = acc.counts[i]! + hammingPacked(lib.outputs, i * lib.words, packed, lib.words);
  acc.total += lib.n;
}

/**
 * Program with the shortest description of all accumulated data plus the grounded set (ties: shorter
 * program, then library order), with its exceptions on the data and on the grounded bits.
 */
export function projectAccumulated(acc: AccumulatedProjection, lib: Library): { index: number; exceptions: number; groundExceptions: number } {
  const N = acc.total + acc.m;
  let best = -1;
  let bestBits = Infinity;
  for (let i = 0; i < lib.programs.length; i++) {
    const bits = lib.bits[i]! + exceptionBits(N, acc.counts[i]! + acc.ground[i]!);
    if (bits < bestBits || (bits === bestBits && lib.bits[i]! < lib.bits[best]!)) [best, bestBits] = [i, bits];
  }
  return { index: best, exceptions: acc.counts[best]!, groundExceptions: acc.ground[best]! };
}

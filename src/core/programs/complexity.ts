/**
 * The seam for CTM/BDM: a complexity function maps a short bit string to bits. Program description
 * lengths use it for their literal parts (repeated patterns, prefixes, morphism images). Until the CTM/BDM
 * engine (src/core/ctm/) is wired in, the default is the self-delimiting literal code γ(|s|) + |s|.
 * Whatever is plugged in should be a prefix-code length (Σ_s 2^−K(s) ≤ 1, e.g. CTM = −log₂ D(n,m)) so
 * that program lengths keep satisfying Kraft's inequality.
 */
import { gammaBits } from "./bits";

/** Bits to describe a non-empty binary string given as "0101…". */
export type BitComplexity = (s: string) => number;

/** Default: Elias-γ of the length, then the bits themselves. */
export const literalBits: BitComplexity = (s) => gammaBits(s.length) + s.length;

/** Public API of program synthesis for bit sequences and ECA identification (see symbolic/README.md). */
export { synthesize, scoreLibrary, MAX_SEQUENCE, type Synthesis } from "./synthesize";
export { buildLibrary, libraryOutput, type Library, type LibraryOptions } from "./library";
export { runProgram, programBits, describeProgram, type SeqProgram, type Base } from "./language";
export { literalBits, type BitComplexity } from "./complexity";
export { ecaStep, spaceTime, centreColumn, identifyRules, patternClasses } from "./eca";
export { fromString, toString, exceptionBits, type Bits } from "./bits";
export { misidentificationBound, type Competitor } from "./identification-bound";
export { ctmComplexity, ctmLibraryOptions, rankAlternatives, rankEcaRules, ruleBits, ruleTable, checkPattern, CTM_LITERAL_ID, type Alternative, type Prior, type RuleScore } from "./ctm-prior";

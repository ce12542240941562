/** Public API of symbolic regression (see README.md in this folder). */
export { searchExpressions, checkData, fittedExpr, MAX_POINTS, DEFAULT_MAX_CANDIDATES, SCREEN_POINTS, type SearchOptions, type SearchResult, type Candidate } from "./search";
export { parseLaw, LAW_ALLOWED } from "./parse";
export { toPlain, toLatex, formatNumber } from "./print";
export { simplify } from "./simplify";
export { evaluate, size, constantCount, type Expr } from "./expr";
export { makeGrammar, kraftTotal, structureBits, DEFAULT_OPS, type Grammar } from "./grammar";
export { ALL_OPS, type OpName } from "./ops";
export { parseCsv, CSV_ALLOWED } from "./csv";

/**
 * TeX macros shared by every page (passed to KaTeX at build time) and by any client code that renders
 * TeX (pass a copy: KaTeX writes \gdef definitions into the object it is given).
 * Keep them to notation the chapters actually use; document each in the notation appendix.
 */
export const KATEX_MACROS: Readonly<Record<string, string>> = {
  // probability
  "\\E": "\\mathbb{E}",
  "\\Var": "\\operatorname{Var}",
  "\\Cov": "\\operatorname{Cov}",
  "\\Prob": "\\Pr",
  "\\KL": "\\operatorname{KL}",
  "\\Bin": "\\operatorname{Bin}",
  "\\Mult": "\\operatorname{Mult}",
  "\\Dir": "\\operatorname{Dir}",
  "\\Normal": "\\mathcal{N}",
  "\\iid": "\\overset{\\text{iid}}{\\sim}",
  "\\indicator": "\\mathbf{1}",
  "\\ind": "\\mathbf{1}",
  // sets and operators
  "\\R": "\\mathbb{R}",
  "\\N": "\\mathbb{N}",
  "\\Z": "\\mathbb{Z}",
  "\\supp": "\\operatorname{supp}",
  "\\argmax": "\\operatorname*{arg\\,max}",
  "\\argmin": "\\operatorname*{arg\\,min}",
  "\\logit": "\\operatorname{logit}",
  "\\softmax": "\\operatorname{softmax}",
  // information and algorithmic complexity
  "\\Hent": "H",
  "\\MI": "I",
  "\\CTM": "\\operatorname{CTM}",
  "\\BDM": "\\operatorname{BDM}",
  // the loop's objects
  "\\Xs": "\\mathcal{X}",
  "\\Pfam": "\\mathcal{P}",
  "\\Alg": "\\mathcal{A}",
  "\\pistar": "\\pi^{\\ast}",
};

/** A fresh mutable copy for one KaTeX run (KaTeX mutates the macros object on \gdef). */
export function katexMacros(): Record<string, string> {
  return { ...KATEX_MACROS };
}

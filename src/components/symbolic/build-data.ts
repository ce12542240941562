/**
 * Build-time runs of the chapter 11 demos (memoised per parameter set), for the no-JavaScript figures
 * and for numbers quoted in the prose (<SymbolicValue>). Same core code and seeds as the live demos.
 */
import { ECA_DEFAULTS, LAW_DEFAULTS, runEcaDemo, runLawDemo, type EcaDemoResult, type EcaParams, type LawDemoResult, type LawParams } from "../../core/symbolic/demo";
import { fromString } from "../../core/programs/bits";
import { ctmComplexity, rankAlternatives, ruleBits } from "../../core/programs/ctm-prior";
import { pow } from "../../core/math";
import { fmt } from "./format";

const laws = new Map<string, LawDemoResult>();
const ecas = new Map<string, EcaDemoResult>();

export function lawRun(patch: Partial<LawParams> = {}): LawDemoResult {
  const p = { ...LAW_DEFAULTS, ...patch };
  const k = JSON.stringify(p);
  let r = laws.get(k);
  if (!r) laws.set(k, (r = runLawDemo(p)));
  return r;
}

export function ecaRun(patch: Partial<EcaParams> = {}): EcaDemoResult {
  const p = { ...ECA_DEFAULTS, ...patch };
  const k = JSON.stringify(p);
  let r = ecas.get(k);
  if (!r) ecas.set(k, (r = runEcaDemo(p)));
  return r;
}

/**
 * One quoted value of a law run. Keys: expression | bits | modelBits | residualBits | scored | sigma |
 * exact ("yes"/"no") | inside:<model> | outside:<model> | ratio:<model> (outside error of the model over
 * the recovered law's, or "∞"), where <model> is the start of a baseline name ("polynomial", "k-NN",
 * "MLP", "recovered").
 */
export function lawValue(patch: Partial<LawParams>, key: string, digits = 3): string {
  const r = lawRun(patch);
  const [what, model] = key.split(":");
  const row = model ? r.errors.find((e) => e.name.startsWith(model)) : undefined;
  if (model && !row) throw new Error(`<SymbolicValue>: no model "${model}" (have ${r.errors.map((e) => e.name).join(", ")})`);
  switch (what) {
    case "expression": return r.best.expression;
    case "bits": return fmt(r.best.bits, digits);
    case "modelBits": return fmt(r.best.modelBits, digits);
    case "residualBits": return fmt(r.best.residualBits, digits);
    case "scored": return r.scored.toLocaleString("en-US");
    case "sigma": return fmt(r.sigma, digits);
    case "exact": return r.exact ? "yes" : "no";
    case "inside": return fmt(row!.inside, digits);
    case "outside": return fmt(row!.outside, digits);
    default: throw new Error(`<SymbolicValue>: unknown key "${key}"`);
  }
}

/** One quoted value of an ECA run. Keys: top | topBits | consistent | hiddenRank | second | gap | flipped. */
export function ecaValue(patch: Partial<EcaParams>, key: string, digits = 3): string {
  const r = ecaRun(patch);
  switch (key) {
    case "top": return String(r.ranking[0]!.rule);
    case "topBits": return fmt(r.ranking[0]!.bits, digits);
    case "second": return String(r.ranking[1]!.rule);
    case "gap": return fmt(r.ranking[1]!.bits - r.ranking[0]!.bits, digits);
    case "consistent": return String(r.consistent.length);
    case "hiddenRank": return String(r.hiddenRank);
    case "flipped": return String(r.flipped.length);
    default: throw new Error(`<SymbolicValue>: unknown key "${key}"`);
  }
}

/**
 * Other quoted values. Keys: kraft (Σ 2^−CTM over all strings of 1–12 bits) | ctm:<bits> |
 * ruleBits:<rule> (CTM prior) | alt:<bits>:<ctm|literal>:<rank>:<description|bits|margin> (rankAlternatives;
 * margin = bits of the best `repeat` program minus bits of the best program).
 */
export function miscValue(key: string, digits = 3): string {
  const parts = key.split(":");
  switch (parts[0]) {
    case "kraft": {
      const K = ctmComplexity();
      let z = 0;
      for (let L = 1; L <= 12; L++) for (let v = 0; v < 1 << L; v++) z += pow(2, -K(v.toString(2).padStart(L, "0")));
      return z.toFixed(digits);
    }
    case "ctm": return fmt(ctmComplexity()(parts[1]!), digits);
    case "ruleBits": return fmt(ruleBits(Number(parts[1])), digits);
    case "alt": {
      const [, bits, prior, rank, field] = parts;
      const r = rankAlternatives(fromString(bits!), { prior: prior as "ctm" | "literal" });
      const a = r[Number(rank)]!;
      if (field === "description") return a.description;
      if (field === "bits") return fmt(a.bits, digits);
      if (field === "margin") return fmt(r.find((x) => x.program.base.kind === "repeat")!.bits - r[0]!.bits, digits);
      throw new Error(`<SymbolicValue>: unknown field in "${key}"`);
    }
    default: throw new Error(`<SymbolicValue>: unknown key "${key}"`);
  }
}

/**
 * Build-time runs of the chapter 11 demos (memoised per parameter set), for the no-JavaScript figures
 * and for numbers quoted in the prose (<SymbolicValue>). Same core code and seeds as the live demos.
 */
import { ECA_DEFAULTS, LAW_DEFAULTS, runEcaDemo, runLawDemo, type EcaDemoResult, type EcaParams, type LawDemoResult, type LawParams } from "../../core/symbolic/demo";
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

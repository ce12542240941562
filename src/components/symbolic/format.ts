/** Number formatting, CSV and command lines for the chapter 11 demos (no DOM). */
import type { EcaDemoResult, LawDemoResult } from "../../core/symbolic/demo";

/** Up to `digits` significant digits, plain notation for moderate values, exponent otherwise. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return v > 0 ? "∞" : v < 0 ? "−∞" : "n/a";
  if (v === 0) return "0";
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(Math.max(0, digits - 1)).replace("e+", "e");
  return s.replace("-", "−");
}

const csvCell = (v: string | number) => (typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvRows = (rows: (string | number)[][]) => `${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;

/** Tidy CSV: the curves (x, truth, recovered, polynomial, knn, mlp) then the training points as kind=data. */
export function lawCsv(r: LawDemoResult): string {
  const rows: (string | number)[][] = [["kind", "x", "truth", "recovered", "polynomial", "knn", "mlp", "y"]];
  for (const c of r.curve) rows.push(["curve", c.x, c.truth, c.recovered, c.polynomial, c.knn, c.mlp, ""]);
  for (const d of r.data) rows.push(["data", d.x, "", "", "", "", "", d.y]);
  return csvRows(rows);
}

/** The runner command that repeats the search (same points, noise draws and seed; absolute σ). */
export function lawCommand(r: Pick<LawDemoResult, "lawText" | "params" | "train" | "sigma">): string {
  return `npm run sim -- symbolic --law '${r.lawText}' --n ${r.params.n} --range ${r.train[0]},${r.train[1]} --noise ${r.sigma} --seed ${r.params.seed}`;
}

export function ecaCsv(r: EcaDemoResult): string {
  const rows: (string | number)[][] = [["rank", "rule", "table", "ruleBits", "exceptions", "exceptionBits", "bits"]];
  r.ranking.forEach((s, i) => rows.push([i + 1, s.rule, s.table, s.ruleBits, s.exceptions, s.exceptionBits, s.bits]));
  return csvRows(rows);
}

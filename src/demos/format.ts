/** Number and parameter text shared by descriptions, citations and the command line. */
import { formatParam, type AnySpec, type Params, type Schema } from "../core/schema";

/** Three significant digits, no exponent for everyday magnitudes: 0.412, 12.3, 1.23e-5. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-3) return value.toExponential(2).replace(/\.?0+e/, "e");
  if (Number.isInteger(value) && abs >= 100) return String(value);
  return String(Number(value.toPrecision(3)));
}

/** "n = 50, T = 200, prior = uniform" in schema order (labels are the schema names). */
export function formatParams(schema: Schema<Params>, params: Params): string {
  return (Object.entries(schema.params) as [string, AnySpec][])
    .filter(([name]) => params[name] !== undefined)
    .map(([name, spec]) => `${name} = ${formatParam(spec, params[name]!)}`)
    .join(", ");
}

/**
 * Parsing a two-column CSV of (x, y) points: optional header row, comma/semicolon/tab separators,
 * blank lines and surrounding spaces ignored. Any malformed row, non-finite value or more than
 * MAX_POINTS rows is a ParamError naming the line.
 */
import { ParamError } from "../errors";
import { MAX_POINTS } from "./search";

export const CSV_ALLOWED = "a CSV file with columns x,y (header optional), 3 to 10000 rows of finite numbers";
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function parseCsv(text: string, param = "data"): { xs: Float64Array; ys: Float64Array } {
  if (text.length > 2_000_000) throw new ParamError(param, CSV_ALLOWED, "a file over 2 MB");
  const lines = text.split(/\r?\n/);
  const xs: number[] = [];
  const ys: number[] = [];
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    const numeric = cells.length === 2 && cells.every((c) => NUMBER.test(c));
    if (first && !numeric && cells.length === 2 && cells.every((c) => /^[A-Za-z_][\w ]*$/.test(c))) {
      first = false;
      continue; // header
    }
    first = false;
    if (!numeric) throw new ParamError(param, CSV_ALLOWED, `line ${i + 1}: ${JSON.stringify(line.slice(0, 40))}`);
    const [x, y] = cells.map(Number) as [number, number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new ParamError(param, CSV_ALLOWED, `a non-finite value on line ${i + 1}`);
    xs.push(x);
    ys.push(y);
    if (xs.length > MAX_POINTS) throw new ParamError(param, CSV_ALLOWED, `more than ${MAX_POINTS} rows`);
  }
  if (xs.length < 3) throw new ParamError(param, CSV_ALLOWED, `${xs.length} data rows`);
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

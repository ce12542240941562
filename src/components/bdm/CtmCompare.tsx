/**
 * Demo (c): CTM/BDM vs Shannon entropy vs deflate length for an editable set of strings. The chart is drawn
 * by Observable Plot (loaded lazily); the build-time SVG is shown until the first client result.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { SetRow } from "./analysis";
import { bdmClient } from "./client";
import { fmt, fmtInt } from "./format";
import { parseSet, SET_LENGTH_MAX, SET_LENGTH_MIN, SET_SYNTAX } from "./input";
import { compareSchema } from "./schema";
import { TABLE_CREDIT } from "./credit";
import ToolShare, { ToolNotices } from "../tool/ToolShare";
import { useToolState } from "../tool/use-tool-state";
import type { Params, Schema } from "../../core/schema";

export interface Props {
  initial: SetRow[];
  /** Build-time SVG of the default chart (trusted build output). */
  initialSvg: string;
}

const ID = "ctm-compare";
const MAX_EXCERPT = 24;

export function CompareTable({ rows }: { rows: readonly SetRow[] }) {
  return (
    <div class="bdm-blocks-wrap" role="region" aria-label="Comparison table" tabIndex={0}>
      <table class="bdm-compare" data-testid="compare-table">
        <caption>CTM/BDM, entropy and compression for each string (all in bits)</caption>
        <thead>
          <tr>
            <th scope="col">String</th><th scope="col">Bits</th><th scope="col">Ones</th><th scope="col">CTM</th><th scope="col">BDM</th>
            <th scope="col">Entropy per symbol</th><th scope="col">Entropy × length</th><th scope="col">Block entropy</th><th scope="col">Deflate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr>
              <th scope="row">{i + 1}. {r.label}<br /><code class="bdm-excerpt">{r.bits.length > MAX_EXCERPT ? `${r.bits.slice(0, MAX_EXCERPT)}…` : r.bits}</code></th>
              <td>{fmtInt(r.length)}</td><td>{fmtInt(r.ones)}</td><td>{r.ctm === null ? "—" : fmt(r.ctm)}</td><td>{fmt(r.bdm)}</td>
              <td>{fmt(r.shannon, 3)}</td><td>{fmt(r.shannonTotal, 1)}</td><td>{fmt(r.blockEntropy, 3)}</td><td>{fmtInt(r.deflateBits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The comparison table as CSV. */
export function compareCsv(rows: readonly SetRow[]): string {
  const head = "item,label,bits,length,ones,ctm_bits,bdm_bits,entropy_per_symbol,entropy_times_length,block_entropy,deflate_bits";
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return [head, ...rows.map((r) => [q(r.spec), q(r.label), r.bits, r.length, r.ones, r.ctm ?? "", r.bdm, r.shannon, r.shannonTotal, r.blockEntropy, r.deflateBits].join(","))].join("\n") + "\n";
}

export default function CtmCompare({ initial, initialSvg }: Props) {
  const { params: p, setParams, reset, notices, dismissNotices, hydrated, defaults } = useToolState(ID, compareSchema);
  const [draft, setDraft] = useState(p.set);
  const [rows, setRows] = useState<SetRow[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  const chart = useRef<HTMLDivElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (hydrated) setDraft(p.set);
  }, [hydrated, p.set]);

  useEffect(() => {
    if (!hydrated) return;
    const id = ++seq.current;
    void (async () => {
      const api = await bdmClient();
      const r = await api.set(p.set.split(","), p.n, { block: p.block, offset: p.block, boundary: "ignore" });
      if (id !== seq.current) return;
      if (r.ok) {
        setRows(r.value);
        setError(null);
      } else setError(r.error);
    })();
  }, [hydrated, p.set, p.n, p.block]);

  useEffect(() => {
    if (!hydrated || !chart.current) return;
    let stale = false;
    void import("./compare-chart").then(({ compareChart }) => {
      if (stale || !chart.current) return;
      const svg = compareChart(rows, { width: Math.max(360, Math.min(720, chart.current.clientWidth || 640)) });
      svg.id = "ctm-compare-chart";
      chart.current.replaceChildren(svg);
      setDrawn(true);
    });
    return () => { stale = true; };
  }, [hydrated, rows]);

  const onSet = (value: string) => {
    setDraft(value);
    try {
      parseSet(value, p.n);
      setParams({ set: value.split(",").map((x) => x.trim()).filter(Boolean).join(",") });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "invalid set");
    }
  };

  return (
    <div class="bdm-tool" data-hydrated={hydrated ? "true" : undefined}>
      <ToolNotices notices={notices} onDismiss={dismissNotices} />
      <div class="demo-controls bdm-controls">
        <div class="bdm-input">
          <label for="compare-set">Strings ({SET_SYNTAX})</label>
          <textarea id="compare-set" rows={2} spellcheck={false} value={draft} onInput={(e) => onSet((e.target as HTMLTextAreaElement).value)} aria-describedby="compare-status" />
          <p id="compare-status" class="bdm-status" aria-live="polite">{error && <span class="bdm-error" data-testid="compare-error">{error}</span>}</p>
        </div>
        <div class="bdm-row">
          <label>
            Length{" "}
            <select name="n" value={String(p.n)} onChange={(e) => setParams({ n: Number((e.target as HTMLSelectElement).value) })}>
              {[...new Set([SET_LENGTH_MIN, 24, 48, 96, 192, 384, 768, 1536, SET_LENGTH_MAX, p.n])].sort((a, b) => a - b).map((n) => <option value={String(n)}>{n} bits</option>)}
            </select>
          </label>
          <label>
            Block size{" "}
            <select name="block" value={String(p.block)} onChange={(e) => setParams({ block: Number((e.target as HTMLSelectElement).value) })}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((b) => <option value={String(b)}>{b}</option>)}
            </select>
          </label>
          <button type="button" class="bdm-reset" onClick={reset}>Reset</button>
        </div>
      </div>
      <div class="bdm-legend" aria-hidden="true">
        <span><span class="bdm-mark" style={{ background: "#4e79a7" }} /> BDM</span>
        <span><span class="bdm-mark" style={{ background: "#f28e2b" }} /> Shannon entropy × length</span>
        <span><span class="bdm-mark" style={{ background: "#59a14f" }} /> deflate length</span>
      </div>
      <div class="bdm-chart" id="ctm-compare-chart-wrap" data-testid="compare-chart" data-drawn={drawn ? "true" : undefined}>
        {!drawn && <div class="bdm-static" dangerouslySetInnerHTML={{ __html: initialSvg }} />}
        <div ref={chart} />
      </div>
      <CompareTable rows={rows} />
      <p class="bdm-credit">{TABLE_CREDIT["1d"]}. Deflate: fflate, level 9, bits packed 8 per byte.</p>
      <ToolShare
        id={ID}
        label="CTM vs entropy vs compression"
        schema={compareSchema as unknown as Schema<Params>}
        params={p}
        defaults={defaults}
        json={() => ({ attribution: TABLE_CREDIT["1d"], rows })}
        csv={() => compareCsv(rows)}
        charts={[{ id: "ctm-compare-chart-wrap", label: "chart" }]}
        hydrated={hydrated}
      />
    </div>
  );
}

/**
 * Demo (d), the BDM calculator island: a binary string, text (UTF-8 → bits) or a drawn grid; the block
 * decomposition drawn with each distinct block's CTM and multiplicity; BDM, normalised BDM, block entropy,
 * Shannon entropy and deflate length side by side. All computation runs in the BDM worker. User input is
 * only ever rendered as text.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Analysis1, Analysis2 } from "./analysis";
import { bdmClient } from "./client";
import { Decomposition1, Decomposition2, Swatch } from "./Decomposition";
import { fmt, fmtInt } from "./format";
import { GRID_MAX, GRID_MIN, parseBinaryInput, parseGrid, parseTextInput, resizeGrid, toggleCell } from "./input";
import { BOUNDARY2D_OPTIONS, BOUNDARY_OPTIONS, calcSchema, MODE_OPTIONS, URL_MAX_BITS, URL_MAX_TEXT, type CalcParams } from "./schema";
import { TABLE_CREDIT } from "./credit";
import ToolShare, { ToolNotices } from "../tool/ToolShare";
import { useToolState } from "../tool/use-tool-state";
import type { Params, Schema } from "../../core/schema";

type Analysis = Analysis1 | Analysis2;

export interface Props {
  /** The default state's result, computed at build time (shown before and without JavaScript). */
  initial: Analysis;
}

const ID = "bdm";

export function Measures({ a }: { a: Analysis }) {
  const unit = a.kind === "1d" ? "bits" : "cells";
  return (
    <table class="bdm-measures" data-testid="bdm-measures">
      <caption class="demo-sr">BDM and the baselines for this input</caption>
      <tbody>
        <tr><th scope="row">Length</th><td data-m="length">{fmtInt(a.length)} {unit} ({fmtInt(a.ones)} ones)</td></tr>
        <tr><th scope="row">Blocks</th><td data-m="blocks">{fmtInt(a.blocks)} ({fmtInt(a.distinct)} distinct{a.uncovered ? `; ${fmtInt(a.uncovered)} ${unit} not covered` : ""})</td></tr>
        <tr><th scope="row">BDM</th><td data-m="bdm"><strong>{fmt(a.bdm)}</strong> bits</td></tr>
        <tr><th scope="row">Normalised BDM</th><td data-m="nbdm">{a.nbdm === null ? "— (not defined here)" : fmt(a.nbdm, 3)}</td></tr>
        <tr><th scope="row">Block entropy</th><td data-m="blockEntropy">{fmt(a.blockEntropy, 3)} bits per block</td></tr>
        <tr><th scope="row">Shannon entropy</th><td data-m="shannon">{fmt(a.shannon, 3)} bits per symbol (× length = {fmt(a.shannonTotal, 1)} bits)</td></tr>
        <tr><th scope="row">Deflate length</th><td data-m="deflate">{fmtInt(a.deflateBits)} bits</td></tr>
      </tbody>
    </table>
  );
}

export function BlockTable({ a, selected, onSelect }: { a: Analysis; selected?: number | undefined; onSelect?: (i: number | undefined) => void }) {
  return (
    <div class="bdm-blocks-wrap" role="region" aria-label="Distinct blocks" tabIndex={0}>
      <table class="bdm-blocks" data-testid="bdm-blocks">
        <caption>Distinct blocks ({fmtInt(a.distinct)}), most frequent first{a.unlisted ? `; ${fmtInt(a.unlisted)} more not listed` : ""}</caption>
        <thead>
          <tr><th scope="col">Block</th><th scope="col">CTM (bits)</th><th scope="col">Multiplicity n</th><th scope="col">CTM + log₂ n</th></tr>
        </thead>
        <tbody>
          {a.rows.map((r, i) => (
            <tr class={selected === i ? "bdm-selected" : undefined}>
              <td>
                <Swatch colour={r.colour} />{" "}
                {onSelect ? (
                  <button type="button" class="bdm-block-btn" aria-pressed={selected === i} onClick={() => onSelect(selected === i ? undefined : i)}>
                    <code>{r.block}</code>
                  </button>
                ) : (
                  <code>{r.block}</code>
                )}
              </td>
              <td>{fmt(r.ctm, 3)}{r.missing ? " (missing: max + 1)" : ""}</td>
              <td>{fmtInt(r.count)}</td>
              <td>{fmt(r.cost, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GridEditor({ rows, onChange }: { rows: string[]; onChange: (rows: string[]) => void }) {
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const ref = useRef<HTMLDivElement>(null);
  const R = rows.length, C = rows[0]!.length;
  const move = (e: KeyboardEvent, r: number, c: number) => {
    const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [0, -C], End: [0, C] };
    const step = d[e.key];
    if (!step) return;
    e.preventDefault();
    const nr = Math.max(0, Math.min(R - 1, r + step[0])), nc = Math.max(0, Math.min(C - 1, c + step[1]));
    setFocus([nr, nc]);
    ref.current?.querySelector<HTMLButtonElement>(`[data-cell="${nr}-${nc}"]`)?.focus();
  };
  return (
    <div class="bdm-grid" ref={ref} role="group" aria-label={`Grid editor, ${R} by ${C} cells: arrow keys move, Space or Enter toggles a cell`} style={{ gridTemplateColumns: `repeat(${C}, 1.6rem)` }}>
      {rows.flatMap((row, r) =>
        [...row].map((v, c) => (
          <button
            type="button"
            class="bdm-cell"
            data-cell={`${r}-${c}`}
            aria-label={`row ${r + 1}, column ${c + 1}`}
            aria-pressed={v === "1"}
            tabIndex={focus[0] === r && focus[1] === c ? 0 : -1}
            onClick={() => {
              setFocus([r, c]);
              onChange(toggleCell(rows, r, c));
            }}
            onKeyDown={(e) => move(e as unknown as KeyboardEvent, r, c)}
          />
        )),
      )}
    </div>
  );
}

/** The block table as CSV (one row per listed distinct block). */
export function blocksCsv(a: Analysis): string {
  const head = "block,shape,ctm_bits,missing,multiplicity,ctm_plus_log2_n";
  return [head, ...a.rows.map((r) => `${r.block},${r.shape},${r.ctm},${r.missing},${r.count},${r.cost}`)].join("\n") + "\n";
}

/** Validate the current input; returns the bits/grid to compute or an error message. */
function currentInput(p: CalcParams, draft: string): { bits?: string; grid?: string[]; error?: string } {
  if (p.mode === "grid") {
    const g = parseGrid(p.grid);
    return g.ok ? { grid: g.value } : { error: g.error };
  }
  const r = p.mode === "bits" ? parseBinaryInput(draft) : parseTextInput(draft);
  return r.ok ? { bits: r.value } : { error: r.error };
}

export default function BdmCalculator({ initial }: Props) {
  const { params: p, setParams, reset, notices, dismissNotices, hydrated, defaults } = useToolState(ID, calcSchema);
  const [draft, setDraft] = useState<string>(p.mode === "text" ? p.text : p.bits);
  const [result, setResult] = useState<Analysis | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [linkNote, setLinkNote] = useState<string | null>(null);
  const seq = useRef(0);

  // After the URL is read, the text box shows the URL's value.
  useEffect(() => {
    if (hydrated) setDraft(p.mode === "text" ? p.text : p.bits);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated, p.mode]);

  const input = useMemo(() => currentInput(p, draft), [p.mode, p.grid, draft]);

  useEffect(() => {
    if (!hydrated) return;
    const id = ++seq.current;
    if (input.error) {
      setError(input.error);
      setResult(null);
      setBusy(false);
      return;
    }
    setError(null);
    const timer = setTimeout(async () => {
      setBusy(true);
      const api = await bdmClient();
      const r = input.grid
        ? await api.grid(input.grid, { block: p.side, boundary: p.boundary2d })
        : await api.bits(input.bits!, { block: p.block, offset: p.offset, boundary: p.boundary });
      if (id !== seq.current) return;
      setBusy(false);
      setSelected(undefined);
      if (r.ok) setResult(r.value);
      else {
        setError(r.error);
        setResult(null);
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [hydrated, input, p.block, p.offset, p.boundary, p.side, p.boundary2d]);

  const onDraft = (value: string) => {
    setDraft(value);
    if (p.mode === "bits") {
      const r = parseBinaryInput(value);
      if (r.ok && r.value.length <= URL_MAX_BITS) {
        setParams({ bits: r.value });
        setLinkNote(null);
      } else if (r.ok) setLinkNote(`Strings longer than ${fmtInt(URL_MAX_BITS)} bits are computed but not written into the link.`);
    } else if (p.mode === "text") {
      if (value.length > 0 && value.length <= URL_MAX_TEXT) {
        setParams({ text: value });
        setLinkNote(null);
      } else if (value.length > URL_MAX_TEXT) setLinkNote(`Texts longer than ${fmtInt(URL_MAX_TEXT)} characters are computed but not written into the link.`);
    }
  };

  const setBlock = (block: number) => setParams({ block, offset: p.boundary === "correlated" ? Math.min(p.offset, block) : block });
  const setBoundary = (boundary: CalcParams["boundary"]) => setParams({ boundary, offset: boundary === "correlated" ? 1 : p.block });
  const gridRows = p.grid.split("-");
  const a = result;
  const shownKind = a?.kind;
  const bitsCount = input.bits?.length;
  const command = p.mode === "bits" && input.bits && input.bits.length <= 512
    ? `npm run ctm -- bdm ${input.bits} --block ${p.block} --offset ${p.offset} --boundary ${p.boundary}`
    : undefined;

  return (
    <div class="bdm-tool" data-hydrated={hydrated ? "true" : undefined} data-busy={busy ? "true" : undefined}>
      <ToolNotices notices={notices} onDismiss={dismissNotices} />
      <div class="demo-controls bdm-controls">
        <fieldset class="bdm-mode">
          <legend>Input</legend>
          {MODE_OPTIONS.map((o) => (
            <label>
              <input type="radio" name="bdm-mode" value={o.value} checked={p.mode === o.value} onChange={() => setParams({ mode: o.value })} /> {o.label}
            </label>
          ))}
        </fieldset>
        {p.mode !== "grid" ? (
          <div class="bdm-input">
            <label for="bdm-input">{p.mode === "bits" ? "Binary string (0s and 1s; spaces ignored; at most 1 000 000)" : "Text (converted to bits: each UTF-8 byte becomes 8 bits, most significant first)"}</label>
            <textarea id="bdm-input" rows={3} spellcheck={false} value={draft} onInput={(e) => onDraft((e.target as HTMLTextAreaElement).value)} aria-describedby="bdm-input-status" />
            <p id="bdm-input-status" class="bdm-status" aria-live="polite">
              {error ? <span class="bdm-error" data-testid="bdm-error">{error}</span> : bitsCount !== undefined ? `${fmtInt(bitsCount)} bits${busy ? " · computing…" : ""}` : ""}
              {linkNote && <span> {linkNote}</span>}
            </p>
          </div>
        ) : (
          <div class="bdm-input">
            <p class="bdm-label">Grid ({gridRows.length} × {gridRows[0]!.length}); click or use the keyboard to toggle cells</p>
            <GridEditor rows={gridRows} onChange={(rows) => setParams({ grid: rows.join("-") })} />
            <div class="bdm-row">
              <label>
                Grid size{" "}
                <select value={String(gridRows.length)} onChange={(e) => setParams({ grid: resizeGrid(gridRows, Number((e.target as HTMLSelectElement).value)).join("-") })}>
                  {Array.from({ length: GRID_MAX - GRID_MIN + 1 }, (_, i) => GRID_MIN + i).map((s) => <option value={String(s)}>{s} × {s}</option>)}
                </select>
              </label>
              <button type="button" onClick={() => setParams({ grid: gridRows.map((r) => "0".repeat(r.length)).join("-") })}>Clear</button>
            </div>
            <p class="bdm-status" aria-live="polite">{error ? <span class="bdm-error" data-testid="bdm-error">{error}</span> : busy ? "computing…" : ""}</p>
          </div>
        )}
        {p.mode !== "grid" ? (
          <div class="bdm-row">
            <label>
              Block size{" "}
              <select name="block" value={String(p.block)} onChange={(e) => setBlock(Number((e.target as HTMLSelectElement).value))}>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((b) => <option value={String(b)}>{b}</option>)}
              </select>
            </label>
            <label>
              Offset{" "}
              <select name="offset" value={String(p.offset)} disabled={p.boundary === "recursive"} onChange={(e) => setParams({ offset: Number((e.target as HTMLSelectElement).value) })}>
                {Array.from({ length: p.block }, (_, i) => i + 1).map((b) => <option value={String(b)}>{b}</option>)}
              </select>
            </label>
            <label>
              Boundary{" "}
              <select name="boundary" value={p.boundary} onChange={(e) => setBoundary((e.target as HTMLSelectElement).value as CalcParams["boundary"])}>
                {BOUNDARY_OPTIONS.map((o) => <option value={o.value}>{o.label}</option>)}
              </select>
            </label>
          </div>
        ) : (
          <div class="bdm-row">
            <label>
              Block side{" "}
              <select name="side" value={String(p.side)} onChange={(e) => setParams({ side: Number((e.target as HTMLSelectElement).value) })}>
                {[2, 3, 4].map((b) => <option value={String(b)}>{b} × {b}</option>)}
              </select>
            </label>
            <label>
              Boundary{" "}
              <select name="boundary2d" value={p.boundary2d} onChange={(e) => setParams({ boundary2d: (e.target as HTMLSelectElement).value as CalcParams["boundary2d"] })}>
                {BOUNDARY2D_OPTIONS.map((o) => <option value={o.value}>{o.label}</option>)}
              </select>
            </label>
          </div>
        )}
        <button type="button" class="bdm-reset" onClick={() => { reset(); setLinkNote(null); }}>Reset</button>
      </div>
      {a ? (
        <div class="bdm-results" data-testid="bdm-results" data-bdm={a.bdm.toFixed(6)}>
          <div class="bdm-figure" id="bdm-chart">
            {a.kind === "1d" ? <Decomposition1 a={a} id="bdm-figure" selected={selected} /> : <Decomposition2 a={a} id="bdm-figure" selected={selected} />}
            {a.kind === "1d" && a.length > a.shown.length && <p class="bdm-note">Showing the first {fmtInt(a.shown.length)} of {fmtInt(a.length)} symbols; the numbers use all of them.</p>}
          </div>
          <Measures a={a} />
          <BlockTable a={a} selected={selected} onSelect={setSelected} />
        </div>
      ) : (
        <p class="bdm-results bdm-empty" data-testid="bdm-results" data-bdm="">No result: {error ?? "fix the input above"}. Values are shown as “—” until the input is valid.</p>
      )}
      <p class="bdm-credit">{shownKind === "2d" || (!a && p.mode === "grid") ? TABLE_CREDIT["2d"] : TABLE_CREDIT["1d"]}.</p>
      <ToolShare
        id={ID}
        label="BDM calculator"
        schema={calcSchema as unknown as Schema<Params>}
        params={p}
        defaults={defaults}
        json={a ? () => ({ input: p.mode === "grid" ? { grid: p.grid } : { bits: input.bits }, attribution: shownKind === "2d" ? TABLE_CREDIT["2d"] : TABLE_CREDIT["1d"], ...a }) : null}
        csv={a ? () => blocksCsv(a) : null}
        charts={a ? [{ id: "bdm-chart", label: "decomposition" }] : []}
        {...(command ? { command } : {})}
        hydrated={hydrated}
      />
    </div>
  );
}

/**
 * SVG drawings of a block decomposition (server-renderable, no Plot): a 1-D string as rows of cells with
 * each block window underlined in its block's colour, or a 2-D grid with each tile outlined.
 */
import type { Analysis1, Analysis2 } from "./analysis";
import { PALETTE } from "./palette";

const GREY = "#9a9a9a";
const colourOf = (i: number) => (i >= 0 ? PALETTE[i]! : GREY);

export function Decomposition1({ a, id, selected }: { a: Analysis1; id: string; selected?: number }) {
  const perRow = 48, cw = 13, ch = 20;
  const overlapping = a.windows.length > 1 && a.windows[1]!.start < a.windows[0]!.start + a.windows[0]!.length;
  const text = a.shown;
  const rows = Math.ceil(text.length / perRow);
  // Non-overlapping: one band under each window. Overlapping: windows stacked in lanes below the text.
  const lanes = overlapping ? Math.min(a.windows.length, Math.ceil(a.windows[0]!.length / Math.max(1, a.windows[1]!.start - a.windows[0]!.start))) : 1;
  const rowH = ch + 6 * lanes + 8;
  const width = perRow * cw + 8, height = rows * rowH + 4;
  const parts: preact.JSX.Element[] = [];
  a.windows.forEach((w, k) => {
    const lane = overlapping ? k % lanes : 0;
    for (let i = w.start; i < w.start + w.length; ) {
      const r = Math.floor(i / perRow);
      const end = Math.min(w.start + w.length, (r + 1) * perRow);
      const x = 4 + (i % perRow) * cw, y = r * rowH + ch + 2 + 6 * lane;
      const hl = selected !== undefined && selected === w.row;
      parts.push(<rect x={x + 1} y={y} width={(end - i) * cw - 2} height={hl ? 6 : 4} fill={colourOf(w.colour)} stroke={hl ? "currentColor" : "none"} />);
      if (!overlapping) parts.push(<rect x={x} y={r * rowH} width={(end - i) * cw} height={ch} fill={colourOf(w.colour)} fill-opacity={hl ? 0.38 : 0.16} />);
      i = end;
    }
  });
  const label = `Block decomposition of the first ${text.length} of ${a.length} symbols: ${a.windows.length} block windows drawn, coloured by distinct block.`;
  return (
    <svg id={id} class="bdm-svg" viewBox={`0 0 ${width} ${height}`} width={width} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
      <title>{label}</title>
      {parts}
      {Array.from({ length: rows }, (_, r) => (
        <text x={4} y={r * rowH + 15} font-family="ui-monospace, monospace" font-size="13" fill="currentColor" textLength={Math.min(perRow, text.length - r * perRow) * cw} lengthAdjust="spacing">
          {text.slice(r * perRow, (r + 1) * perRow)}
        </text>
      ))}
    </svg>
  );
}

export function Decomposition2({ a, id, selected }: { a: Analysis2; id: string; selected?: number }) {
  const cell = 24, pad = 4;
  const R = a.grid.length, C = a.grid[0]!.length;
  const width = C * cell + 2 * pad, height = R * cell + 2 * pad;
  const label = `Grid of ${R}×${C} cells with ${a.tiles.length} blocks outlined, coloured by distinct block.`;
  return (
    <svg id={id} class="bdm-svg" viewBox={`0 0 ${width} ${height}`} width={width} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
      <title>{label}</title>
      {a.grid.flatMap((row, r) =>
        [...row].map((v, c) => <rect x={pad + c * cell} y={pad + r * cell} width={cell} height={cell} fill={v === "1" ? "#222" : "#fff"} stroke="#ccc" stroke-width="0.5" />),
      )}
      {a.tiles.map((t) => {
        const hl = selected !== undefined && selected === t.row;
        return <rect x={pad + t.c * cell + 2} y={pad + t.r * cell + 2} width={t.side * cell - 4} height={t.side * cell - 4} fill={colourOf(t.colour)} fill-opacity={hl ? 0.45 : 0.18} stroke={colourOf(t.colour)} stroke-width={hl ? 4 : 2.5} />;
      })}
    </svg>
  );
}

export function Swatch({ colour }: { colour: number }) {
  return <span class="bdm-swatch" aria-hidden="true" style={{ background: colourOf(colour) }} />;
}

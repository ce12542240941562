/**
 * Share and export for a tool's current state: a link that reopens it, its BibTeX, JSON/CSV of the
 * result, SVG/PNG of each chart and, when there is one, the command that recomputes it.
 */
import { useEffect, useState } from "preact/hooks";
import type { Params, Schema } from "../../core/schema";
import { bibtexForTool } from "../../demos/cite";
import { encodeParams, replaceInQuery, sameParams } from "../../demos/url-state";
import { copyText, downloadChart, downloadText, pageMeta } from "../demo/download";

/** The full link to a tool state: canonical page URL, only this tool's keys (none at defaults), its anchor. */
export function toolLink(id: string, schema: Schema<Params>, params: Params, defaults?: Params): string {
  const base = pageMeta().canonical || `${location.origin}${location.pathname}`;
  const url = new URL(base, location.href);
  const atDefaults = defaults !== undefined && sameParams(schema, params, defaults);
  url.search = replaceInQuery("", id, atDefaults ? null : encodeParams(id, schema, params));
  url.hash = `demo-${id}`;
  return url.href;
}

interface Props {
  id: string;
  title?: string;
  /** What kind of computation this is, for the citation note ("BDM calculator"). */
  label: string;
  schema: Schema<Params>;
  params: Params;
  defaults?: Params;
  /** The result as a JSON-able object; null while there is none (the buttons are disabled). */
  json?: (() => unknown) | null;
  /** The result as CSV text (a header row, then tidy rows). */
  csv?: (() => string) | null;
  /** Ids of elements that contain one chart <svg> each, downloadable as SVG and PNG. */
  charts?: { id: string; label: string }[];
  /** The command line that recomputes this state, if there is one. */
  command?: string;
  hydrated: boolean;
}

export default function ToolShare({ id, title, label, schema, params, defaults, json, csv, charts = [], command, hydrated }: Props) {
  const [feedback, setFeedback] = useState("");
  useEffect(() => setFeedback(""), [params]);
  const copy = async (text: string, done: string, fallback: string) => setFeedback((await copyText(text)) ? done : fallback);
  const link = () => toolLink(id, schema, params, defaults);
  const bibtex = () => {
    const meta = pageMeta();
    return bibtexForTool({
      ...meta,
      accessed: new Date().toISOString().slice(0, 10),
      url: link(),
      toolId: id,
      ...(title ? { toolTitle: title } : {}),
      label,
      schema,
      params,
    });
  };
  const stem = `${id}`;
  function downloadJson() {
    if (!json) return;
    const meta = pageMeta();
    const body = { site: meta.title, version: meta.version, url: link(), demo: id, params, ...(command ? { command } : {}), result: json() };
    downloadText(`${JSON.stringify(body, null, 2)}\n`, `${stem}.json`, "application/json");
  }

  return (
    <>
      <div class="demo-export" role="group" aria-label="Export and share">
        {csv !== undefined && <button type="button" disabled={!hydrated || !csv} onClick={() => csv && downloadText(csv(), `${stem}.csv`, "text/csv")}>Download CSV</button>}
        {json !== undefined && <button type="button" disabled={!hydrated || !json} onClick={downloadJson}>Download JSON</button>}
        {charts.map((c) => (
          <span key={c.id} class="demo-chart-actions">
            <button type="button" disabled={!hydrated} onClick={() => void downloadChart(c.id, `${stem}-${c.id}`, "svg")}>SVG: {c.label}</button>
            <button type="button" disabled={!hydrated} onClick={() => void downloadChart(c.id, `${stem}-${c.id}`, "png")}>PNG: {c.label}</button>
          </span>
        ))}
        <button type="button" disabled={!hydrated} onClick={() => { const l = link(); void copy(l, `Link copied: ${l}`, `Copy this link: ${l}`); }}>
          Copy link to this state
        </button>
      </div>
      <p class="demo-feedback" role="status">{feedback}</p>
      <details class="demo-details">
        <summary>Cite this state</summary>
        {hydrated && <pre class="demo-code"><code>{bibtex()}</code></pre>}
        <button type="button" disabled={!hydrated} onClick={() => void copy(bibtex(), "BibTeX copied.", "Select the BibTeX above to copy it.")}>Copy BibTeX</button>
      </details>
      {command && (
        <details class="demo-details">
          <summary>Reproduce from the command line</summary>
          <pre class="demo-code"><code>{command}</code></pre>
          <button type="button" disabled={!hydrated} onClick={() => void copy(command, "Command copied.", "Select the command above to copy it.")}>Copy command</button>
        </details>
      )}
    </>
  );
}

/** The "this link had values that could not be used" box, shared with the demo shell's wording. */
export function ToolNotices({ notices, onDismiss }: { notices: string[]; onDismiss: () => void }) {
  if (!notices.length) return null;
  return (
    <div class="demo-notice" role="status">
      <p>This page's link had values that could not be used; they were replaced:</p>
      <ul>{notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
      <button type="button" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}

/**
 * Export and share for one demo: CSV and JSON of the run, a link that reproduces it, its BibTeX and the
 * command line. Everything describes the run on screen (not a half-edited form).
 */
import { useEffect, useState } from "preact/hooks";
import type { RunResult } from "../../core/ensemble";
import type { Params, Schema } from "../../core/schema";
import { bibtexForRun } from "../../demos/cite";
import { cliCommand } from "../../demos/cli";
import { toCsv, toJson } from "../../demos/export";
import type { DemoConfig, DemoState } from "../../demos/types";
import { encodeState, replaceInQuery } from "../../demos/url-state";
import { copyText, downloadChart, downloadText, pageMeta } from "./download";

/** The full link to a state: canonical page URL (or this page), only this demo's keys, its anchor. */
export function runLink(config: DemoConfig, schema: Schema<Params>, state: DemoState): string {
  const base = pageMeta().canonical || `${location.origin}${location.pathname}`;
  const url = new URL(base, location.href);
  url.search = replaceInQuery("", config.id, encodeState(config.id, schema, state));
  url.hash = `demo-${config.id}`;
  return url.href;
}

/** Downloads the chart inside element `chartId` as `<chartId>-seed<seed>.svg|png`. */
export function exportChart(chartId: string, seed: number, kind: "svg" | "png"): Promise<void> {
  return downloadChart(chartId, `${chartId}-seed${seed}`, kind);
}

interface Props {
  config: DemoConfig;
  schema: Schema<Params>;
  modelLabel: string;
  /** The finished run on screen, if any. */
  run: { result: RunResult; state: DemoState } | null;
  /** What links, citation and command describe: the run on screen, else the current state. */
  state: DemoState;
  hydrated: boolean;
}

export default function SharePanel({ config, schema, modelLabel, run, state, hydrated }: Props) {
  const [feedback, setFeedback] = useState("");
  useEffect(() => setFeedback(""), [state]);
  const disabled = !hydrated;
  const command = cliCommand(config.model, schema, state);
  const bibtex = () => {
    const meta = pageMeta();
    return bibtexForRun({
      title: meta.title,
      authors: meta.authors,
      version: meta.version,
      year: meta.year,
      accessed: new Date().toISOString().slice(0, 10),
      url: runLink(config, schema, state),
      demoId: config.id,
      ...(config.title ? { demoTitle: config.title } : {}),
      modelLabel,
      schema,
      state,
    });
  };
  const copy = async (text: string, done: string, fallback: string) => setFeedback((await copyText(text)) ? done : fallback);

  function exportJson() {
    if (!run) return;
    const meta = pageMeta();
    const text = toJson(run.result, {
      title: meta.title,
      version: meta.version,
      url: runLink(config, schema, run.state),
      demo: config.id,
      command: cliCommand(config.model, schema, run.state),
    });
    downloadText(text, `${config.id}-seed${run.state.seed}.json`, "application/json");
  }

  return (
    <>
      <div class="demo-export" role="group" aria-label="Export and share">
        <button type="button" disabled={!run} onClick={() => run && downloadText(toCsv(run.result), `${config.id}-seed${run.state.seed}.csv`, "text/csv")}>Download CSV</button>
        <button type="button" disabled={!run} onClick={exportJson}>Download JSON</button>
        <button
          type="button"
          disabled={disabled}
          onClick={() => {
            const link = runLink(config, schema, state);
            void copy(link, `Link copied: ${link}`, `Copy this link: ${link}`);
          }}
        >
          Copy link to this run
        </button>
      </div>
      <p class="demo-feedback" role="status">{feedback}</p>
      <details class="demo-details">
        <summary>Cite this run</summary>
        {hydrated && <pre class="demo-code"><code>{bibtex()}</code></pre>}
        <button type="button" disabled={disabled} onClick={() => void copy(bibtex(), "BibTeX copied.", "Select the BibTeX above to copy it.")}>Copy BibTeX</button>
      </details>
      <details class="demo-details">
        <summary>Reproduce from the command line</summary>
        <pre class="demo-code"><code>{command}</code></pre>
        <button type="button" disabled={disabled} onClick={() => void copy(command, "Command copied.", "Select the command above to copy it.")}>Copy command</button>
      </details>
    </>
  );
}

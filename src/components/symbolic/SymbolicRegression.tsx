/**
 * Demo (a), "Symbolic regression live": hidden law, noise, sample size and seed in the URL
 * (`?symbolic.law=…`); the MDL search runs in src/workers/symbolic.worker.ts with progress and Cancel;
 * the recovered formula is typeset with KaTeX (from our own printer, never from the reader's text), with
 * its bits, the Pareto front and the extrapolation comparison. Plot and KaTeX load on the first result.
 * Until then (and without JavaScript) the children, the build-time figure of the default run, show.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { lawSchema, LAW_PRESETS, type LawDemoResult, type LawParams } from "../../core/symbolic/demo";
import type { Params, Schema } from "../../core/schema";
import { ParamControl } from "../demo/controls";
import ToolShare, { ToolNotices } from "../tool/ToolShare";
import { useToolState } from "../tool/use-tool-state";
import { SymbolicClient } from "./client";
import { fmt, lawCommand, lawCsv } from "./format";
import "./symbolic.css";

const ID = "symbolic";

type Charts = typeof import("./charts");
type Katex = typeof import("katex").default;

/** Draws once per result (not on every progress tick of the next search). */
function Chart({ id, data, draw }: { id: string; data: unknown; draw: () => SVGSVGElement }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(draw());
  }, [data]);
  return <div class="demo-chart" id={id} ref={ref} />;
}

export default function SymbolicRegression({ children }: { children?: ComponentChildren }) {
  const t = useToolState<LawParams>(ID, lawSchema);
  const [result, setResult] = useState<LawDemoResult | null>(null);
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [libs, setLibs] = useState<{ charts: Charts; katex: Katex } | null>(null);
  const [phase, setPhase] = useState<"idle" | "running" | "done" | "error" | "cancelled">("idle");
  const client = useRef<SymbolicClient>();

  useEffect(() => () => client.current?.dispose(), []);

  const seq = useRef(0);
  const run = async (p: LawParams) => {
    client.current ??= new SymbolicClient();
    client.current.cancel();
    const mine = ++seq.current;
    setError("");
    setProgress([0, 1]);
    setPhase("running");
    setStatus("Searching…");
    const loading = libs ? Promise.resolve(libs) : Promise.all([import("./charts"), import("katex")]).then(([charts, k]) => ({ charts, katex: k.default }));
    try {
      // About eight progress updates per search: each is a re-render on the main thread.
      const r = await client.current.law(p, (done, total) => {
        if (mine === seq.current && (done % 1000 === 0 || done === total)) setProgress([done, total]);
      });
      if (!r || mine !== seq.current) return;
      const l = await loading;
      if (mine !== seq.current) return;
      setLibs(l);
      setResult(r);
      setPhase("done");
      setStatus(`Found ${r.best.expression} (${fmt(r.best.bits, 4)} bits) after scoring ${r.scored} candidate expressions.`);
    } catch (e) {
      if (mine !== seq.current) return;
      setResult(null);
      setPhase("error");
      setStatus("");
      setError(e instanceof Error ? e.message.replace(/^[A-Za-z]*Error: /, "") : String(e));
    } finally {
      if (mine === seq.current) setProgress(null);
    }
  };

  useEffect(() => {
    if (!t.hydrated) return;
    const timer = setTimeout(() => void run(t.params), 250);
    return () => clearTimeout(timer);
  }, [t.hydrated, t.params]);

  const cancel = () => {
    seq.current++;
    client.current?.cancel();
    setProgress(null);
    setPhase("cancelled");
    setStatus("Search cancelled. Change a setting to search again.");
  };

  // Typeset once per result: the LaTeX comes from our printer (toLatex of parsed trees), never from raw input.
  const typeset = useMemo(() => {
    const tex = (latex: string) => ({ __html: libs ? libs.katex.renderToString(latex, { throwOnError: false, trust: false, strict: "ignore", output: "htmlAndMathml" }) : "" });
    return result ? { law: tex(`y = ${result.lawLatex}`), best: tex(`y = ${result.best.latex}`) } : null;
  }, [result, libs]);
  const preset = LAW_PRESETS.find((l) => l.id === t.params.law);
  const names = Object.keys(lawSchema.params) as (keyof LawParams)[];

  return (
    <div class="symbolic-demo" data-phase={phase} data-worker-ms={result ? (result as LawDemoResult & { ms?: number }).ms?.toFixed(0) : undefined}>
      <ToolNotices notices={t.notices} onDismiss={t.dismissNotices} />
      <form class="demo-controls" onSubmit={(e) => e.preventDefault()} aria-label="Settings of the symbolic regression demo">
        {names.map((name) => (
          <ParamControl
            key={name}
            id={`${ID}-${name}`}
            name={name}
            spec={lawSchema.params[name]}
            value={t.params[name]}
            disabled={!t.hydrated}
            onChange={(v) => t.setParams(name === "formula" ? { formula: v as string, law: "custom" } : ({ [name]: v } as Partial<LawParams>))}
          />
        ))}
        <div class="demo-transport">
          <button type="button" disabled={!progress} onClick={cancel}>Cancel search</button>
          <button type="button" disabled={!t.hydrated} onClick={t.reset}>Reset</button>
        </div>
      </form>
      <div class="demo-progress tool-live-only" aria-live="polite">
        {progress ? (
          <>
            <progress max={progress[1]} value={progress[0]} aria-label="Search progress" />
            <span> Scoring candidate expressions: {progress[0]} of {progress[1]}</span>
          </>
        ) : (
          <span class="symbolic-status" data-status>{status}</span>
        )}
      </div>
      {error && (
        <p class="demo-error" role="alert" data-error>
          This law cannot be searched: {error}
        </p>
      )}
      {result && libs ? (
        <div class="symbolic-result" data-live>
          <p class="symbolic-law">
            Hidden law: <span dangerouslySetInnerHTML={typeset!.law} />
            {preset ? <span class="symbolic-note"> ({preset.note})</span> : null}; {result.params.n} points on [{fmt(result.train[0])}, {fmt(result.train[1])}]
            {result.sigma > 0 ? `, noise σ = ${fmt(result.sigma, 3)}` : ", no noise"}.
          </p>
          <p class="symbolic-found">
            Recovered: <span class="symbolic-formula" data-formula={result.best.expression} dangerouslySetInnerHTML={typeset!.best} />
          </p>
          <p class="symbolic-bits">
            Description length {fmt(result.best.bits, 4)} bits = {fmt(result.best.modelBits, 4)} bits of formula + {fmt(result.best.residualBits, 4)} bits of residuals
            {result.exact ? "; it equals the hidden law on fresh points inside and beyond the range." : "."}
          </p>
          <Chart id={`${ID}-extrapolation`} data={result} draw={() => libs.charts.extrapolationChart(result)} />
          <ul class="demo-legend" aria-label="Legend">
            {libs.charts.SERIES.map((s) => (
              <li key={s.key}>
                <svg width="22" height="10" aria-hidden="true"><line x1="0" y1="5" x2="22" y2="5" stroke={s.color} stroke-width={s.width} stroke-dasharray={s.dash || undefined} /></svg> {s.label}
              </li>
            ))}
          </ul>
          <table class="symbolic-errors">
            <caption>RMS error against the hidden law</caption>
            <thead>
              <tr><th scope="col">Model</th><th scope="col">Inside the training range</th><th scope="col">Beyond it</th></tr>
            </thead>
            <tbody>
              {result.errors.map((e) => (
                <tr key={e.name}><th scope="row">{e.name}</th><td>{fmt(e.inside, 2)}</td><td>{fmt(e.outside, 2)}</td></tr>
              ))}
            </tbody>
          </table>
          <Chart id={`${ID}-pareto`} data={result} draw={() => libs.charts.paretoChart(result)} />
          <p class="demo-caption">Complexity–error Pareto front: each formula is more accurate than every simpler one; the red dot is the shortest total description.</p>
        </div>
      ) : (
        children
      )}
      <ToolShare
        id={ID}
        title="Symbolic regression live"
        label="MDL symbolic regression"
        schema={lawSchema as unknown as Schema<Params>}
        params={t.params}
        defaults={t.defaults}
        hydrated={t.hydrated}
        json={result ? () => ({ ...result, ms: undefined }) : null}
        csv={result ? () => lawCsv(result) : null}
        charts={result ? [{ id: `${ID}-extrapolation`, label: "extrapolation" }, { id: `${ID}-pareto`, label: "Pareto front" }] : []}
        {...(result ? { command: lawCommand(result) } : {})}
      />
    </div>
  );
}

/**
 * The live demo (Preact island, mounted by Demo.astro with client:visible). It reads its state from
 * the URL, runs the model in a worker, draws one chart per view and offers playback, pin & compare,
 * exports, links and citations. Until its first live result it shows the build-time figure
 * (`children`), so the page never flashes empty. At the default state the first live result is the
 * build's own default run (fetched from `initialUrl`), so no worker starts until the reader acts; the
 * worker is warmed as soon as the pointer or focus enters the demo.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { renderView } from "../../charts/views";
import type { Notice, Params, ParamValue } from "../../core/schema";
import { sameState } from "../../demos/definition";
import { formatParams } from "../../demos/format";
import { islandSchema, type ModelInfo } from "../../demos/model-info";
import type { DemoRunResult as RunResult, Progress } from "../../demos/protocol";
import type { DemoConfig, DemoState } from "../../demos/types";
import { capNotices, decodeState, encodeState, noticeText, replaceInQuery } from "../../demos/url-state";
import DemoCharts from "./DemoCharts";
import DemoControls from "./DemoControls";
import { prefersReducedMotion } from "./download";
import { fetchInitial } from "./initial-run";
import SharePanel from "./SharePanel";
import { textRequest } from "../../charts/text";
import { SimClient } from "./sim-client";

interface Props {
  config: DemoConfig;
  /** Label, schema (without functions) and metrics of the model, from the build (no registry here). */
  model: ModelInfo;
  /** The default run as computed at build time (src/lib/demo-data.ts); shown instead of re-running it. */
  initialUrl?: string;
  /** The build-time figure, shown until the first live run finishes. */
  children?: ComponentChildren;
}

/** pending: a run is scheduled (debounce); running: in the worker. */
type Phase = "idle" | "pending" | "running" | "done" | "cancelled" | "error";

/** Runs start this long after the last control change, so dragging a slider does not queue runs. */
const RUN_DEBOUNCE_MS = 250;
const URL_DEBOUNCE_MS = 400;
/** Playback shows at most this many frames, one per FRAME_MS. */
const PLAY_FRAMES = 100;
const FRAME_MS = 40;

export default function DemoIsland({ config, model, initialUrl, children }: Props) {
  const schema = useMemo(() => islandSchema(model), [model]);
  const trace = config.views.some((v) => v.kind === "bars");
  const textView = config.views.find((v) => v.kind === "text");
  const defaults = config.presets[0]!.state;
  const [state, setState] = useState<DemoState>(defaults);
  const [hydrated, setHydrated] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [run, setRun] = useState<{ result: RunResult; state: DemoState } | null>(null);
  const [pinned, setPinned] = useState<{ result: RunResult; label: string } | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<Progress>({ done: 0, total: 0 });
  const [playhead, setPlayhead] = useState(Number.POSITIVE_INFINITY);
  const [playing, setPlaying] = useState(false);
  const [status, setStatus] = useState("");
  /** Read out after the status when a run finishes; visible under each chart already. */
  const [summary, setSummary] = useState("");
  const client = useRef<SimClient | null>(null);
  const runTimer = useRef<ReturnType<typeof setTimeout>>();
  const urlTimer = useRef<ReturnType<typeof setTimeout>>();
  const touched = useRef(false);
  const firstChart = useRef(true);
  /** False once any live run has started: a late initial fetch must not replace it. */
  const initialPending = useRef(true);
  const shell = useRef<HTMLDivElement>(null);
  const uid = `demo-${config.id}`;

  const result = run?.result ?? null;
  const last = result ? result.generations.length - 1 : 0;
  const shown = Number.isFinite(playhead) ? Math.min(playhead, last) : last;
  // Metric labels at the demo's defaults (views name only metrics that exist there).
  const metrics = model.metrics;
  const describeAll = (r: RunResult, upto = Number.POSITIVE_INFINITY) =>
    config.views.map((v) => renderView(v, metrics, r, { upto }).description).join(" ");

  async function startRun(next: DemoState, play: boolean) {
    initialPending.current = false;
    clearTimeout(runTimer.current);
    client.current ??= new SimClient();
    setPhase("running");
    setSummary("");
    setPlaying(false);
    setProgress({ done: 0, total: next.replicates });
    const t0 = performance.now();
    let frame = 0;
    let latest: Progress | null = null;
    const onProgress = (p: Progress) => {
      // At most one re-render per frame, however fast chunks finish.
      latest = p;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (latest) setProgress(latest);
      });
    };
    try {
      const res = await client.current.run(
        { model: config.model, params: next.params, seed: next.seed, replicates: next.replicates, keepPaths: config.keepPaths, ...(trace ? { trace } : {}),
          ...(textView?.kind === "text" ? { texts: textRequest(textView, Number(next.params.generations)) } : {}) },
        onProgress,
      );
      cancelAnimationFrame(frame);
      if (!res) return; // cancelled or superseded: a newer run owns the display
      const animate = play && !prefersReducedMotion() && res.generations.length > 1;
      setRun({ result: res, state: next });
      setPhase("done");
      setPlayhead(animate ? 0 : Number.POSITIVE_INFINITY);
      setPlaying(animate);
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      setStatus(`Run finished: ${res.replicates} replicates, seed ${res.seed}, ${secs} s.`);
      setSummary(describeAll(res));
    } catch (error) {
      setPhase("error");
      setStatus(`The run failed: ${(error as Error).message}`);
    }
  }

  async function showInitial(url: string, next: DemoState) {
    const res = await fetchInitial(url, next, config.model);
    if (!initialPending.current) return; // the reader started a run meanwhile
    if (!res) return void startRun(next, false);
    initialPending.current = false;
    setRun({ result: res, state: next });
    setPhase("done");
    setPlayhead(Number.POSITIVE_INFINITY);
    setStatus(`Default run: ${res.replicates} replicates, seed ${res.seed}, computed when the site was built (a live run gives the same numbers). Change any setting to run it yourself.`);
  }

  /** A user change: new state, URL rewritten soon, a run soon (or now). */
  function update(next: DemoState, now = false) {
    touched.current = true;
    setState(next);
    clearTimeout(runTimer.current);
    if (now) void startRun(next, false);
    else {
      setPhase("pending");
      runTimer.current = setTimeout(() => void startRun(next, false), RUN_DEBOUNCE_MS);
    }
  }

  useEffect(() => {
    performance.mark(`${uid}:hydrated`);
    client.current ??= new SimClient();
    let live = true;
    const decoded = decodeState(config.id, schema, location.search, defaults, config.maxReplicates);
    const finish = (next: DemoState, replaced: Notice[]) => {
      if (!live) return;
      setState(next);
      setNotices(replaced);
      // A link with replaced values is rewritten, so copying the address bar gives the run on screen.
      if (replaced.length) touched.current = true;
      setHydrated(true);
      if (initialUrl && replaced.length === 0 && sameState(next, defaults)) void showInitial(initialUrl, next);
      else void startRun(next, false);
    };
    if (!decoded.present) finish(decoded.state, decoded.notices);
    else {
      // The model's own text parsers and cross-parameter checks run in the worker.
      client.current
        .coerce(config.model, decoded.state.params, defaults.params)
        .then(
          (c) => finish({ ...decoded.state, params: c.params }, capNotices([...decoded.notices, ...c.notices])),
          () => finish(decoded.state, decoded.notices),
        );
    }
    return () => {
      live = false;
      clearTimeout(runTimer.current);
      clearTimeout(urlTimer.current);
      client.current?.dispose();
    };
  }, []);

  useEffect(() => {
    // Start the worker while the reader reaches for a control, not on page load.
    const el = shell.current;
    if (!el) return;
    const warm = () => (client.current ??= new SimClient()).warm();
    el.addEventListener("pointerenter", warm, { once: true });
    el.addEventListener("focusin", warm, { once: true });
    return () => {
      el.removeEventListener("pointerenter", warm);
      el.removeEventListener("focusin", warm);
    };
  }, []);

  useEffect(() => {
    if (!hydrated || !touched.current) return;
    clearTimeout(urlTimer.current);
    urlTimer.current = setTimeout(() => {
      const query = replaceInQuery(location.search, config.id, sameState(state, defaults) ? null : encodeState(config.id, schema, state));
      history.replaceState(history.state, "", `${location.pathname}${query}${location.hash}`);
    }, URL_DEBOUNCE_MS);
  }, [state, hydrated]);

  useEffect(() => {
    if (!playing || !result) return;
    const stride = Math.max(1, Math.ceil(last / PLAY_FRAMES));
    const timer = setTimeout(() => {
      const next = Math.min(last, shown + stride);
      if (next >= last) {
        setPlaying(false);
        setPlayhead(Number.POSITIVE_INFINITY);
        setStatus(`Playback finished at generation ${result.generations[last]}.`);
        setSummary(describeAll(result));
      } else setPlayhead(next);
    }, FRAME_MS);
    return () => clearTimeout(timer);
  }, [playing, playhead, result]);

  const views = useMemo(() => {
    if (!result) return [];
    return config.views.map((view) =>
      renderView(view, metrics, result, {
        ...(Number.isFinite(playhead) ? { upto: shown } : {}),
        ...(pinned ? { compare: pinned.result, compareLabel: pinned.label, currentLabel: "B, this run" } : {}),
      }),
    );
  }, [result, playhead, pinned]);

  useEffect(() => {
    if (result && firstChart.current) {
      firstChart.current = false;
      performance.mark(`${uid}:first-chart`);
    }
  }, [result]);

  // Experiment demos (only "points" views) step through x values such as n or T, not generations.
  const xAxis = config.views.every((v) => v.kind === "points") ? (config.views[0] as { xLabel: string }).xLabel : null;
  const positionText = (r: RunResult, at: number, end: number) =>
    xAxis ? `${xAxis} = ${r.generations[at]} (point ${at + 1} of ${end + 1})` : `Generation ${r.generations[at]} of ${r.generations[end]}`;

  const live = hydrated && result !== null;
  const busy = phase === "running";
  const disabled = !hydrated;
  const runState = run?.state ?? state;
  const fresh = run !== null && sameState(run.state, state);

  function stateLabel(s: DemoState): string {
    const picked: Params = {};
    for (const [k, v] of Object.entries(s.params)) if (String(v) !== String(defaults.params[k])) picked[k] = v;
    const changed = Object.keys(picked);
    const text = changed.length ? formatParams(schema, picked) : "default parameters";
    return `${text}, seed ${s.seed}`;
  }

  function onRunToggle() {
    if (playing) {
      setPlaying(false);
      setSummary("");
      setStatus(`Paused at generation ${result?.generations[shown]}.`);
      return;
    }
    if (fresh && !busy && result) {
      if (prefersReducedMotion()) {
        // No animation: show the final state at once, and say so.
        setPlayhead(Number.POSITIVE_INFINITY);
        setStatus(`Run finished: showing generation ${result.generations[last]} of ${result.generations[last]}.`);
        setSummary(describeAll(result));
      } else {
        if (!Number.isFinite(playhead) || shown >= last) setPlayhead(0);
        setPlaying(true);
      }
      return;
    }
    void startRun(state, true);
  }

  function onStep() {
    if (!result) return;
    setPlaying(false);
    const next = Number.isFinite(playhead) ? Math.min(last, shown + 1) : last;
    setPlayhead(next >= last ? Number.POSITIVE_INFINITY : next);
    setSummary("");
    setStatus(`Generation ${result.generations[next]} of ${result.generations[last]}. ${describeAll(result, next)}`);
  }

  function onReset() {
    if (!result) return;
    setPlaying(false);
    setPlayhead(0);
    setSummary("");
    setStatus(`Reset to generation ${result.generations[0]}.`);
  }

  function onCancel() {
    clearTimeout(runTimer.current);
    client.current?.cancel();
    setPhase("cancelled");
    setSummary("");
    setStatus(result ? "Run cancelled; the chart still shows the previous run." : "Run cancelled.");
  }

  /** Text values are parsed by the model in the worker; a bad one keeps the current value. */
  const validateText = async (name: string, value: ParamValue): Promise<ParamValue> => {
    client.current ??= new SimClient();
    const c = await client.current.coerce(config.model, { ...state.params, [name]: value }, state.params);
    const notice = c.notices[0];
    if (notice) throw new Error(noticeText(notice).replace(/; using (the default|all defaults)[\s\S]*$/, ""));
    return c.params[name]!;
  };

  return (
    <div class="demo-shell" ref={shell} data-phase={phase} data-live={live ? "true" : "false"}>
      {notices.length > 0 && (
        <div class="demo-notice" role="status">
          <p>This page's link had values that could not be used; they were replaced:</p>
          <ul>{notices.map((n, i) => <li key={i}>{noticeText(n)}</li>)}</ul>
          <button type="button" onClick={() => setNotices([])}>Dismiss</button>
        </div>
      )}
      <div class="demo-body">
        <DemoControls
          uid={uid} config={config} schema={schema} label={config.title ?? model.label} state={state} disabled={disabled}
          update={update} validateText={validateText}
        />

        <div class="demo-output">
          <div class="demo-transport" role="group" aria-label="Playback">
            <button type="button" class="demo-primary" disabled={disabled} onClick={onRunToggle}>{playing ? "Pause" : "Run"}</button>
            <button type="button" disabled={disabled || !result} onClick={onStep}>Step</button>
            <button type="button" disabled={disabled || !result} onClick={onReset} title="Rewind to the first generation">Reset</button>
            <span class="demo-generation">{result ? positionText(result, shown, last) : ""}</span>
            {pinned ? (
              <button type="button" onClick={() => setPinned(null)}>Unpin A</button>
            ) : (
              <button type="button" disabled={!run} onClick={() => run && setPinned({ result: run.result, label: stateLabel(run.state) })} title="Keep this run on the chart to compare with the next">Pin as A</button>
            )}
          </div>
          <div class="demo-progress" style={{ visibility: busy ? "visible" : "hidden" }}>
            <label for={`${uid}-progress`}>Replicates run</label>
            <progress id={`${uid}-progress`} max={progress.total || 1} value={progress.done}>{progress.done} of {progress.total}</progress>
            <span class="demo-progress-text">{progress.done} / {progress.total}</span>
            <button type="button" onClick={onCancel}>Cancel</button>
          </div>
          <p class="demo-status" role="status" aria-live="polite">
            {status}
            {summary && <span class="demo-sr"> {summary}</span>}
          </p>

          <div class="demo-charts">
            {live ? <DemoCharts uid={uid} views={views} seed={result!.seed} /> : children}
          </div>

          <SharePanel config={config} schema={schema} modelLabel={model.label} run={run} state={runState} hydrated={hydrated} />
        </div>
      </div>
    </div>
  );
}

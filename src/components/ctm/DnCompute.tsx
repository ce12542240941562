/** @jsxImportSource preact */
/**
 * "Compute D(n) yourself": the exact enumeration of every (n,2) machine on both blanks, in a pool of Web
 * Workers with progress and Cancel; then the check against the committed exact reference, a rank–frequency
 * plot (Observable Plot, loaded on demand) and the top strings with count, D(n), CTM and our D(5) CTM
 * (the D(5) table is fetched on demand too).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import reference from "../../core/data/ctm-reference.json";
import type { CtmTable } from "../../core/ctm/table";
import type { DistributionSummary } from "../../core/ctm/reference";
import { checkAgainstReference, distributionCsv, distributionJson, groupDigits, rankRows, rankStrings, type RankedString } from "./dn";
import { CtmPool, defaultWorkerCount, maxWorkerCount, type EnumerationProgress, type EnumerationResult } from "./pool";
import { dnSchema, type DnParams } from "./schemas";
import ToolShare, { ToolNotices } from "../tool/ToolShare";
import { useToolState } from "../tool/use-tool-state";
import type { Params, Schema } from "../../core/schema";

const ID = "compute-dn";
const CHART_ID = `${ID}-rank-frequency`;

interface Done {
  result: EnumerationResult;
  ranked: RankedString[];
  check: { summary: DistributionSummary; differs: string[] };
}

export default function DnCompute() {
  const { params, setParams, notices, dismissNotices, hydrated, defaults } = useToolState<DnParams>(ID, dnSchema, { workers: defaultWorkerCount() });
  const pool = useRef<CtmPool | null>(null);
  const chart = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<EnumerationProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [d5, setD5] = useState<CtmTable | null>(null);
  const maxWorkers = maxWorkerCount();

  useEffect(() => () => pool.current?.cancel(), []);

  const compute = async () => {
    pool.current ??= new CtmPool();
    setRunning(true);
    setError(null);
    setDone(null);
    setProgress(null);
    try {
      const result = await pool.current.run(params.states, Math.min(params.workers, maxWorkers), setProgress);
      if (result) {
        const ranked = rankStrings(result.distribution);
        setDone({ result, ranked, check: checkAgainstReference(result.distribution, reference as Record<string, DistributionSummary>) });
        import("../../core/ctm/load").then((m) => m.loadD5Table()).then(setD5, () => setD5(null));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  const cancel = () => pool.current?.cancel();

  useEffect(() => {
    const host = chart.current;
    if (!host || !done) return;
    let live = true;
    void import("../../charts/rank-frequency").then(({ rankFrequencyChart }) => {
      if (!live) return;
      const n = done.result.distribution.states;
      host.replaceChildren(rankFrequencyChart({ rows: rankRows(done.ranked), ariaLabel: `Rank–frequency plot of D(${n}): ${done.ranked.length} distinct strings, log–log axes`, width: Math.max(320, Math.min(720, host.clientWidth || 640)) }));
    });
    return () => {
      live = false;
    };
  }, [done]);

  const d = done?.result.distribution;
  const json = d ? () => distributionJson(d, { seconds: done!.result.seconds, workers: done!.result.workers, matchesReference: done!.check.differs.length === 0, fingerprint: done!.check.summary.fingerprint }) : null;
  const csv = d ? () => distributionCsv(d) : null;
  const pct = progress ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <div class="ctm-dn" data-live={hydrated ? "true" : "false"}>
      <ToolNotices notices={notices} onDismiss={dismissNotices} />
      <div class="demo-controls ctm-controls" data-controls>
        <label>
          States n{" "}
          <select value={String(params.states)} disabled={running} onChange={(e) => setParams({ states: Number((e.target as HTMLSelectElement).value) })}>
            {[1, 2, 3, 4].map((n) => <option value={String(n)}>{n}</option>)}
          </select>
        </label>
        <label>
          Workers{" "}
          <select value={String(Math.min(params.workers, maxWorkers))} disabled={running} onChange={(e) => setParams({ workers: Number((e.target as HTMLSelectElement).value) })}>
            {Array.from({ length: maxWorkers }, (_, i) => i + 1).map((w) => <option value={String(w)}>{w}</option>)}
          </select>
        </label>
        <button type="button" onClick={compute} disabled={running || !hydrated}>Compute D({params.states})</button>
        <button type="button" onClick={cancel} disabled={!running}>Cancel</button>
        <progress class="tool-live-only" max={100} value={pct} aria-label={`Enumeration progress of D(${params.states})`} />
        <span class="ctm-progress tool-live-only" role="status" aria-live="polite">
          {running ? (progress ? `chunk ${progress.done} of ${progress.total}, ${progress.seconds.toFixed(1)} s` : "starting workers…") : done ? `done in ${done.result.seconds.toFixed(2)} s` : ""}
        </span>
      </div>
      {error ? <p class="demo-notice" role="alert">{error}</p> : null}
      {done && d ? (
        <div class="ctm-dn-result" data-dn-result={String(d.states)}>
          <p class={done.check.differs.length === 0 ? "ctm-match" : "ctm-mismatch"} data-reference={done.check.differs.length === 0 ? "match" : "differs"}>
            {done.check.differs.length === 0
              ? `D(${d.states}) matches the reference: the same ${groupDigits(d.halting)} halting (machine, blank) pairs, the same ${groupDigits(d.counts.size)} distinct strings and the same count for every string (fingerprint ${done.check.summary.fingerprint}).`
              : `D(${d.states}) differs from the reference in: ${done.check.differs.join(", ")}.`}
          </p>
          <dl class="ctm-totals">
            <dt>Machines</dt><dd data-total="machines">{groupDigits(d.machines)}</dd>
            <dt>Halting (machine, blank) pairs</dt><dd data-total="halting">{groupDigits(d.halting)}</dd>
            <dt>Distinct outputs</dt><dd data-total="distinct">{groupDigits(d.counts.size)}</dd>
            <dt>Time</dt><dd>{done.result.seconds.toFixed(2)} s with {done.result.fallback ? "the main thread" : `${done.result.workers} worker${done.result.workers === 1 ? "" : "s"}`} ({groupDigits(Math.round(Number(d.machines) / Math.max(done.result.seconds, 1e-3)))} machines/s)</dd>
          </dl>
          <div ref={chart} id={CHART_ID} class="ctm-chart" />
          <table class="ctm-table ctm-top">
            <caption>The {Math.min(params.top, done.ranked.length)} most frequent outputs of D({d.states})</caption>
            <thead><tr><th scope="col">rank</th><th scope="col">string</th><th scope="col">count</th><th scope="col">D({d.states})</th><th scope="col">CTM, D({d.states}) (bits)</th><th scope="col">CTM, D(5) (bits)</th></tr></thead>
            <tbody>
              {done.ranked.slice(0, params.top).map((r) => {
                const k5 = d5?.lookup(r.string);
                return (
                  <tr><td>{r.rank}</td><td><code>{r.string}</code></td><td>{groupDigits(r.count)}</td><td>{r.d.toPrecision(4)}</td><td>{r.ctm.toFixed(3)}</td><td>{d5 ? (k5 === undefined ? "—" : k5.toFixed(3)) : "…"}</td></tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <ToolShare id={ID} title="Compute D(n) yourself" label="exact D(n) enumeration" schema={dnSchema as unknown as Schema<Params>} params={params} defaults={defaults} json={json} csv={csv} charts={done ? [{ id: CHART_ID, label: "rank–frequency plot" }] : []} command={`npm run ctm -- enumerate --states ${params.states} --workers ${params.workers} --format json`} hydrated={hydrated} />
    </div>
  );
}

/** @jsxImportSource preact */
/**
 * Machine explorer island: pick an (n,2) machine by number or at random (seeded), see its transition table,
 * its space-time diagrams on blank 0 and blank 1, outputs and step counts. Server-rendered with the default
 * machine, so the table and diagrams are present without JavaScript.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { machineCount } from "../../core/ctm/machine";
import type { Params, Schema } from "../../core/schema";
import { describeRun, exploreMachine, parseMachineNumber, randomMachineNumber, spaceTimeSvg, transitionTable } from "./explorer";
import { explorerSchema, type ExplorerParams } from "./schemas";
import ToolShare, { ToolNotices } from "../tool/ToolShare";
import { useToolState } from "../tool/use-tool-state";

const ID = "machine-explorer";

export default function MachineExplorer() {
  const { params, setParams, notices, dismissNotices, reset, hydrated, defaults } = useToolState<ExplorerParams>(ID, explorerSchema);
  const [text, setText] = useState(params.machine);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(params.machine);
    setError(null);
  }, [params.machine, params.states]);

  const number = BigInt(params.machine);
  const view = useMemo(() => {
    const { runs, maxSteps } = exploreMachine(params.states, number);
    return { runs, maxSteps, rows: transitionTable(params.states, number) };
  }, [params.states, params.machine]);
  const max = machineCount(params.states) - 1n;

  const onInput = (value: string) => {
    setText(value);
    const r = parseMachineNumber(params.states, value);
    if (r.ok) {
      setError(null);
      setParams({ machine: r.value.toString() });
    } else setError(r.message);
  };
  const random = () => {
    const seed = (params.seed + 1) >>> 0;
    setParams({ seed, machine: randomMachineNumber(params.states, seed).toString() });
  };
  const step = (d: -1n | 1n) => {
    const next = number + d;
    if (next >= 0n && next <= max) setParams({ machine: next.toString() });
  };
  const setStates = (states: number) => setParams({ states, machine: randomMachineNumber(states, params.seed).toString() });

  const json = () => ({
    tool: "machine explorer",
    conventions: "Busy Beaver formalism; halting transition writes and does not move; steps include the halting step; output = visited cells",
    states: params.states,
    machine: params.machine,
    maxSteps: view.maxSteps,
    table: view.rows,
    runs: view.runs.map(({ blank, result }) => ({ blank, halted: result.halted, steps: result.steps, output: result.halted ? result.output : null })),
  });
  const csv = () => `states,machine,blank,halted,steps,output\n${view.runs.map(({ blank, result }) => `${params.states},${params.machine},${blank},${result.halted},${result.steps},${result.halted ? result.output : ""}`).join("\n")}\n`;

  return (
    <div class="ctm-explorer" data-live={hydrated ? "true" : "false"}>
      <ToolNotices notices={notices} onDismiss={dismissNotices} />
      <div class="demo-controls ctm-controls" data-controls>
        <label>
          States n{" "}
          <select value={String(params.states)} disabled={!hydrated} onChange={(e) => setStates(Number((e.target as HTMLSelectElement).value))}>
            {[1, 2, 3, 4].map((n) => <option value={String(n)}>{n}</option>)}
          </select>
        </label>
        <label>
          Machine number (0 to {max.toString()}){" "}
          <input type="text" disabled={!hydrated} inputMode="numeric" spellcheck={false} autoComplete="off" size={Math.min(20, max.toString().length + 2)} value={text} aria-invalid={error ? "true" : "false"} aria-describedby={`${ID}-error`} onInput={(e) => onInput((e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" onClick={() => step(-1n)} disabled={number === 0n} aria-label="Previous machine">−1</button>
        <button type="button" onClick={() => step(1n)} disabled={number === max} aria-label="Next machine">+1</button>
        <button type="button" onClick={random}>Random machine</button>
        <button type="button" onClick={reset}>Reset</button>
        <p id={`${ID}-error`} class="ctm-error tool-live-only" role="status">{error ?? ""}</p>
      </div>
      <div class="ctm-explorer-body">
        <table class="ctm-table">
          <caption>Transition table of machine {params.machine} ({params.states} state{params.states === 1 ? "" : "s"})</caption>
          <thead><tr><th scope="col">state</th><th scope="col">reads</th><th scope="col">digit</th><th scope="col">does</th></tr></thead>
          <tbody>
            {view.rows.map((r) => (
              <tr><td>{r.state}</td><td>{r.read}</td><td>{r.digit}</td><td>{r.action}</td></tr>
            ))}
          </tbody>
        </table>
        <div class="ctm-diagrams">
          {view.runs.map((run) => (
            <figure class="ctm-diagram">
              <div id={`${ID}-blank${run.blank}`} dangerouslySetInnerHTML={{ __html: spaceTimeSvg(run) }} />
              <figcaption data-run-summary={String(run.blank)}>{describeRun(run, view.maxSteps)}</figcaption>
            </figure>
          ))}
        </div>
      </div>
      <ToolShare id={ID} title="Machine explorer" label="Turing machine explorer" schema={explorerSchema as unknown as Schema<Params>} params={params} defaults={defaults} json={json} csv={csv} charts={[{ id: `${ID}-blank0`, label: "blank 0" }, { id: `${ID}-blank1`, label: "blank 1" }]} hydrated={hydrated} />
    </div>
  );
}

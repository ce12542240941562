/**
 * Demo (b), "Which rule made this?": an ECA space-time pattern from a random (seeded) or hand-drawn
 * first row (31 keyboard-operable cells), optional cell flips, and the rules ranked by description
 * length, L(rule) + L(exceptions), under the CTM or the uniform prior. URL state `?which-rule.…`.
 * Until the first live result (and without JavaScript) the children, the build-time ranking, show.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ecaSchema, ECA_WIDTH, type EcaDemoResult, type EcaParams } from "../../core/symbolic/demo";
import type { Params, Schema } from "../../core/schema";
import { ParamControl } from "../demo/controls";
import ToolShare, { ToolNotices } from "../tool/ToolShare";
import { useToolState } from "../tool/use-tool-state";
import { SymbolicClient } from "./client";
import { ecaCsv, fmt } from "./format";
import "./symbolic.css";

const ID = "which-rule";
type Charts = typeof import("./charts");

export default function WhichRule({ children }: { children?: ComponentChildren }) {
  const t = useToolState<EcaParams>(ID, ecaSchema);
  const [result, setResult] = useState<EcaDemoResult | null>(null);
  const [charts, setCharts] = useState<Charts | null>(null);
  const [error, setError] = useState("");
  const client = useRef<SymbolicClient>();
  const chartRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => client.current?.dispose(), []);

  useEffect(() => {
    if (!t.hydrated) return;
    let live = true;
    const timer = setTimeout(async () => {
      client.current ??= new SymbolicClient();
      try {
        const [r, c] = await Promise.all([client.current.eca(t.params), charts ?? import("./charts")]);
        if (!live || !r) return;
        setCharts(c);
        setResult(r);
        setError("");
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      }
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [t.hydrated, t.params]);

  useEffect(() => {
    if (result && charts) chartRef.current?.replaceChildren(charts.ecaChart(result));
  }, [result, charts]);

  const names = (Object.keys(ecaSchema.params) as (keyof EcaParams)[]).filter((n) => n !== "row");
  const first = result?.rows[0] ?? "";
  const toggle = (i: number) => {
    if (!first) return;
    const row = first.slice(0, i) + (first[i] === "1" ? "0" : "1") + first.slice(i + 1);
    t.setParams({ row });
  };
  const hidden = t.params.rule;

  return (
    <div class="which-rule-demo" data-phase={result ? "done" : "idle"}>
      <ToolNotices notices={t.notices} onDismiss={t.dismissNotices} />
      <form class="demo-controls" onSubmit={(e) => e.preventDefault()} aria-label="Settings of the rule identification demo">
        {names.map((name) => (
          <ParamControl key={name} id={`${ID}-${name}`} name={name} spec={ecaSchema.params[name]} value={t.params[name]} disabled={!t.hydrated} onChange={(v) => t.setParams({ [name]: v } as Partial<EcaParams>)} />
        ))}
        <fieldset class="eca-row-editor tool-live-only">
          <legend>First row: press a cell to switch it ({t.params.row ? "drawn by you" : `random from seed ${t.params.seed}`})</legend>
          <div class="eca-cells" role="group" aria-label={`First row, ${ECA_WIDTH} cells`}>
            {Array.from({ length: ECA_WIDTH }, (_, i) => (
              <button
                type="button"
                key={i}
                class="eca-cell"
                aria-pressed={first[i] === "1"}
                aria-label={`Cell ${i + 1}`}
                disabled={!result}
                onClick={() => toggle(i)}
              />
            ))}
          </div>
          <button type="button" disabled={!t.params.row} onClick={() => t.setParams({ row: "" })}>Random row from the seed</button>
          <button type="button" disabled={!result} onClick={() => t.setParams({ row: "0".repeat((ECA_WIDTH - 1) / 2) + "1" + "0".repeat((ECA_WIDTH - 1) / 2) })}>Single black cell</button>
        </fieldset>
      </form>
      {error && <p class="demo-error" role="alert">{error}</p>}
      {result && charts ? (
        <div class="which-rule-result" data-live>
          <div class="demo-chart eca-pattern" id={`${ID}-pattern`} ref={chartRef} />
          <p class="which-rule-verdict" data-verdict={result.ranking[0]?.rule ?? ""}>
            {result.identified
              ? `Best explanation: rule ${result.ranking[0]!.rule}${result.ranking[0]!.rule === hidden ? " (the hidden rule)" : `, which draws the same pattern as the hidden rule ${hidden} from this row`}.`
              : `Best explanation: rule ${result.ranking[0]?.rule}; the hidden rule ${hidden} is ranked ${result.hiddenRank || "outside the coded rules"}.`}{" "}
            {result.consistent.length === 1
              ? "It is the only rule consistent with every transition."
              : result.consistent.length === 0
                ? "No rule is consistent with every transition (flipped cells); the ranking tolerates them as exceptions."
                : `${result.consistent.length} rules are consistent with every transition: the unobserved neighbourhoods are free, and the prior decides.`}
          </p>
          <RankTable r={result} hidden={hidden} />
        </div>
      ) : (
        children
      )}
      <ToolShare
        id={ID}
        title="Which rule made this?"
        label="ECA rule identification by description length"
        schema={ecaSchema as unknown as Schema<Params>}
        params={t.params}
        defaults={t.defaults}
        hydrated={t.hydrated}
        json={result ? () => result : null}
        csv={result ? () => ecaCsv(result) : null}
        charts={result ? [{ id: `${ID}-pattern`, label: "pattern" }] : []}
      />
    </div>
  );
}

export function RankTable({ r, hidden }: { r: EcaDemoResult; hidden: number }) {
  return (
    <table class="which-rule-ranking">
      <caption>Candidate rules, shortest description first</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th><th scope="col">Rule</th><th scope="col">Table (111…000)</th><th scope="col">Rule bits</th><th scope="col">Exceptions</th><th scope="col">Total bits</th>
        </tr>
      </thead>
      <tbody>
        {r.ranking.map((s, i) => (
          <tr key={s.rule} class={s.rule === hidden ? "is-hidden-rule" : undefined}>
            <td>{i + 1}</td>
            <th scope="row">{s.rule}{s.rule === hidden ? " (hidden)" : ""}</th>
            <td><code>{s.table}</code></td>
            <td>{fmt(s.ruleBits, 3)}</td>
            <td>{s.exceptions}</td>
            <td>{fmt(s.bits, 4)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The parameter form of a demo: preset picker, the schema's controls (the demo's `controls` up front,
 * the rest under "More parameters"), seed with "New seed", and replicates. Every change goes through
 * `update`; the island decides when to run.
 */
import { MAX_SEED, randomSeed } from "../../core/rng";
import type { AnySpec, IntSpec, ParamValue, Schema, Params } from "../../core/schema";
import { sameState } from "../../demos/definition";
import type { DemoConfig, DemoState } from "../../demos/types";
import { ParamControl, TextControl } from "./controls";

interface Props {
  uid: string;
  config: DemoConfig;
  schema: Schema<Params>;
  label: string;
  state: DemoState;
  disabled: boolean;
  /** A reader's change; `now` runs at once instead of after the debounce. */
  update(next: DemoState, now?: boolean): void;
  /** The model's own check of a text value (in the worker); rejects with the reason. */
  validateText(name: string, value: ParamValue): Promise<ParamValue>;
}

export default function DemoControls({ uid, config, schema, label, state, disabled, update, validateText }: Props) {
  const defaults = config.presets[0]!.state;
  const presetId = config.presets.find((p) => sameState(p.state, state))?.id ?? "custom";
  const preset = config.presets.find((p) => p.id === presetId);
  const seedSpec: IntSpec = { type: "int", label: "Seed", help: "Same parameters and seed give the same numbers.", min: 0, max: MAX_SEED, default: defaults.seed };
  const repSpec: IntSpec = { type: "int", label: "Replicates", help: "Independent runs summarised by the bands.", min: 1, max: config.maxReplicates, default: defaults.replicates, scale: "log" };
  const setParam = (name: string, value: ParamValue) => update({ ...state, params: { ...state.params, [name]: value } });
  const specs = Object.entries(schema.params) as [string, AnySpec][];
  const primary = config.controls ? specs.filter(([name]) => config.controls!.includes(name)) : specs;
  const secondary = config.controls ? specs.filter(([name]) => !config.controls!.includes(name)) : [];
  const renderControl = ([name, spec]: [string, AnySpec]) => (
    <ParamControl
      key={name} id={`${uid}-${name}`} name={name} spec={spec} value={state.params[name]!} disabled={disabled}
      onChange={(v) => setParam(name, v)} {...(spec.type === "text" ? { validate: (v: ParamValue) => validateText(name, v) } : {})}
    />
  );

  return (
    <form class="demo-controls" aria-label={`Parameters of ${label}`} onSubmit={(e) => e.preventDefault()}>
      {config.presets.length > 1 && (
        <div class="demo-control demo-control-preset">
          <label class="demo-label" for={`${uid}-preset`}>Preset</label>
          <select
            id={`${uid}-preset`}
            value={presetId}
            disabled={disabled}
            onChange={(e) => {
              const p = config.presets.find((q) => q.id === (e.currentTarget as HTMLSelectElement).value);
              if (p) update(p.state, true);
            }}
          >
            {config.presets.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            {presetId === "custom" && <option value="custom" disabled>Custom</option>}
          </select>
          {preset?.note && <span class="demo-help">{preset.note}</span>}
        </div>
      )}
      {primary.map(renderControl)}
      {secondary.length > 0 && (
        <details class="demo-more" open={secondary.some(([name]) => String(state.params[name]) !== String(defaults.params[name]))}>
          <summary>More parameters ({secondary.length})</summary>
          {secondary.map(renderControl)}
        </details>
      )}
      <div class="demo-seed">
        <TextControl id={`${uid}-seed`} name="seed" spec={seedSpec} value={state.seed} disabled={disabled} onChange={(v) => update({ ...state, seed: v as number })} />
        <button type="button" disabled={disabled} onClick={() => update({ ...state, seed: randomSeed() }, true)}>New seed</button>
      </div>
      <ParamControl id={`${uid}-replicates`} name="replicates" spec={repSpec} value={state.replicates} disabled={disabled} onChange={(v) => update({ ...state, replicates: v as number })} />
    </form>
  );
}

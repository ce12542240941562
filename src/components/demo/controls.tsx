/**
 * Controls generated from a parameter spec. Every control has a visible label and help text; typed
 * input is validated with the same parser as the URL and command line, and a bad entry shows a
 * message and keeps the last valid value (the run never sees an invalid parameter).
 */
import { useEffect, useState } from "preact/hooks";
import { formatParam, parseParam, type AnySpec, type NumberSpec, type ParamValue } from "../../core/schema";

interface ControlProps<S extends AnySpec = AnySpec> {
  id: string;
  name: string;
  spec: S;
  value: ParamValue;
  disabled: boolean;
  onChange: (value: ParamValue) => void;
  /**
   * Further validation after the spec's own parser (the island's text specs have no parser: the
   * worker checks them). Resolves to the value to use; rejects with the message to show.
   */
  validate?: (value: ParamValue) => Promise<ParamValue>;
}

const SLIDER_STEPS = 1000;

function isLog(spec: NumberSpec): boolean {
  return spec.scale === "log" && spec.min > 0;
}

/** Slider position (0..SLIDER_STEPS for log scales, the value itself otherwise) of a value. */
function toSlider(spec: NumberSpec, value: number): number {
  if (!isLog(spec)) return value;
  const t = (Math.log(value) - Math.log(spec.min)) / (Math.log(spec.max) - Math.log(spec.min));
  return Math.round(t * SLIDER_STEPS);
}

function fromSlider(spec: NumberSpec, position: number): number {
  if (!isLog(spec)) return position;
  const v = Math.exp(Math.log(spec.min) + (position / SLIDER_STEPS) * (Math.log(spec.max) - Math.log(spec.min)));
  const step = spec.type === "int" ? (spec.step ?? 1) : spec.step;
  const snapped = Math.round(v / step) * step;
  // Round away float noise from snapping (0.1 * 3 = 0.30000000000000004).
  const clean = Number(snapped.toPrecision(12));
  return Math.min(spec.max, Math.max(spec.min, clean));
}

/** Keyboard steps for log sliders: arrows ±1 step, PageUp/PageDown ×/÷ 2, Home/End the ends. */
export function logKeyStep(spec: NumberSpec, v: number, key: string): number | undefined {
  const step = spec.type === "int" ? (spec.step ?? 1) : spec.step;
  const clamp = (x: number) => Math.min(spec.max, Math.max(spec.min, Number((Math.round(x / step) * step).toPrecision(12))));
  switch (key) {
    case "ArrowUp":
    case "ArrowRight":
      return clamp(v + step);
    case "ArrowDown":
    case "ArrowLeft":
      return clamp(v - step);
    case "PageUp":
      return clamp(Math.max(v * 2, v + step));
    case "PageDown":
      return clamp(Math.min(v / 2, v - step));
    case "Home":
      return spec.min;
    case "End":
      return spec.max;
    default:
      return undefined;
  }
}

/** True when the label already shows the token as a word (so "Categories K" needs no extra "K"). */
function mentions(label: string, token: string): boolean {
  return label.split(/[\s(),]+/).includes(token);
}

/** The label line: text, then the URL/command-line name when the label does not already show it. */
function LabelText({ name, spec }: { name: string; spec: AnySpec }) {
  return (
    <>
      {spec.label}
      {mentions(spec.label, name) ? null : <code class="demo-name">{name}</code>}
    </>
  );
}

function Help({ id, spec, error }: { id: string; spec: AnySpec; error: string }) {
  return (
    <>
      {spec.help ? <span class="demo-help" id={`${id}-help`}>{spec.help}</span> : null}
      <span class="demo-error" id={`${id}-error`} role={error ? "alert" : undefined}>{error}</span>
    </>
  );
}

function describedBy(id: string, spec: AnySpec): string {
  return spec.help ? `${id}-help ${id}-error` : `${id}-error`;
}

/** A draft text field that commits on change (blur or Enter) after validation. */
function useDraft(name: string, spec: AnySpec, value: ParamValue, onChange: (v: ParamValue) => void, validate?: ControlProps["validate"]) {
  const text = formatParam(spec, value);
  const [draft, setDraft] = useState(text);
  const [error, setError] = useState("");
  useEffect(() => {
    setDraft(text);
    setError("");
  }, [text]);
  const commit = async (raw: string) => {
    try {
      let parsed = parseParam(name, spec, raw);
      if (validate) parsed = await validate(parsed);
      setError("");
      onChange(parsed);
      setDraft(formatParam(spec, parsed));
    } catch (e) {
      setError(`${(e as Error).message}; keeping ${text}`);
    }
  };
  /** The props every typed field shares: the draft, error state, help link and commit on change or Enter. */
  const fieldProps = (id: string, disabled: boolean, onKey?: (e: KeyboardEvent) => void) => ({
    id,
    type: "text",
    value: draft,
    disabled,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(id, spec),
    onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
    onChange: (e: Event) => void commit((e.currentTarget as HTMLInputElement).value),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Enter") void commit((e.currentTarget as HTMLInputElement).value);
      onKey?.(e);
    },
  });
  return { error, fieldProps };
}

function NumberControl({ id, name, spec, value, disabled, onChange }: ControlProps<NumberSpec>) {
  const { error, fieldProps } = useDraft(name, spec, value, onChange);
  const v = value as number;
  const step = spec.type === "int" ? (spec.step ?? 1) : spec.step;
  const log = isLog(spec);
  return (
    <div class="demo-control demo-control-number" role="group" aria-labelledby={`${id}-label`}>
      <label class="demo-label" id={`${id}-label`} for={id}>
        <LabelText name={name} spec={spec} />
      </label>
      <div class="demo-pair">
        <input
          type="range"
          aria-label={`${spec.label} slider${log ? " (logarithmic)" : ""}`}
          aria-valuetext={formatParam(spec, v)}
          aria-describedby={spec.help ? `${id}-help` : undefined}
          min={log ? 0 : spec.min}
          max={log ? SLIDER_STEPS : spec.max}
          step={log ? 1 : step}
          value={toSlider(spec, v)}
          disabled={disabled}
          onInput={(e) => onChange(fromSlider(spec, Number((e.currentTarget as HTMLInputElement).value)))}
          onKeyDown={log ? (e) => {
            // A log slider's native key step can round back to the same integer; step in value space.
            const next = logKeyStep(spec, v, e.key);
            if (next === undefined) return;
            e.preventDefault();
            if (next !== v) onChange(next);
          } : undefined}
        />
        <input
          {...fieldProps(id, disabled, (e) => {
            if (e.key === "ArrowUp" || e.key === "ArrowDown") {
              e.preventDefault();
              const next = Math.min(spec.max, Math.max(spec.min, v + (e.key === "ArrowUp" ? step : -step)));
              onChange(Number(next.toPrecision(12)));
            }
          })}
          inputMode={spec.type === "int" ? "numeric" : "decimal"}
          class="demo-number"
          size={8}
        />
        {spec.unit && !mentions(spec.label, spec.unit) ? <span class="demo-unit" aria-hidden="true">{spec.unit}</span> : null}
      </div>
      <Help id={id} spec={spec} error={error} />
    </div>
  );
}

export function TextControl({ id, name, spec, value, disabled, onChange, validate }: ControlProps) {
  const { error, fieldProps } = useDraft(name, spec, value, onChange, validate);
  return (
    <div class="demo-control demo-control-text">
      <label class="demo-label" for={id}>
        <LabelText name={name} spec={spec} />
      </label>
      <input {...fieldProps(id, disabled)} spellcheck={false} />
      <Help id={id} spec={spec} error={error} />
    </div>
  );
}

export function ParamControl(props: ControlProps) {
  const { id, name, spec, value, disabled, onChange } = props;
  switch (spec.type) {
    case "int":
    case "float":
      return <NumberControl {...props} spec={spec} />;
    case "enum":
      return (
        <div class="demo-control demo-control-enum">
          <label class="demo-label" for={id}>
            <LabelText name={name} spec={spec} />
          </label>
          <select id={id} value={String(value)} disabled={disabled} aria-describedby={describedBy(id, spec)} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
            {spec.options.map((o) => <option value={o.value} key={o.value}>{o.label}</option>)}
          </select>
          <Help id={id} spec={spec} error="" />
        </div>
      );
    case "bool":
      return (
        <div class="demo-control demo-control-bool">
          <input id={id} type="checkbox" checked={value === true} disabled={disabled} aria-describedby={describedBy(id, spec)} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
          <label class="demo-label" for={id}>
            <LabelText name={name} spec={spec} />
          </label>
          <Help id={id} spec={spec} error="" />
        </div>
      );
    case "list":
    case "text":
      return <TextControl {...props} />;
  }
}

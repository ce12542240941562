/**
 * Types shared by the demo shell: what an author writes (DemoInput, PresetInput), what the build
 * resolves it to (DemoConfig, serialisable, passed to the island) and the live state (DemoState).
 */
import type { Params, ParamValue } from "../core/schema";

/** The state a run is a pure function of: same state, same numbers. */
export interface DemoState {
  params: Params;
  seed: number;
  replicates: number;
}

/**
 * A named starting point, as written in MDX. Parameter values may be typed (50) or in their URL text
 * form ("50"); missing ones take the demo's default. Validated strictly at build time.
 */
export interface PresetInput {
  /** Short slug, unique within the demo, e.g. "large-n". */
  id: string;
  /** What the reader sees in the preset menu, e.g. "Large samples (n = 1000)". */
  label: string;
  params?: Record<string, ParamValue>;
  seed?: number;
  replicates?: number;
  /** One sentence shown under the menu when the preset is chosen. */
  note?: string;
}

/** A preset after validation: a complete state. */
export interface Preset {
  id: string;
  label: string;
  note?: string;
  state: DemoState;
}

/** One chart: a fan chart of one metric across the x axis (generations). */
export interface FanView {
  kind: "fan";
  metric: string;
  /** Heading above the chart; default: the metric's label. */
  title?: string;
  /** Default: the metric's label and unit. */
  yLabel?: string;
  /** Default: "Generation". */
  xLabel?: string;
  /** Fixed y range (keeps the axis still while parameters change); default: fitted to the data. */
  yDomain?: [number, number];
}

export type ViewSpec = FanView;

/** What Demo.astro receives from MDX (see the header comment there). */
export interface DemoInput {
  id: string;
  model: string;
  metrics?: string[];
  views?: ViewSpec[];
  /** Parameters shown up front; the others go under "More parameters". Default: all up front. */
  controls?: string[];
  /** Overrides of the model's schema defaults for this demo. */
  params?: Record<string, ParamValue>;
  seed?: number;
  replicates?: number;
  maxReplicates?: number;
  keepPaths?: number;
  presets?: PresetInput[];
  title?: string;
  caption?: string;
  equation?: string;
}

/** The resolved, validated, JSON-serialisable demo description handed to the island. */
export interface DemoConfig {
  id: string;
  model: string;
  views: ViewSpec[];
  /** presets[0] is always the demo's default ("default"). */
  presets: Preset[];
  keepPaths: number;
  maxReplicates: number;
  /** Parameter names shown up front (absent: all). */
  controls?: string[];
  title?: string;
  equation?: string;
}

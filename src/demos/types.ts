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

/**
 * Bar chart of one run's distribution p_t (categorical model only): the first replicate, the same run
 * as the first sample path of the fans, at the generation the playhead shows. Theory: E p_t = p₀.
 */
export interface BarsView {
  kind: "bars";
  title?: string;
  yLabel?: string;
  xLabel?: string;
}

/**
 * Stacked area of the variance within runs (mean of metric `within`) and between runs (variance
 * across replicates of metric `between`). Theory: `theory[within]` and `theory[within] +
 * theory["<between>:var"]` when the model provides them.
 */
export interface StackView {
  kind: "stack";
  within: string;
  between: string;
  title?: string;
  yLabel?: string;
  xLabel?: string;
  /** Legend names of the two layers, e.g. "Within runs: E s_t²". */
  withinLabel?: string;
  betweenLabel?: string;
}

/**
 * Densities N(μ_t, σ_t²) of the first replicate at a few generations up to the playhead, from the
 * metrics `mean` and `variance`; theory: the generation-0 density (dashed).
 */
export interface DensityView {
  kind: "density";
  mean: string;
  variance: string;
  title?: string;
  xLabel?: string;
  /** How many generations to draw (2–8, default 5). */
  curves?: number;
}

/**
 * Experiment chart: the mean of one metric at each x (category, n, sample size …) with a 95%
 * interval (±1.96 SE) against theory[metric], plus optional extra theory series ("<metric>:<key>").
 */
export interface PointsView {
  kind: "points";
  metric: string;
  title?: string;
  yLabel?: string;
  xLabel: string;
  /** Draw the means as bars (a histogram over categories) instead of dots joined by a line. */
  bars?: boolean;
  logX?: boolean;
  logY?: boolean;
  /** Legend label of theory[metric] (default "Theory (exact)"). */
  theoryLabel?: string;
  /** Extra theory series drawn dotted: theory[`${metric}:${key}`]. */
  extra?: { key: string; label: string }[];
}

/**
 * Two metrics of one run in one chart over generations (e.g. the same quantity for two learners run
 * side by side): each as its mean with a band, plus theory[metric] for either (dashed). Pinned runs are
 * not overlaid.
 */
export interface PairView {
  kind: "pair";
  /** [first, second]: the first is drawn solid, the second dotted. */
  metrics: [string, string];
  /** Legend names of the two series, e.g. ["Hybrid", "Distributional"]. */
  labels: [string, string];
  /** "quantiles": 5–95% of replicates (default); "ci": mean ± 1.96 SE (for rates of 0/1 metrics). */
  band?: "quantiles" | "ci";
  title?: string;
  yLabel?: string;
  /** Default: "Generation". */
  xLabel?: string;
  yDomain?: [number, number];
  /** Legend label of the theory curves (default "Theory"). */
  theoryLabel?: string;
}

export type ViewSpec = FanView | BarsView | StackView | DensityView | PointsView | PairView;

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

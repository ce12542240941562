/** Keys and metric names of demo views (no chart code, so the build-time validation stays light). */
import type { ViewSpec } from "./types";

/** Unique key of a view within its demo. */
export function viewKey(view: ViewSpec): string {
  switch (view.kind) {
    case "fan":
    case "points":
      return view.metric;
    case "bars":
      return "bars";
    case "stack":
      return `stack-${view.within}-${view.between}`;
    case "density":
      return `density-${view.mean}-${view.variance}`;
    case "shares":
      return `shares-${view.metrics.join("-").replace(/[^A-Za-z0-9-]/g, "_")}`;
    case "text":
      return "text";
    case "lines":
      return `lines-${view.metrics.join("-")}`;
    case "pair":
      return `pair-${view.metrics[0]}-${view.metrics[1]}`.replace(/:/g, "_");
  }
}

/** Metric names a view reads (validated against the model at build time). */
export function viewMetrics(view: ViewSpec): string[] {
  switch (view.kind) {
    case "fan":
    case "points":
      return [view.metric];
    case "bars":
      return [];
    case "stack":
      return [view.within, view.between];
    case "density":
      return [view.mean, view.variance];
    case "text":
      return [];
    case "shares":
    case "lines":
    case "pair":
      return [...view.metrics];
  }
}

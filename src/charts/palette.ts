/**
 * Chart colours as CSS variables (defined in src/components/demo/demo.css for light, dark and print),
 * with fallbacks so an SVG still draws outside the page. Plot passes `var(…)` through untouched.
 */
export const COLOR = {
  mean: "var(--demo-mean, #1f4e9c)",
  band: "var(--demo-band, #3b7dd8)",
  path: "var(--demo-path, #6b7280)",
  theory: "var(--demo-theory, #b42318)",
  compare: "var(--demo-compare, #b45309)",
} as const;

/** Band opacities: the 25–75% band is drawn over the 5–95% band, so it reads darker. */
export const OPACITY = { outer: 0.16, inner: 0.3, path: 0.55, compareBand: 0.14 } as const;

/** HTML legend for a chart (HTML, not SVG, so it wraps on narrow screens and reads as a list). */
import type { LegendItem } from "../../charts/fan";

export default function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul class="demo-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.key}>
          <svg class="demo-swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
            {item.shape === "band" ? (
              <rect x="0" y="1" width="28" height="10" fill={item.color} fill-opacity={item.opacity ?? 1} />
            ) : (
              <line
                x1="0" y1="6" x2="28" y2="6"
                stroke={item.color}
                stroke-width={item.shape === "thin" ? 1 : 2.4}
                stroke-opacity={item.opacity ?? 1}
                stroke-dasharray={item.dash ?? (item.shape === "dashed" ? "6 4" : item.shape === "dotted" ? "1.5 3" : undefined)}
              />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

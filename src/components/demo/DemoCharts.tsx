/**
 * The live charts of a demo: one block per rendered view (title, legend, the Plot svg, the text
 * description with the pinned run's, SVG/PNG download). The views come from `renderView`; this only
 * places them.
 */
import { useEffect, useRef } from "preact/hooks";
import type { RenderedView } from "../../charts/views";
import Legend from "./Legend";
import { exportChart } from "./SharePanel";

function ChartView({ id, view }: { id: string; view: RenderedView }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const t0 = performance.now();
    ref.current?.replaceChildren(view.draw());
    performance.measure(`${id}:draw`, { start: t0 });
  }, [view]);
  return <div class="demo-plot" id={id} ref={ref} />;
}

export default function DemoCharts({ uid, views, seed }: { uid: string; views: RenderedView[]; seed: number }) {
  return (
    <>
      {views.map((view) => {
        const chartId = `${uid}-chart-${view.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
        return (
          <div class="demo-chart" key={view.key} data-view={view.key}>
            <p class="demo-chart-title">{view.title}</p>
            <Legend items={view.legend} />
            <ChartView id={chartId} view={view} />
            <p class="demo-desc">
              {view.description}
              {view.pinned ? ` ${view.pinned}` : ""}
            </p>
            <div class="demo-chart-actions">
              <button type="button" onClick={() => void exportChart(chartId, seed, "svg")}>SVG</button>
              <button type="button" onClick={() => void exportChart(chartId, seed, "png")}>PNG</button>
            </div>
          </div>
        );
      })}
    </>
  );
}

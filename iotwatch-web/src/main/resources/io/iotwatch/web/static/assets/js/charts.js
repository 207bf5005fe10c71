// Time-series charts on uPlot (assets/vendor, loaded by index.html as the global uPlot). A chart is drawn
// from the API's series objects: {"step": 60, "points": [{"t": "...", name: value, ...}]}; each line of a
// chart is one field of the points, named by `field`.
import { epochSeconds } from "./format.js";

export const LEVELS = ["critical", "high", "medium", "low"];
export const LEVEL_COLORS = { critical: "#ff4d4f", high: "#ff9f1a", medium: "#f5d90a", low: "#4aa3ff" };
export const COLORS = { events: "#4aa3ff", connections: "#2fd3b5", packets: "#b18cff", bytes: "#f78fb3" };

/** The root font size in pixels: charts grow with the text on wall screens (see app.css). */
function rem() {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;
}

/** An axis whose labels and the room between them grow with the text. */
function axis(extra) {
  const px = rem();
  return {
    stroke: "#9aa7b4",
    grid: { stroke: "#262d37", width: 1 },
    ticks: { stroke: "#262d37", width: 1 },
    font: `${Math.round(px * 0.8)}px system-ui, sans-serif`,
    size: Math.round(px * 3.2),
    space: Math.round(px * 2.2),
    ...extra,
  };
}

/**
 * A chart of lines over time in `container`, as wide as the container and `rows` lines of text high.
 *   lines: [{label, field, color, axis: "left"|"right", stepped}]; left and right each have a formatter
 *   for their tick labels and the legend (format.left, format.right).
 * Returns {show(series), destroy()}.
 */
export function timeChart(container, { lines, rows = 15, format = {} }) {
  const { uPlot } = globalThis;
  const height = Math.round(rows * rem());
  const formatOf = (line) => (line.axis === "right" ? format.right : format.left) ?? String;
  const options = {
    width: Math.max(container.clientWidth, 300),
    height,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, left: { range: (u, min, max) => [0, Math.max(max, 1)] }, right: {} },
    series: [
      {},
      ...lines.map((line) => ({
        label: line.label,
        scale: line.axis === "right" ? "right" : "left",
        stroke: line.color,
        width: 2,
        fill: `${line.color}22`,
        points: { show: false },
        paths: line.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined,
        value: (u, v) => (v === null || v === undefined ? "–" : formatOf(line)(v)),
      })),
    ],
    axes: [
      axis({ size: Math.round(rem() * 3), space: Math.round(rem() * 5) }),
      axis({ scale: "left", values: (u, splits) => splits.map(format.left ?? String) }),
    ],
  };
  if (lines.some((line) => line.axis === "right")) {
    options.axes.push(
      axis({
        scale: "right",
        side: 1,
        size: Math.round(rem() * 4.5),
        grid: { show: false },
        values: (u, splits) => splits.map(format.right ?? String),
      }),
    );
  }
  const plot = new uPlot(options, [[], ...lines.map(() => [])], container);
  const resize = new ResizeObserver(() => {
    const width = container.clientWidth;
    if (width > 0 && width !== plot.width) plot.setSize({ width, height });
  });
  resize.observe(container);
  return {
    show(series) {
      const points = series?.points ?? [];
      plot.setData([
        points.map((p) => epochSeconds(p.t)),
        ...lines.map((line) => points.map((p) => p[line.field] ?? 0)),
      ]);
    },
    destroy() {
      resize.disconnect();
      plot.destroy();
    },
  };
}

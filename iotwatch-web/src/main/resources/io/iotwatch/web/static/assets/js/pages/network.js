// Network (#/network?range=-6h): GET /api/v1/network. Protocol mix from its "protocols", the chart from its
// "series" (points[].bytes and points[].packets), top talkers from its "talkers".
import { get, query } from "../api.js";
import { el } from "../dom.js";
import { COLORS, timeChart } from "../charts.js";
import { bytes, compact, num } from "../format.js";
import { RANGES, bar, fill, panel, rangeButtons, table } from "../widgets.js";

export function mount(root, ctx) {
  let range = RANGES.some(([value]) => value === ctx.params.get("range")) ? ctx.params.get("range") : "-1h";
  const protocols = table(
    ["Protocol", ["Connections", "num"], ["Packets", "num"], ["Bytes", "num"], "Share"],
    "protocols-table",
  );
  const talkers = table(
    ["IP", ["Connections", "num"], ["Bytes out", "num"], ["Bytes in", "num"], ["Packets", "num"]],
    "talkers-table",
  );
  const chartBox = el("div", { class: "chart" });

  root.append(
    panel(
      "Traffic over time",
      rangeButtons(range, (value) => {
        range = value;
        ctx.remember({ range });
        ctx.run(load());
      }),
      chartBox,
    ),
    el("div", { class: "grid halves" }, panel("Protocols", protocols.view), panel("Top talkers", talkers.view)),
  );

  const chart = timeChart(chartBox, {
    lines: [
      { label: "packets", field: "packets", color: COLORS.packets },
      { label: "bytes", field: "bytes", color: COLORS.bytes, axis: "right" },
    ],
    format: { left: compact, right: bytes },
  });
  ctx.onLeave(() => chart.destroy());

  function load() {
    return get(`/api/v1/network${query({ from: range })}`).then((network) => {
      chart.show(network.series);
      const mix = network.protocols ?? [];
      const totalBytes = mix.reduce((sum, p) => sum + (p.bytes ?? 0), 0);
      fill(
        protocols.tbody,
        mix,
        (p) =>
          el(
            "tr",
            {},
            el("td", {}, p.protocol),
            el("td", { class: "num" }, num(p.connections)),
            el("td", { class: "num" }, num(p.packets)),
            el("td", { class: "num" }, bytes(p.bytes)),
            el("td", { class: "share" }, bar(p.bytes ?? 0, totalBytes)),
          ),
        "No traffic in this time range",
      );
      fill(
        talkers.tbody,
        network.talkers,
        (t) =>
          el(
            "tr",
            { class: "clickable", onclick: () => ctx.go("alerts", { ip: t.ip }) },
            el("td", { class: "ip" }, t.ip),
            el("td", { class: "num" }, num(t.connections)),
            el("td", { class: "num" }, bytes(t.bytesOut)),
            el("td", { class: "num" }, bytes(t.bytesIn)),
            el("td", { class: "num" }, num(t.packets)),
          ),
        "No traffic in this time range",
      );
    });
  }

  ctx.run(load());
}

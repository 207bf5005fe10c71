// Overview (#/ or #/?range=-6h). Where each part's numbers come from:
//   tiles, alerts by level   GET /api/v1/stats once, then every "stats" message of the live stream
//   attack timeline          GET /api/v1/series/alerts?from=RANGE  (points[].critical/high/medium/low)
//   traffic                  GET /api/v1/series/traffic?from=RANGE (points[].events/connections/bytes)
//   top sources              GET /api/v1/top/sources?from=RANGE
//   system status            GET /api/v1/system (sources[])
//   recent attacks           GET /api/v1/alerts?limit=10, then every "alert" message of the live stream
// The charts, top sources and system status are fetched again every 10 seconds.
import { get, query } from "../api.js";
import { el, replace } from "../dom.js";
import { COLORS, LEVEL_COLORS, LEVELS, timeChart } from "../charts.js";
import { bytes, compact, duration, num, percent, time } from "../format.js";
import {
  RANGES,
  RECENT_HEADERS,
  bar,
  fill,
  alertRow,
  levelBadge,
  panel,
  rangeButtons,
  table,
  upsertAlertRow,
} from "../widgets.js";

const REFRESH_MS = 10_000;
const RECENT = 10;

const TILES = [
  ["packets", "Packets", (s) => num(s.packets), (s) => bytes(s.bytes)],
  [
    "events",
    "Events",
    (s) => num(s.events),
    (s) => `last ${s.lastEvent ? new Date(s.lastEvent).toLocaleTimeString() : "–"}`,
  ],
  ["connections", "Connections", (s) => num(s.connections), () => ""],
  ["alerts", "Alerts", (s) => num(s.alerts), () => ""],
  ["open-alerts", "Open alerts", (s) => num(s.openAlerts), () => "not yet triaged"],
  ["malicious", "Malicious", (s) => num(s.malicious), () => "occurrences behind alerts"],
  ["attack-rate", "Attack rate", (s) => percent(s.attackRate), () => "malicious / events"],
  [
    "monitoring",
    "Monitoring",
    (s) => s.monitoring?.status ?? "–",
    (s) => `${num(s.monitoring?.sourcesOnline)} of ${num(s.monitoring?.sources)} sources online`,
  ],
];

export function mount(root, ctx) {
  let range = RANGES.some(([value]) => value === ctx.params.get("range")) ? ctx.params.get("range") : "-1h";

  const tiles = TILES.map(([id, label]) => {
    const value = el("div", { class: "value" }, "–");
    const sub = el("div", { class: "sub" });
    return {
      id,
      value,
      sub,
      node: el("div", { class: "tile", "data-testid": `tile-${id}` }, el("div", { class: "label" }, label), value, sub),
    };
  });
  const levels = el("div", { class: "levels", "data-testid": "levels" });
  const timelineBox = el("div", { class: "chart" });
  const trafficBox = el("div", { class: "chart" });
  const recent = table(RECENT_HEADERS, "recent-attacks");
  const sources = table(["Source", ["Alerts", "num"], "Level", "Classes"], "top-sources");
  const systemSources = el("ul", { class: "sources", "data-testid": "system-sources" });
  const systemSummary = el("p", { class: "sub" });

  root.append(
    el(
      "div",
      { class: "overview" },
      el(
        "div",
        { class: "tiles" },
        tiles.map((t) => t.node),
      ),
      panel(
        "Attack timeline",
        rangeButtons(range, (value) => {
          range = value;
          ctx.remember({ range });
          ctx.run(refresh());
        }),
        timelineBox,
      ),
      panel("Alerts by threat level", levels),
      panel("Traffic", trafficBox),
      panel("System status", systemSources, systemSummary),
      panel("Recent attacks", recent.view),
      panel("Top sources", sources.view),
    ),
  );

  const timeline = timeChart(timelineBox, {
    lines: LEVELS.map((level) => ({ label: level, field: level, color: LEVEL_COLORS[level], stepped: true })),
    format: { left: compact },
  });
  const traffic = timeChart(trafficBox, {
    lines: [
      { label: "events", field: "events", color: COLORS.events },
      { label: "connections", field: "connections", color: COLORS.connections },
      { label: "bytes", field: "bytes", color: COLORS.bytes, axis: "right" },
    ],
    format: { left: compact, right: bytes },
  });
  ctx.onLeave(() => {
    timeline.destroy();
    traffic.destroy();
  });

  function showStats(stats) {
    for (const tile of tiles) {
      const [, , value, sub] = TILES.find(([id]) => id === tile.id);
      tile.value.textContent = value(stats);
      tile.value.title = tile.value.textContent;
      tile.sub.textContent = sub(stats);
    }
    tiles.find((t) => t.id === "monitoring").node.dataset.state = stats.monitoring?.status ?? "";
    const byLevel = stats.alertsByLevel ?? {};
    const max = Math.max(0, ...LEVELS.map((level) => byLevel[level] ?? 0));
    replace(
      levels,
      LEVELS.map((level) =>
        el(
          "div",
          { class: "level-row" },
          levelBadge(level),
          el("span", { class: "count" }, num(byLevel[level] ?? 0)),
          bar(byLevel[level] ?? 0, max, `level-${level}`),
        ),
      ),
    );
  }

  function showSystem(info) {
    systemSummary.textContent =
      `iotwatch ${info.version ?? "?"} · ${info.database ?? "?"} · up ${duration(info.uptimeSeconds)}` +
      ` · ${num(info.detectors?.length ?? 0)} detectors · model ${info.model ?? "none"}`;
    const items = info.sources ?? [];
    replace(
      systemSources,
      items.length ? items.map(sourceItem) : el("li", { class: "sub" }, "No sources are configured"),
    );
  }

  function showSources(items) {
    fill(
      sources.tbody,
      items,
      (s) =>
        el(
          "tr",
          { class: "clickable", onclick: () => ctx.go("alerts", { src: s.ip }) },
          el("td", { class: "ip" }, s.ip),
          el("td", { class: "num" }, num(s.alerts)),
          el("td", {}, levelBadge(s.level)),
          el("td", {}, (s.classes ?? []).join(", ")),
        ),
      "No attack sources in this time range",
    );
  }

  async function refresh() {
    const since = query({ from: range });
    const [alertSeries, trafficSeries, top, info] = await Promise.all([
      get(`/api/v1/series/alerts${since}`),
      get(`/api/v1/series/traffic${since}`),
      get(`/api/v1/top/sources${since}`),
      get("/api/v1/system"),
    ]);
    timeline.show(alertSeries);
    traffic.show(trafficSeries);
    showSources(top);
    showSystem(info);
  }

  ctx.run(get("/api/v1/stats").then(showStats));
  ctx.run(
    get(`/api/v1/alerts${query({ limit: RECENT })}`).then((page) =>
      fill(recent.tbody, page.items, (alert) => alertRow(alert, { compact: true }), "No attacks recorded"),
    ),
  );
  ctx.run(refresh());
  ctx.every(REFRESH_MS, () => ctx.run(refresh()));
  ctx.live("stats", showStats);
  ctx.live("alert", (alert) => upsertAlertRow(recent.tbody, alert, { compact: true }, RECENT));
}

/** One traffic source of GET /api/v1/system: online or not, and whether it loses or queues records. */
function sourceItem(source) {
  return el(
    "li",
    { "data-online": String(source.online === true) },
    el(
      "div",
      { class: "source-head" },
      el("span", { class: `badge ${source.online ? "online" : "offline"}` }, source.online ? "online" : "offline"),
      el("strong", {}, source.name),
      el("span", { class: "sub" }, source.kind),
    ),
    el(
      "div",
      { class: "source-counts" },
      el("span", {}, `${num(source.packets)} packets`),
      el("span", {}, `${num(source.events)} events`),
      el("span", { class: source.dropped > 0 ? "warn" : "" }, `${num(source.dropped)} dropped`),
      el("span", {}, `queue ${num(source.queueDepth)}`),
      el("span", {}, "last ", time(source.lastActivity)),
    ),
    source.detail ? el("div", { class: "sub" }, source.detail) : null,
  );
}

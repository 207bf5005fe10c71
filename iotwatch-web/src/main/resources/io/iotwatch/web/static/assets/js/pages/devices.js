// Devices (#/devices?q=10.0.0&offset=50): GET /api/v1/devices, the hosts with private addresses seen in
// traffic. A row opens the device's alerts.
import { get, query } from "../api.js";
import { el } from "../dom.js";
import { bytes, num, time } from "../format.js";
import { bar, fill, levelBadge, pager, panel, table } from "../widgets.js";

const LIMIT = 50;
const TYPING_PAUSE_MS = 300;

export function mount(root, ctx) {
  let q = ctx.params.get("q") ?? "";
  let offset = Math.max(0, Number.parseInt(ctx.params.get("offset") ?? "0", 10) || 0);
  const search = el("input", {
    type: "search",
    value: q,
    placeholder: "Address or MAC",
    "data-testid": "devices-search",
    "aria-label": "Search devices",
    autocomplete: "off",
    spellcheck: "false",
  });
  const paging = el("div");
  const list = table(
    [
      "IP",
      "MAC",
      "Vendor",
      "First seen",
      "Last seen",
      ["Connections", "num"],
      ["Bytes out", "num"],
      ["Bytes in", "num"],
      ["Alerts", "num"],
      "Level",
      "Risk",
    ],
    "devices-table",
  );
  root.append(panel("Devices", el("div", { class: "toolbar" }, search, paging), list.view));

  function load() {
    ctx.remember({ q, offset: offset || null });
    return get(`/api/v1/devices${query({ q, offset, limit: LIMIT })}`).then((page) => {
      fill(list.tbody, page.items, deviceRow, q ? "No device matches" : "No devices seen yet");
      paging.replaceChildren(
        pager({
          offset,
          limit: LIMIT,
          total: page.total,
          totalTestid: "devices-total",
          onPage: (next) => {
            offset = next;
            ctx.run(load());
          },
        }),
      );
    });
  }

  function deviceRow(d) {
    return el(
      "tr",
      { class: "clickable", onclick: () => ctx.go("alerts", { ip: d.ip }) },
      el("td", { class: "ip" }, d.ip),
      el("td", { class: "ip mono" }, d.mac ?? "–"),
      el("td", {}, d.vendor ?? "–"),
      el("td", {}, time(d.firstSeen)),
      el("td", {}, time(d.lastSeen)),
      el("td", { class: "num" }, num(d.connections)),
      el("td", { class: "num" }, bytes(d.bytesOut)),
      el("td", { class: "num" }, bytes(d.bytesIn)),
      el("td", { class: "num" }, num(d.alerts)),
      el("td", {}, d.level ? levelBadge(d.level) : "–"),
      el("td", { class: "risk" }, el("span", { class: "num" }, num(d.risk)), bar(d.risk ?? 0, 100, riskClass(d.risk))),
    );
  }

  let typing = 0;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      q = search.value.trim();
      offset = 0;
      ctx.run(load());
    }, TYPING_PAUSE_MS);
  });
  ctx.onLeave(() => clearTimeout(typing));
  ctx.run(load());
}

/** Risk 0-100 in the level colors: 75 and up critical, 50 high, 25 medium, else low. */
function riskClass(risk) {
  if (risk >= 75) return "level-critical";
  if (risk >= 50) return "level-high";
  if (risk >= 25) return "level-medium";
  return "level-low";
}

// Threats (#/threats?range=-7d): GET /api/v1/threats, attacks by class and source, most alerts first. A row
// opens the alerts of that class from that source.
import { get, query } from "../api.js";
import { el } from "../dom.js";
import { num, time } from "../format.js";
import { RANGES, fill, levelBadge, panel, rangeButtons, table } from "../widgets.js";

const LIMIT = 200;

export function mount(root, ctx) {
  let range = RANGES.some(([value]) => value === ctx.params.get("range")) ? ctx.params.get("range") : "-24h";
  const list = table(
    [
      "Class",
      "Group",
      "Source",
      ["Alerts", "num"],
      ["Count", "num"],
      ["Open", "num"],
      "Level",
      "First seen",
      "Last seen",
    ],
    "threats-table",
  );
  root.append(
    panel(
      "Threats",
      rangeButtons(range, (value) => {
        range = value;
        ctx.remember({ range });
        ctx.run(load());
      }),
      list.view,
    ),
  );

  function load() {
    return get(`/api/v1/threats${query({ from: range, limit: LIMIT })}`).then((items) =>
      fill(
        list.tbody,
        items,
        (t) =>
          el(
            "tr",
            {
              class: "clickable",
              onclick: () => ctx.go("alerts", { from: range, class: t.class, src: t.src }),
            },
            el("td", {}, t.class),
            el("td", {}, t.group),
            el("td", { class: "ip" }, t.src),
            el("td", { class: "num" }, num(t.alerts)),
            el("td", { class: "num" }, num(t.count)),
            el("td", { class: "num" }, num(t.open)),
            el("td", {}, levelBadge(t.level)),
            el("td", {}, time(t.firstSeen)),
            el("td", {}, time(t.lastSeen)),
          ),
        "No attacks in this time range",
      ),
    );
  }

  ctx.run(load());
}

// Alerts (#/alerts?from=-24h&level=high,critical&src=...&offset=50&limit=100): GET /api/v1/alerts with the
// filter that the hash holds, so a filtered view can be linked. Live "alert" messages that match the filter
// go into the first page as they come.
import { get, query } from "../api.js";
import { el } from "../dom.js";
import { LEVELS } from "../charts.js";
import { ALERT_HEADERS, RANGES, alertRow, fill, pager, table, upsertAlertRow } from "../widgets.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
const TEXT_FIELDS = [
  ["detector", "Detector"],
  ["class", "Class"],
  ["group", "Group"],
  ["src", "Source"],
  ["dst", "Target"],
  ["ip", "Any IP"],
];
const STATUSES = ["open", "acknowledged", "resolved", "suppressed"];
const RELATIVE = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function mount(root, ctx) {
  const filter = readFilter(ctx.params);
  const offset = Math.max(0, Number.parseInt(ctx.params.get("offset") ?? "0", 10) || 0);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number.parseInt(ctx.params.get("limit") ?? "", 10) || DEFAULT_LIMIT));
  const pageParams = (next) => ({ ...filter, offset: next || null, limit: limit === DEFAULT_LIMIT ? null : limit });
  const list = table(ALERT_HEADERS, "alerts-table");
  const paging = el("div");

  root.append(
    filterForm(filter, (changed) => ctx.go("alerts", changed)),
    paging,
    list.view,
  );

  function showPaging(total) {
    paging.replaceChildren(
      pager({
        offset,
        limit,
        total,
        totalTestid: "alerts-total",
        onPage: (next) => ctx.go("alerts", pageParams(next)),
      }),
    );
  }

  ctx.run(
    get(`/api/v1/alerts${query({ ...filter, offset, limit })}`).then((page) => {
      fill(list.tbody, page.items, (alert) => alertRow(alert), "No alerts match this filter");
      showPaging(page.total);
    }),
  );

  // A live alert may be new, which changes the total; asking for it again (at most every few seconds
  // while alerts pour in) keeps the count right without redrawing the rows.
  let recount = 0;
  ctx.live("alert", (alert) => {
    if (!matches(alert, filter)) return;
    if (offset === 0) {
      upsertAlertRow(list.tbody, alert, {}, limit);
    } else {
      [...list.tbody.rows].find((row) => row.dataset.alertId === alert.id)?.replaceWith(alertRow(alert));
    }
    recount ||= setTimeout(() => {
      recount = 0;
      ctx.run(get(`/api/v1/alerts${query({ ...filter, limit: 1 })}`).then((page) => showPaging(page.total)));
    }, 3000);
  });
  ctx.onLeave(() => clearTimeout(recount));
}

/** The filter as the API's query parameters, from the hash. */
function readFilter(params) {
  const filter = {};
  for (const name of ["from", "to", "level", "status", ...TEXT_FIELDS.map(([field]) => field)]) {
    const value = params.get(name)?.trim();
    if (value) filter[name] = value;
  }
  return filter;
}

function filterForm(filter, apply) {
  const levels = new Set((filter.level ?? "").split(",").filter(Boolean));
  const rangeOptions =
    RANGES.some(([value]) => value === filter.from) || !filter.from ? RANGES : [...RANGES, [filter.from, filter.from]];
  const from = el(
    "select",
    { name: "from", "data-testid": "filter-from" },
    rangeOptions.map(([value, label]) =>
      el("option", { value, selected: value === (filter.from ?? "-24h") }, `Last ${label}`),
    ),
  );
  const levelBoxes = LEVELS.map((level) =>
    el("input", {
      type: "checkbox",
      name: "level",
      value: level,
      checked: levels.has(level),
      "data-testid": `filter-level-${level}`,
    }),
  );
  const status = el(
    "select",
    { name: "status", "data-testid": "filter-status" },
    el("option", { value: "" }, "any"),
    STATUSES.map((s) => el("option", { value: s, selected: s === filter.status }, s)),
  );
  const texts = TEXT_FIELDS.map(([field, label]) => [
    field,
    el("input", {
      type: "text",
      name: field,
      value: filter[field] ?? "",
      "data-testid": `filter-${field}`,
      autocomplete: "off",
      spellcheck: "false",
    }),
    label,
  ]);

  const form = el(
    "form",
    { class: "filter panel", "data-testid": "alerts-filter" },
    el("label", {}, "Time range", from),
    el(
      "fieldset",
      { class: "levels-filter", "data-testid": "filter-level" },
      el("legend", {}, "Level"),
      LEVELS.map((level, i) => el("label", { class: "check" }, levelBoxes[i], level)),
    ),
    texts.map(([, input, label]) => el("label", {}, label, input)),
    el("label", {}, "Status", status),
    el(
      "div",
      { class: "buttons" },
      el("button", { type: "submit", class: "primary", "data-testid": "filter-apply" }, "Apply"),
      el("button", { type: "button", "data-testid": "filter-clear", onclick: () => apply({}) }, "Clear"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changed = {
      from: from.value === "-24h" ? null : from.value,
      level: levelBoxes
        .filter((box) => box.checked)
        .map((box) => box.value)
        .join(","),
      status: status.value,
    };
    for (const [field, input] of texts) changed[field] = input.value.trim();
    apply(changed);
  });
  return form;
}

/** Whether a live alert belongs in the filtered list, judged as the API would. */
function matches(alert, filter) {
  const equal = (field) => !filter[field] || alert[field] === filter[field];
  return (
    (!filter.level || filter.level.split(",").includes(alert.level)) &&
    equal("status") &&
    equal("detector") &&
    equal("class") &&
    equal("group") &&
    equal("src") &&
    equal("dst") &&
    (!filter.ip || alert.src === filter.ip || alert.dst === filter.ip) &&
    inRange(alert.lastSeen, filter.from, filter.to)
  );
}

function inRange(iso, from, to) {
  const t = new Date(iso).getTime();
  return t >= instant(from ?? "-24h", 0) && t <= instant(to, Infinity);
}

/** An API time parameter as epoch milliseconds: ISO, or relative like "-15m", "-1h", "-7d". */
function instant(value, otherwise) {
  if (!value) return otherwise;
  const relative = /^-(\d+)([mhd])$/.exec(value);
  if (relative) return Date.now() - Number(relative[1]) * RELATIVE[relative[2]];
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? otherwise : t;
}

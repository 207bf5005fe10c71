// Pieces several pages share: badges, tables, paging, range choice, bars, the confirmation dialog, alert rows and
// audit entries' data and proof links.
import { query } from "./api.js";
import { el, replace } from "./dom.js";
import { LEVELS } from "./charts.js";
import { num, score, text, time } from "./format.js";

const STATUSES = ["open", "acknowledged", "resolved", "suppressed"];

/** A level as a colored badge; unknown levels get a neutral one (the class names come from a fixed list). */
export function levelBadge(level) {
  const known = LEVELS.includes(level) ? level : "none";
  return el("span", { class: `badge level-${known}` }, level ?? "–");
}

export function statusBadge(status) {
  const known = STATUSES.includes(status) ? status : "none";
  return el("span", { class: `badge status-${known}` }, status ?? "–");
}

/** A titled panel: the dashboard's card. Its title, in lower case with dashes, is its data-panel name for CSS. */
export function panel(title, ...children) {
  return el(
    "section",
    { class: "panel", "data-panel": title.toLowerCase().replaceAll(" ", "-") },
    el("h2", {}, title),
    ...children,
  );
}

/**
 * A table in a horizontally scrolling box; returns {view, tbody}. The tbody carries the test id. A header is
 * its label, or [label, "num"] for a right-aligned column of numbers.
 */
export function table(headers, testid) {
  const tbody = el("tbody", { "data-testid": testid });
  const head = el(
    "thead",
    {},
    el(
      "tr",
      {},
      headers.map((h) =>
        Array.isArray(h) ? el("th", { scope: "col", class: h[1] }, h[0]) : el("th", { scope: "col" }, h),
      ),
    ),
  );
  return { view: el("div", { class: "table-wrap" }, el("table", {}, head, tbody)), tbody };
}

/** Fills a tbody with one row per item, or a single "nothing here" row. */
export function fill(tbody, items, row, emptyText = "Nothing to show") {
  if (!items?.length) {
    const columns = tbody.parentElement?.querySelectorAll("thead th").length || 1;
    replace(tbody, el("tr", { class: "empty" }, el("td", { colspan: columns }, emptyText)));
  } else {
    replace(tbody, items.map(row));
  }
}

/** "1–50 of 1,234" with previous/next buttons; onPage(offset) is called with the new offset. */
export function pager({ offset, limit, total, onPage, totalTestid }) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return el(
    "div",
    { class: "pager" },
    el(
      "button",
      { type: "button", disabled: offset <= 0, onclick: () => onPage(Math.max(0, offset - limit)) },
      "‹ Previous",
    ),
    el("span", {}, `${num(first)}–${num(last)} of `, el("strong", { "data-testid": totalTestid }, num(total))),
    el("button", { type: "button", disabled: last >= total, onclick: () => onPage(offset + limit) }, "Next ›"),
  );
}

export const RANGES = [
  ["-1h", "1 h"],
  ["-6h", "6 h"],
  ["-24h", "24 h"],
  ["-7d", "7 d"],
];

/** Buttons choosing a relative time range ("-1h" ...); onChange(value) when another is picked. */
export function rangeButtons(current, onChange, testid = "range") {
  const group = el("div", { class: "range", role: "group", "aria-label": "Time range", "data-testid": testid });
  for (const [value, label] of RANGES) {
    group.append(
      el(
        "button",
        {
          type: "button",
          "data-range": value,
          "aria-pressed": String(value === current),
          onclick: (event) => {
            for (const button of group.children)
              button.setAttribute("aria-pressed", String(button === event.currentTarget));
            onChange(value);
          },
        },
        label,
      ),
    );
  }
  return group;
}

/** An object's keys and values as lines of text (an audit entry's data); anything else as its text. */
export function keyValues(data) {
  if (data === null || typeof data !== "object") return text(data);
  return el(
    "ul",
    { class: "kv" },
    Object.entries(data).map(([key, value]) => el("li", {}, el("span", { class: "key" }, key), " ", text(value))),
  );
}

/** The download of an audit entry's inclusion proof against the block that seals it, once one does. */
export function proofLink(entry) {
  if (!entry.sealed) return el("span", { class: "sub" }, "not sealed yet");
  return el(
    "a",
    {
      href: `/api/v1/audit/proof${query({ entry: entry.index, block: entry.block })}`,
      download: `iotwatch-proof-${entry.index}.json`,
    },
    "proof",
  );
}

/** A horizontal bar, `value` of `max`; colorClass picks the fill (e.g. "level-high"). */
export function bar(value, max, colorClass = "") {
  const fillElement = el("span", { class: `bar-fill ${colorClass}` });
  fillElement.style.width = `${max > 0 ? Math.min(100, (100 * value) / max) : 0}%`;
  return el("span", { class: "bar" }, fillElement);
}

/**
 * Asks in an in-page dialog; resolves true for OK, false for Cancel or Escape. The OK button has the test
 * id confirm-ok.
 */
export function confirmDialog(title, message, okLabel = "OK") {
  return new Promise((resolve) => {
    const dialog = el(
      "dialog",
      { class: "confirm", "aria-labelledby": "confirm-title" },
      el("h2", { id: "confirm-title" }, title),
      el("p", {}, message),
      el(
        "form",
        { method: "dialog", class: "buttons" },
        el("button", { value: "cancel", "data-testid": "confirm-cancel" }, "Cancel"),
        el("button", { value: "ok", class: "primary", "data-testid": "confirm-ok" }, okLabel),
      ),
    );
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "ok");
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** The link and keyboard target of an alert: its page. */
export function alertHref(id) {
  return `#/alerts/${encodeURIComponent(id)}`;
}

/**
 * A table row for an alert list item; `compact` for the overview. Clicking anywhere in the row opens the
 * alert; the class is also a real link, for a new tab.
 */
export function alertRow(alert, { compact = false } = {}) {
  const open = () => {
    location.hash = alertHref(alert.id);
  };
  const lastSeen = el("td", {}, time(alert.lastSeen));
  const level = el("td", {}, levelBadge(alert.level));
  const kind = el("td", {}, el("a", { href: alertHref(alert.id) }, alert.class ?? "–"));
  const source = el("td", { class: "ip" }, alert.src ?? "–");
  const target = el(
    "td",
    {},
    el("span", { class: "ip" }, alert.dst ?? "–"),
    alert.domain ? el("div", { class: "sub" }, alert.domain) : null,
  );
  const count = el("td", { class: "num" }, num(alert.count));
  const cells = compact
    ? [lastSeen, level, kind, source, target, count]
    : [
        lastSeen,
        level,
        kind,
        el("td", {}, alert.group ?? "–"),
        el("td", {}, alert.detector ?? "–"),
        source,
        target,
        count,
        el("td", { class: "num" }, score(alert.confidence)),
        el("td", {}, statusBadge(alert.status)),
      ];
  return el(
    "tr",
    {
      class: "clickable",
      tabindex: 0,
      "data-alert-id": alert.id,
      onclick: open,
      onkeydown: (event) => {
        if (event.key === "Enter") open();
      },
    },
    cells,
  );
}

export const ALERT_HEADERS = [
  "Last seen",
  "Level",
  "Class",
  "Group",
  "Detector",
  "Source",
  "Target",
  ["Count", "num"],
  ["Confidence", "num"],
  "Status",
];
export const RECENT_HEADERS = ["Last seen", "Level", "Class", "Source", "Target", ["Count", "num"]];

/**
 * Puts a live alert into a list that is sorted most recently active first: replaces its row if present,
 * else adds it on top (dropping the last row past `limit`) and highlights it. Returns true if it was new.
 */
export function upsertAlertRow(tbody, alert, rowOptions, limit) {
  const row = alertRow(alert, rowOptions);
  const existing = [...tbody.rows].find((r) => r.dataset.alertId === alert.id);
  tbody.querySelector("tr.empty")?.remove();
  existing?.remove();
  tbody.prepend(row);
  while (tbody.rows.length > limit) tbody.lastElementChild.remove();
  row.classList.add(existing ? "updated" : "new");
  setTimeout(() => row.classList.remove("new", "updated"), 3000);
  return !existing;
}

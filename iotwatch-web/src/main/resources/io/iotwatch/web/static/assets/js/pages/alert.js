// One alert (#/alerts/ID): GET /api/v1/alerts/{id} (the list item plus evidence, triage and events), triage
// through POST /api/v1/alerts/{id}/triage (analysts and admins), and its audit trail from
// GET /api/v1/audit/entries?subject=ID. Live "alert" messages for this id update the summary and the triage
// state, and the audit trail at most every few seconds.
import { get, post, query } from "../api.js";
import { el, externalLink, replace } from "../dom.js";
import { num, score, text, time, timeMs } from "../format.js";
import { confirmDialog, levelBadge, panel, proofLink, statusBadge, table, fill } from "../widgets.js";

const MITRE = "https://attack.mitre.org/";
const AUDIT_ENTRIES = 20;
const AUDIT_REFRESH_MS = 5000;
// Which actions make sense from which status; the others are shown disabled.
const ACTIONS = [
  ["acknowledge", "Acknowledge", ["open"]],
  ["resolve", "Resolve", ["open", "acknowledged"]],
  ["reopen", "Reopen", ["acknowledged", "resolved", "suppressed"]],
  ["suppress", "Suppress", ["open", "acknowledged", "resolved"]],
];

export function mount(root, ctx) {
  const path = `/api/v1/alerts/${encodeURIComponent(ctx.id)}`;
  let alert = null;

  const heading = el("h1", { class: "alert-title" });
  const fields = el("dl", { class: "fields" });
  const triageState = el("p", { class: "triage-state", "data-testid": "triage-status", "aria-live": "polite" });
  const note = el("textarea", {
    "data-testid": "triage-note",
    rows: 2,
    maxlength: 2000,
    placeholder: "Note (optional)",
  });
  const outcome = el("p", { class: "outcome", "aria-live": "polite", "data-testid": "triage-outcome" });
  const buttons = ACTIONS.map(([action, label]) =>
    el(
      "button",
      {
        type: "button",
        "data-action": action,
        "data-testid": `triage-${action}`,
        class: action === "suppress" ? "danger" : "",
        onclick: () => ctx.run(triage(action)),
      },
      label,
    ),
  );
  const canTriage = ctx.session.role !== "viewer";
  const evidence = table(["Key", "Value"], "evidence-table");
  const events = table(["Time", "Type", "Event"], "events-table");
  const audit = table(["Time", "Kind", "What", "Proof"], "alert-audit");

  root.append(
    el(
      "div",
      { class: "alert-page", "data-testid": "alert-detail" },
      el("a", { href: "#/alerts", class: "back" }, "‹ Alerts"),
      heading,
      el(
        "div",
        { class: "grid wide-left" },
        panel("Alert", fields),
        panel(
          "Triage",
          triageState,
          canTriage
            ? [el("label", {}, "Note", note), el("div", { class: "buttons" }, buttons), outcome]
            : el("p", { class: "sub" }, "Your role (viewer) can read alerts but not triage them."),
        ),
      ),
      panel("Evidence", evidence.view),
      panel("Audit trail", audit.view),
      panel("Events behind this alert", events.view),
    ),
  );

  function showSummary() {
    replace(
      heading,
      levelBadge(alert.level),
      " ",
      alert.class ?? "Alert",
      " ",
      el("span", { class: "sub" }, `${alert.src ?? "?"} → ${alert.dst ?? alert.domain ?? "?"}`),
    );
    const mitre = alert.mitre
      ? [externalLink(alert.mitre.url, MITRE, alert.mitre.id ?? "?"), " ", alert.mitre.name ?? ""]
      : "–";
    const rows = [
      ["Id", alert.id],
      ["Level", levelBadge(alert.level)],
      ["Class", alert.class],
      ["Group", alert.group],
      ["Detector", alert.detector],
      ["Confidence", score(alert.confidence)],
      ["Source", alert.src],
      ["Target", alert.dst],
      ["Domain", alert.domain],
      ["Count", num(alert.count)],
      ["First seen", time(alert.firstSeen)],
      ["Last seen", time(alert.lastSeen)],
      ["Status", statusBadge(alert.status)],
      ["MITRE ATT&CK", mitre],
    ];
    replace(
      fields,
      rows.map(([label, value]) => [el("dt", {}, label), el("dd", { "data-field": label }, value ?? "–")]),
    );
  }

  function showTriage() {
    const t = alert.triage;
    replace(
      triageState,
      statusBadge(alert.status),
      " ",
      t ? [`by ${t.actor ?? "?"} `, time(t.at), t.note ? el("q", {}, t.note) : ""] : "never triaged",
    );
    for (const button of buttons) {
      const allowed = ACTIONS.find(([action]) => action === button.dataset.action)[2];
      button.disabled = !allowed.includes(alert.status);
    }
  }

  async function triage(action) {
    if (action === "suppress" && !(await confirmSuppress(alert))) return;
    for (const button of buttons) button.disabled = true;
    try {
      const answer = await post(`${path}/triage`, { action, note: note.value.trim() || undefined });
      alert = { ...alert, ...answer };
      note.value = "";
      outcome.textContent = answer.rule
        ? `Suppressed. Allow-list rule written: ${describeRule(answer.rule)}`
        : `Done: ${alert.status}.`;
      showSummary();
      ctx.run(loadAudit());
    } finally {
      showTriage();
    }
  }

  function loadAudit() {
    return get(`/api/v1/audit/entries${query({ subject: ctx.id, limit: AUDIT_ENTRIES })}`).then((answer) =>
      fill(audit.tbody, answer.entries, auditRow, "Nothing recorded about this alert"),
    );
  }

  ctx.run(
    get(path, { expect: [404] }).then(
      (detail) => {
        alert = detail;
        showSummary();
        showTriage();
        fill(
          evidence.tbody,
          Object.entries(detail.evidence ?? {}),
          ([key, value]) =>
            el(
              "tr",
              {},
              el("th", { scope: "row" }, key),
              el(
                "td",
                {},
                value !== null && typeof value === "object"
                  ? el("pre", {}, JSON.stringify(value, null, 2))
                  : text(value),
              ),
            ),
          "No evidence recorded",
        );
        fill(events.tbody, detail.events, eventRow, "No stored events in the incident's time span");
        return loadAudit();
      },
      (error) => {
        if (error.status !== 404) throw error;
        replace(root, el("p", { class: "notice" }, "There is no alert with this id."));
      },
    ),
  );

  // a growing alert is updated with every batch: its audit trail is asked for again at most every few seconds
  let auditReload = 0;
  ctx.live("alert", (update) => {
    if (!alert || update.id !== alert.id) return;
    alert = { ...alert, ...update };
    showSummary();
    showTriage();
    auditReload ||= setTimeout(() => {
      auditReload = 0;
      ctx.run(loadAudit());
    }, AUDIT_REFRESH_MS);
  });
  ctx.onLeave(() => clearTimeout(auditReload));
}

/** An audit entry about the alert: for a triage who did what with which note; a proof once a block seals it. */
function auditRow(entry) {
  const data = entry.data !== null && typeof entry.data === "object" ? entry.data : {};
  const what =
    entry.kind === "alert.triaged"
      ? [`${data.by ?? "?"}: ${data.status ?? "?"}`, data.note ? [" ", el("q", {}, data.note)] : ""]
      : "";
  return el(
    "tr",
    { "data-entry-index": entry.index },
    el("td", {}, timeMs(entry.time)),
    el("td", {}, entry.kind ?? "–"),
    el("td", {}, what),
    el("td", {}, proofLink(entry)),
  );
}

function confirmSuppress(alert) {
  const rule = suppressTarget(alert);
  const message = `This writes an allow-list rule for ${rule}: the detectors will not raise such alerts from then on.`;
  return confirmDialog("Suppress this alert?", message, "Suppress");
}

/** What a suppression would allow, as the API describes it: the detector and source, or the domain for DNS. */
function suppressTarget(alert) {
  return alert.domain
    ? `the domain ${alert.domain}`
    : `detector ${alert.detector ?? "?"} and source ${alert.src ?? "?"}`;
}

function describeRule(rule) {
  if (typeof rule !== "object") return String(rule);
  return Object.entries(rule)
    .filter(([, value]) => value !== null && value !== "")
    .map(([key, value]) => `${key} ${text(value)}`)
    .join(", ");
}

/** An event as iotwatch parse --format json prints it: the raw record when there is one, the JSON on demand. */
function eventRow(event) {
  const { raw, ...fields } = event;
  const json = el("pre", {}, JSON.stringify(fields, null, 2));
  return el(
    "tr",
    {},
    el("td", {}, time(event.time)),
    el("td", {}, event.type ?? "–"),
    el(
      "td",
      { class: "event" },
      raw ? [el("pre", { class: "raw" }, raw), el("details", {}, el("summary", {}, "JSON"), json)] : json,
    ),
  );
}

// Reports (#/reports?offset=50): POST /api/v1/reports {"from", "to", "format"} makes one (analysts and admins),
// GET /api/v1/reports lists those in the reports folder, newest first, as a page {"total", "offset", "limit",
// "items": [{"id", "createdAt", "from", "to", "format", "size", "sha256", "schedule", "requestedBy"}], "schedule":
// {"periods", "formats"}}, and GET /api/v1/reports/{id} downloads one. A server without a reports folder answers
// 404, and the page says reports are not available.
import { get, post, query } from "../api.js";
import { el, replace } from "../dom.js";
import { bytes, time } from "../format.js";
import { fill, pager, panel, table } from "../widgets.js";

const UNAVAILABLE = "Reports are not available in this version";
const FORMATS = ["pdf", "html", "json"];
const DAY_MS = 86_400_000;
const LIMIT = 50;

export function mount(root, ctx) {
  let offset = Math.max(0, Number.parseInt(ctx.params.get("offset") ?? "0", 10) || 0);
  const canCreate = ctx.session.role !== "viewer";
  const now = Date.now();
  const from = el("input", {
    type: "datetime-local",
    name: "from",
    required: true,
    value: localInput(now - DAY_MS),
    "data-testid": "report-from",
  });
  const to = el("input", {
    type: "datetime-local",
    name: "to",
    required: true,
    value: localInput(now),
    "data-testid": "report-to",
  });
  const format = el(
    "select",
    { name: "format", "data-testid": "report-format" },
    FORMATS.map((f) => el("option", { value: f }, f.toUpperCase())),
  );
  const submit = el("button", { type: "submit", class: "primary", "data-testid": "report-create" }, "Create report");
  const status = el("p", { class: "sub", "aria-live": "polite", "data-testid": "report-status" });
  const schedule = el("p", { class: "sub", "data-testid": "reports-schedule" });
  const paging = el("div");
  const list = table(["Created", "From", "To", "Format", "Made", ["Size", "num"], ""], "reports-table");
  const form = el(
    "form",
    { class: "filter" },
    el("label", {}, "From", from),
    el("label", {}, "To", to),
    el("label", {}, "Format", format),
    el("div", { class: "buttons" }, submit),
  );
  const making = canCreate
    ? panel("New report", form, status)
    : panel("New report", el("p", { class: "sub" }, "Your role (viewer) can download reports but not make them."));
  root.append(making, panel("Reports", el("div", { class: "toolbar" }, schedule, paging), list.view));

  function unavailable(error) {
    if (error.status !== 404) throw error;
    replace(root, el("p", { class: "notice", "data-testid": "reports-unavailable" }, UNAVAILABLE));
  }

  function load() {
    ctx.remember({ offset: offset || null });
    return get(`/api/v1/reports${query({ offset, limit: LIMIT })}`, { expect: [404] }).then((page) => {
      replace(schedule, scheduleText(page.schedule));
      fill(list.tbody, page.items, reportRow, "No reports yet");
      paging.replaceChildren(
        pager({
          offset,
          limit: LIMIT,
          total: page.total,
          totalTestid: "reports-total",
          onPage: (next) => {
            offset = next;
            ctx.run(load());
          },
        }),
      );
    }, unavailable);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = "Creating the report…";
    const body = {
      from: new Date(from.value).toISOString(),
      to: new Date(to.value).toISOString(),
      format: format.value,
    };
    ctx.run(
      post("/api/v1/reports", body, { expect: [404] })
        .then(
          () => {
            status.textContent = "The report is ready.";
            offset = 0;
            return load();
          },
          (error) => {
            status.textContent = "";
            unavailable(error);
          },
        )
        .finally(() => {
          submit.disabled = false;
        }),
    );
  });

  ctx.run(load());
}

function reportRow(r) {
  return el(
    "tr",
    { "data-report-id": r.id },
    el("td", {}, time(r.createdAt)),
    el("td", {}, time(r.from)),
    el("td", {}, time(r.to)),
    el("td", {}, r.format ?? "–"),
    el("td", {}, r.schedule ? `${r.schedule} schedule` : r.requestedBy ? `by ${r.requestedBy}` : "–"),
    el("td", { class: "num" }, bytes(r.size)),
    el(
      "td",
      {},
      el(
        "a",
        { href: `/api/v1/reports/${encodeURIComponent(r.id)}`, download: "", "data-testid": "report-download" },
        "Download",
      ),
    ),
  );
}

/** "Scheduled: daily and monthly, as PDF." or how to turn the schedule on. */
function scheduleText(schedule) {
  const periods = schedule?.periods ?? [];
  if (!periods.length) return "No scheduled reports (reports.schedule in iotwatch.yml).";
  const formats = (schedule.formats ?? []).map((f) => f.toUpperCase());
  return `Scheduled: ${listText(periods)}, as ${listText(formats)}.`;
}

function listText(words) {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** A time as a datetime-local input wants it: local time, minutes. */
function localInput(ms) {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

// Reports (#/reports): POST /api/v1/reports {"from", "to", "format"} makes one, GET /api/v1/reports lists them
// (an array or a page {"items": [...]}, each {"id", "createdAt", "from", "to", "format", "size"}), and
// GET /api/v1/reports/{id} downloads one.
import { get, post } from "../api.js";
import { el, replace } from "../dom.js";
import { bytes, time } from "../format.js";
import { fill, panel, table } from "../widgets.js";

const UNAVAILABLE = "Reports are not available in this version";
const FORMATS = ["pdf", "html", "json"];
const DAY_MS = 86_400_000;

export function mount(root, ctx) {
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
  const list = table(["Created", "From", "To", "Format", ["Size", "num"], ""], "reports-table");
  const form = el(
    "form",
    { class: "filter" },
    el("label", {}, "From", from),
    el("label", {}, "To", to),
    el("label", {}, "Format", format),
    el("div", { class: "buttons" }, submit),
  );
  root.append(panel("New report", form, status), panel("Reports", list.view));

  function unavailable(error) {
    if (error.status !== 404) throw error;
    replace(root, el("p", { class: "notice", "data-testid": "reports-unavailable" }, UNAVAILABLE));
  }

  function load() {
    return get("/api/v1/reports", { expect: [404] }).then((data) => {
      fill(
        list.tbody,
        Array.isArray(data) ? data : data?.items,
        (r) =>
          el(
            "tr",
            {},
            el("td", {}, time(r.createdAt)),
            el("td", {}, time(r.from)),
            el("td", {}, time(r.to)),
            el("td", {}, r.format ?? "–"),
            el("td", { class: "num" }, bytes(r.size)),
            el("td", {}, el("a", { href: `/api/v1/reports/${encodeURIComponent(r.id)}`, download: "" }, "Download")),
          ),
        "No reports yet",
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

/** A time as a datetime-local input wants it: local time, minutes. */
function localInput(ms) {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

// The dashboard's entry point: checks the session, fills the header, opens the live stream and shows the
// page the hash names (#/, #/alerts?level=high, #/alerts/ID, #/devices, ...). Each page is a module under
// pages/ with mount(root, context); the context's helpers undo themselves when the page is left.
import { get, post, setCsrfToken, setErrorBanner, ApiError } from "./api.js";
import { el, replace } from "./dom.js";
import { on, startLive } from "./live.js";
import * as overview from "./pages/overview.js";
import * as alerts from "./pages/alerts.js";
import * as alertDetail from "./pages/alert.js";
import * as devices from "./pages/devices.js";
import * as threats from "./pages/threats.js";
import * as network from "./pages/network.js";
import * as audit from "./pages/audit.js";
import * as reports from "./pages/reports.js";
import * as access from "./pages/access.js";

const PAGES = { "": overview, alerts, devices, threats, network, audit, reports, access };
const TITLES = {
  "": "Overview",
  alerts: "Alerts",
  devices: "Devices",
  threats: "Threats",
  network: "Network",
  audit: "Audit",
  reports: "Reports",
  access: "Access",
};

let session = null;
let cleanups = [];

/** "#/alerts/ID?x=1" -> {page: "alerts", id: "ID", params: URLSearchParams}. */
function parseHash(hash) {
  const route = hash.replace(/^#\/?/, "");
  const question = route.indexOf("?");
  const path = question < 0 ? route : route.slice(0, question);
  const search = question < 0 ? "" : route.slice(question + 1);
  const [page = "", id] = path.split("/");
  return { page, id: id ? decodeURIComponent(id) : null, params: new URLSearchParams(search) };
}

/** "#/alerts?level=high,critical": the hash of a page with these parameters (empty ones left out). */
function pageHash(page, params = {}) {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value).replaceAll("%2C", ",")}`);
  return `#/${page}${parts.length ? `?${parts.join("&")}` : ""}`;
}

function show() {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const { page, id, params } = parseHash(location.hash);
  for (const link of document.querySelectorAll("nav.pages a")) {
    if (link.dataset.page === page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = `${TITLES[page] ?? "Not found"} · iotwatch`;
  const root = document.getElementById("page");
  root.replaceChildren();
  const module = page === "alerts" && id !== null ? alertDetail : PAGES[page];
  if (!module) {
    root.append(el("p", { class: "notice" }, "There is no such page."));
    return;
  }
  module.mount(root, context(page, id, params));
}

/** What a page gets: the session, its hash parameters, and helpers that are undone when it is left. */
function context(page, id, params) {
  return {
    session,
    id,
    params,
    go: (target, values) => {
      location.hash = pageHash(target, values);
    },
    /** Puts the page's own parameters into the address (for links and reloads) without showing it anew. */
    remember: (values) => history.replaceState(null, "", pageHash(page, values)),
    live: (type, fn) => cleanups.push(on(type, fn)),
    every: (ms, fn) => {
      const timer = setInterval(fn, ms);
      cleanups.push(() => clearInterval(timer));
    },
    onLeave: (fn) => cleanups.push(fn),
    /** Runs a loader; API failures are already shown in the banner, anything else is a bug worth logging. */
    run: (promise) =>
      promise.catch((error) => {
        if (!(error instanceof ApiError)) console.error(error);
      }),
  };
}

async function start() {
  setErrorBanner(document.getElementById("error"));
  session = await get("/api/v1/session");
  setCsrfToken(session.csrf);
  replace(document.querySelector("[data-testid=user-name]"), session.user);
  replace(document.querySelector("[data-testid=user-role]"), session.role);
  document.querySelector("[data-testid=logout]").addEventListener("click", async () => {
    await post("/api/v1/logout").catch(() => {});
    location.assign("/login.html");
  });
  const indicator = document.querySelector("[data-testid=live-status]");
  on("state", (state) => {
    indicator.dataset.state = state;
    indicator.textContent = state === "live" ? "Live" : "Reconnecting";
  });
  startLive();
  window.addEventListener("hashchange", show);
  show();
}

start().catch((error) => {
  if (!(error instanceof ApiError)) console.error(error);
});

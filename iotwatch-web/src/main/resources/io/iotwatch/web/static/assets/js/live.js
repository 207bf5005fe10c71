// The app's one connection to GET /api/v1/stream (server-sent events). Pages subscribe with on():
//   "alert": an alert list item, each time one is raised, grows or is triaged;
//   "stats": the /api/v1/stats object, once a second;
//   "state": "live" or "offline", for the indicator in the header.
// EventSource reconnects by itself after a dropped connection. It gives up when the server answers with an
// error instead (a 401 after the session ended, a restart): then the session is checked, which leads to the
// login page if it is gone, and a new connection is tried a few seconds later.
import { get } from "./api.js";

const RETRY_MS = 5000;
const listeners = new Map([
  ["alert", new Set()],
  ["stats", new Set()],
  ["state", new Set()],
]);
let source = null;

/** Opens the stream; the app calls this once, after the session is known. */
export function startLive() {
  source = new EventSource("/api/v1/stream");
  source.addEventListener("open", () => emit("state", "live"));
  source.addEventListener("alert", (event) => emitJson("alert", event.data));
  source.addEventListener("stats", (event) => emitJson("stats", event.data));
  source.addEventListener("error", () => {
    emit("state", "offline");
    if (source.readyState === EventSource.CLOSED) {
      source = null;
      setTimeout(() => get("/api/v1/session").then(startLive, () => setTimeout(startLive, RETRY_MS)), RETRY_MS);
    }
  });
}

/** Calls fn with each message of this type; returns the function that stops it. */
export function on(type, fn) {
  listeners.get(type).add(fn);
  return () => listeners.get(type).delete(fn);
}

function emitJson(type, data) {
  let value;
  try {
    value = JSON.parse(data);
  } catch {
    console.warn(`ignored a ${type} message that is not JSON`);
    return;
  }
  emit(type, value);
}

function emit(type, value) {
  for (const fn of listeners.get(type)) fn(value);
}

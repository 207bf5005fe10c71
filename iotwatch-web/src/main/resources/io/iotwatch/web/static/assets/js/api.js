// Every call to the JSON API (docs/API.md) goes through request(): it sends JSON, adds the session's CSRF
// token to changing calls, sends the browser to the login page on 401 and shows other failures in the
// page's error banner.

const CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
let csrfToken = null;
let banner = null;
let bannerTimer = 0;

/** A failed call: HTTP status (0 when the server could not be reached) and the API's error text. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Remembers the CSRF token from GET /api/v1/session for the calls that change something. */
export function setCsrfToken(token) {
  csrfToken = token;
}

/** Where request() shows failures (the index page's banner). */
export function setErrorBanner(element) {
  banner = element;
}

/** "?a=1&b=x" from an object, leaving out empty values; "" when nothing is left. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Sends the browser to the login page, to come back to where it is now. */
export function toLogin() {
  const here = location.pathname + location.search + location.hash;
  location.assign(`/login.html${query({ next: here })}`);
}

/**
 * Calls the API and resolves to the parsed JSON (null for an empty answer). Statuses listed in `expect`
 * reject with an ApiError for the caller to handle; any other failure is shown in the banner and rejects
 * too. A 401 never settles: the browser is on its way to the login page.
 */
export async function request(method, path, { body, expect = [] } = {}) {
  const headers = { Accept: "application/json" };
  if (CHANGING.has(method)) {
    headers["Content-Type"] = "application/json";
    if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw failure(new ApiError(0, "Cannot reach the iotwatch server"), expect);
  }
  if (response.status === 401) {
    toLogin();
    return new Promise(() => {});
  }
  const data = await readBody(response);
  if (!response.ok) {
    throw failure(new ApiError(response.status, errorText(response.status, data)), expect);
  }
  return data;
}

export const get = (path, options) => request("GET", path, options);
export const post = (path, body, options) => request("POST", path, { ...options, body });
export const put = (path, body, options) => request("PUT", path, { ...options, body });
export const del = (path, options) => request("DELETE", path, options);

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  if (!(response.headers.get("Content-Type") ?? "").includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorText(status, data) {
  if (data && typeof data.error === "string") return data.error;
  if (status === 403) return "Your role does not allow this";
  if (status === 409) return "The session changed: reload the page";
  return `The server answered ${status}`;
}

function failure(error, expect) {
  if (!expect.includes(error.status)) showError(error.message);
  return error;
}

/** Shows a message in the banner for a while. */
export function showError(message) {
  if (!banner) return;
  banner.textContent = message;
  banner.hidden = false;
  clearTimeout(bannerTimer);
  bannerTimer = setTimeout(() => {
    banner.hidden = true;
  }, 10_000);
}

// The login page: posts the form as JSON to POST /api/v1/login and, once in, goes back to the page in
// ?next= (when it is a path of this site) or to the dashboard. The server's redirect to this page cannot see
// the page's #fragment (browsers never send it), but the browser keeps it across the redirect: it is added back.
const form = document.getElementById("login");
const error = document.querySelector("[data-testid=login-error]");
const submit = document.querySelector("[data-testid=login-submit]");

/** Where to go after logging in: ?next= only when it stays on this origin, else "/"; with this page's fragment. */
function destination(search, hash, origin) {
  const next = new URLSearchParams(search).get("next");
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/" + hash;
  const url = new URL(next, origin);
  if (url.origin !== origin) return "/" + hash;
  return url.pathname + url.search + (url.hash || hash);
}

function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

/** Retry-After as seconds, or as an HTTP date, in words. */
function waitText(retryAfter) {
  const seconds = /^\d+$/.test(retryAfter ?? "")
    ? Number(retryAfter)
    : Math.ceil((new Date(retryAfter).getTime() - Date.now()) / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) return "a moment";
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  error.hidden = true;
  submit.disabled = true;
  try {
    const response = await fetch("/api/v1/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ username: form.username.value, password: form.password.value }),
    });
    if (response.ok) {
      await response.text(); // read to the end: leaving the page would otherwise abort it
      location.assign(destination(location.search, location.hash, location.origin));
      return;
    }
    if (response.status === 401) showError("Wrong user name or password");
    else if (response.status === 429)
      showError(`Too many failed logins. Try again in ${waitText(response.headers.get("Retry-After"))}.`);
    else showError(`Logging in failed: the server answered ${response.status}`);
  } catch {
    showError("Cannot reach the iotwatch server");
  } finally {
    submit.disabled = false;
  }
});

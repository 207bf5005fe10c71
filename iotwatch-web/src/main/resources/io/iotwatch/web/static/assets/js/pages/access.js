// Access (#/access): the caller's password (POST /api/v1/password), API tokens (GET/POST/DELETE
// /api/v1/tokens) and, for admins, the users (GET/POST/DELETE /api/v1/users, PUT /api/v1/users/{name}/password
// and /role) and the configuration in effect (GET /api/v1/config, read only: it is changed where it is read from).
// A new token's secret is shown once, as the server hands it out once.
import { ApiError, del, get, post, put } from "../api.js";
import { el, replace } from "../dom.js";
import { time } from "../format.js";
import { confirmDialog, fill, panel, table } from "../widgets.js";

const ROLES = ["viewer", "analyst", "admin"];
// the server's rule too; checked here only to answer before a round trip
const MIN_PASSWORD_LENGTH = 12;

export function mount(root, ctx) {
  root.append(passwordPanel(ctx), tokensPanel(ctx));
  if (ctx.session.role === "admin") root.append(usersPanel(ctx), configurationPanel(ctx));
}

/** What is wrong with a new password, or null when nothing is. */
function tooShort(password) {
  return password.length < MIN_PASSWORD_LENGTH ? `A password has at least ${MIN_PASSWORD_LENGTH} characters.` : null;
}

/** Shows a text in a notice paragraph. */
function tell(notice, text) {
  replace(notice, text);
  notice.hidden = false;
}

function passwordInput(placeholder, autocomplete, testid) {
  return el("input", { type: "password", placeholder, "aria-label": placeholder, autocomplete, "data-testid": testid });
}

function passwordPanel(ctx) {
  // for password managers: the account the new password belongs to
  const user = el("input", { type: "text", autocomplete: "username", value: ctx.session.user, readonly: true, hidden: true });
  const current = passwordInput("Current password", "current-password", "password-current");
  const next = passwordInput(`New password (${MIN_PASSWORD_LENGTH} characters or more)`, "new-password", "password-new");
  const repeated = passwordInput("New password again", "new-password", "password-repeat");
  const outcome = el("p", { class: "notice", hidden: true, "data-testid": "password-outcome" });
  const change = el("button", { type: "submit", "data-testid": "password-change" }, "Change password");
  const form = el("form", { class: "inline-form" }, user, current, next, repeated, change);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const problem = tooShort(next.value) ?? (next.value === repeated.value ? null : "The two new passwords differ.");
    if (problem) {
      tell(outcome, problem);
      return;
    }
    change.disabled = true;
    ctx.run(
      post("/api/v1/password", { current: current.value, new: next.value }, { expect: [400, 403, 429] })
        .then(() => {
          tell(outcome, "Password changed.");
          form.reset();
        })
        .catch((error) => {
          if (error instanceof ApiError) tell(outcome, error.message);
          else throw error;
        })
        .finally(() => {
          change.disabled = false;
        }),
    );
  });
  return panel(
    "Your password",
    el("p", {}, "Changing it logs out your other sessions, in other browsers too; your API tokens keep working."),
    form,
    outcome,
  );
}

function tokensPanel(ctx) {
  const list = table(["Name", "Id", "Created", "Last used", ""], "tokens-table");
  const name = el("input", { type: "text", placeholder: "Name, e.g. siem-export", maxlength: "64", "data-testid": "token-name" });
  const secret = el("p", { class: "notice", hidden: true, "data-testid": "token-secret" });
  const create = el("button", { type: "submit", "data-testid": "token-create" }, "Create token");
  const form = el("form", { class: "inline-form" }, name, create);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.run(
      post("/api/v1/tokens", { name: name.value }).then((token) => {
        replace(secret, "Copy this token now, it is not shown again: ", el("code", {}, token.token));
        secret.hidden = false;
        name.value = "";
        return load();
      }),
    );
  });

  function load() {
    return get("/api/v1/tokens").then((tokens) =>
      fill(
        list.tbody,
        tokens,
        (t) =>
          el(
            "tr",
            { "data-token-id": t.id },
            el("td", {}, t.name),
            el("td", { class: "ip" }, t.id),
            el("td", {}, time(t.createdAt)),
            el("td", {}, t.lastUsed ? time(t.lastUsed) : "never"),
            el("td", {}, el("button", { type: "button", onclick: () => ctx.run(revoke(t)) }, "Delete")),
          ),
        "No API tokens yet",
      ),
    );
  }

  async function revoke(token) {
    if (await confirmDialog("Delete the token?", `Scripts using "${token.name}" will be refused.`, "Delete")) {
      await del(`/api/v1/tokens/${encodeURIComponent(token.id)}`);
      await load();
    }
  }

  ctx.run(load());
  return panel(
    "API tokens",
    el("p", {}, "Scripts send a token as 'Authorization: Bearer TOKEN'; it acts with your role."),
    form,
    secret,
    list.view,
  );
}

function usersPanel(ctx) {
  const list = table(["User", "Role", "Created", "Last login", ""], "users-table");
  const name = el("input", { type: "text", placeholder: "User name", maxlength: "64", "data-testid": "user-new-name" });
  const role = el("select", { "data-testid": "user-new-role" }, ROLES.map((r) => el("option", { value: r }, r)));
  const password = el("input", {
    type: "password",
    placeholder: "Password (12 characters or more)",
    autocomplete: "new-password",
    "data-testid": "user-new-password",
  });
  const outcome = el("p", { class: "notice", hidden: true, "data-testid": "user-outcome" });
  const form = el("form", { class: "inline-form" }, name, role, password, el("button", { type: "submit", "data-testid": "user-create" }, "Add user"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.run(
      post("/api/v1/users", { name: name.value, role: role.value, password: password.value }, { expect: [400, 409] })
        .then((user) => {
          replace(outcome, `Added ${user.name} as ${user.role}.`);
          name.value = "";
          password.value = "";
          return load();
        })
        .catch((error) => {
          if (error instanceof ApiError) replace(outcome, error.message);
          else throw error;
        })
        .finally(() => {
          outcome.hidden = false;
        }),
    );
  });

  function load() {
    return get("/api/v1/users").then((users) =>
      fill(
        list.tbody,
        users,
        (u) =>
          el(
            "tr",
            { "data-user": u.name },
            el("td", {}, u.name),
            el("td", {}, roleChoice(u)),
            el("td", {}, time(u.createdAt)),
            el("td", {}, u.lastLogin ? time(u.lastLogin) : "never"),
            el(
              "td",
              {},
              u.name === ctx.session.user
                ? ""
                : el(
                    "div",
                    { class: "buttons" },
                    el(
                      "button",
                      { type: "button", "data-testid": "user-reset", onclick: (event) => toggleReset(u, event.currentTarget) },
                      "Reset password",
                    ),
                    el("button", { type: "button", onclick: () => ctx.run(remove(u)) }, "Delete"),
                  ),
            ),
          ),
        "No users",
      ),
    );
  }

  /** Another user's role as a selector that changes it at once; your own as text, for another admin to change. */
  function roleChoice(user) {
    if (user.name === ctx.session.user) return user.role;
    return el(
      "select",
      {
        "aria-label": `Role of ${user.name}`,
        "data-testid": "user-role",
        onchange: (event) => ctx.run(changeRole(user, event.currentTarget)),
      },
      ROLES.map((r) => el("option", { value: r, selected: r === user.role }, r)),
    );
  }

  function changeRole(user, select) {
    const from = user.role;
    select.disabled = true;
    return put(`/api/v1/users/${encodeURIComponent(user.name)}/role`, { role: select.value }, { expect: [400, 404, 409] })
      .then(() => {
        user.role = select.value;
        tell(outcome, `${user.name} is now ${user.role} (was ${from}), from their next request on.`);
      })
      .catch((error) => {
        select.value = from;
        if (error instanceof ApiError) tell(outcome, error.message);
        else throw error;
      })
      .finally(() => {
        select.disabled = false;
      });
  }

  /** Opens, under the user's row, a small form for their new password; closes it when it is open. */
  function toggleReset(user, button) {
    const row = button.closest("tr");
    if (row.nextElementSibling?.classList.contains("reset-row")) {
      row.nextElementSibling.remove();
      return;
    }
    const password = passwordInput(
      `New password for ${user.name} (${MIN_PASSWORD_LENGTH} characters or more)`,
      "new-password",
      "user-reset-password",
    );
    const submit = el("button", { type: "submit", "data-testid": "user-reset-submit" }, "Set password");
    const cancel = el("button", { type: "button", onclick: () => line.remove() }, "Cancel");
    const form = el("form", { class: "inline-form" }, password, submit, cancel);
    const line = el("tr", { class: "reset-row" }, el("td", { colspan: 5 }, form));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const problem = tooShort(password.value);
      if (problem) {
        tell(outcome, problem);
        return;
      }
      submit.disabled = true;
      ctx.run(
        put(`/api/v1/users/${encodeURIComponent(user.name)}/password`, { password: password.value }, { expect: [400, 404] })
          .then(() => {
            tell(outcome, `Set a new password for ${user.name}; their sessions are logged out.`);
            line.remove();
          })
          .catch((error) => {
            if (error instanceof ApiError) tell(outcome, error.message);
            else throw error;
          })
          .finally(() => {
            submit.disabled = false;
          }),
      );
    });
    row.after(line);
    password.focus();
  }

  async function remove(user) {
    if (await confirmDialog("Delete the user?", `${user.name} will be logged out and cannot log in again.`, "Delete")) {
      await del(`/api/v1/users/${encodeURIComponent(user.name)}`);
      await load();
    }
  }

  ctx.run(load());
  return panel(
    "Users",
    el("p", {}, "Viewers read, analysts also triage alerts, admins also manage users and read the configuration."),
    form,
    outcome,
    list.view,
  );
}

function configurationPanel(ctx) {
  const list = table(["Key", "Value"], "config-table");
  const source = el("p", { "data-testid": "config-source" });
  ctx.run(
    get("/api/v1/config").then((config) => {
      replace(
        source,
        "Read at start: the defaults, then ",
        config.file ?? "no configuration file (iotwatch.yml in the working directory, or --config FILE)",
        ", then environment variables (IOTWATCH_ and the key, e.g. IOTWATCH_WEB_PORT), then command-line options, each over ",
        "the one before. iotwatch never rewrites its configuration: change it there, and the change takes effect at the ",
        "next start. Passwords show only as (set).",
      );
      fill(
        list.tbody,
        Object.entries(config.values),
        ([key, value]) =>
          el("tr", { "data-key": key }, el("td", { class: "mono" }, key), el("td", { class: "mono" }, value)),
        "No configuration",
      );
    }),
  );
  return panel("Configuration", source, list.view);
}

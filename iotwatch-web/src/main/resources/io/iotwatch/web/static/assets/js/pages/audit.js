// Audit (#/audit): the tamper-evident audit chain. GET /api/blockchain lists the latest blocks, as an array or
// as {"blocks": [...]}, each {"index", "time", "entries" (a count or the entries), "hash", "previousHash"};
// POST /api/v1/audit/verify checks the whole chain and answers {"valid": true|false, ...details}.
import { get, post } from "../api.js";
import { el, replace } from "../dom.js";
import { num, text, time } from "../format.js";
import { fill, panel, table } from "../widgets.js";

const UNAVAILABLE = "The audit trail is not available in this version";

export function mount(root, ctx) {
  const blocks = table([["Index", "num"], "Time", ["Entries", "num"], "Hash", "Previous hash"], "audit-blocks");
  const result = el("div", { class: "verify-result", "data-testid": "audit-result", "aria-live": "polite" });
  const verify = el(
    "button",
    { type: "button", class: "primary", "data-testid": "audit-verify", onclick: () => ctx.run(check()) },
    "Verify the chain",
  );
  root.append(panel("Audit trail", el("div", { class: "toolbar" }, verify, result), blocks.view));

  function unavailable(error) {
    if (error.status !== 404) throw error;
    replace(root, el("p", { class: "notice", "data-testid": "audit-unavailable" }, UNAVAILABLE));
  }

  async function check() {
    verify.disabled = true;
    replace(result, "Verifying…");
    try {
      const answer = await post("/api/v1/audit/verify", undefined, { expect: [404] });
      const valid = answer?.valid === true;
      result.dataset.valid = String(valid);
      const details = Object.entries(answer ?? {})
        .filter(([key]) => key !== "valid")
        .map(([key, value]) => `${key}: ${text(value)}`)
        .join(" · ");
      replace(
        result,
        el("strong", {}, valid ? "The chain is intact" : "The chain is broken"),
        details ? ` — ${details}` : "",
      );
    } catch (error) {
      replace(result, "");
      unavailable(error);
    } finally {
      verify.disabled = false;
    }
  }

  ctx.run(
    get("/api/blockchain", { expect: [404] }).then((data) => {
      const items = Array.isArray(data) ? data : (data?.blocks ?? []);
      fill(
        blocks.tbody,
        items,
        (b) =>
          el(
            "tr",
            {},
            el("td", { class: "num" }, num(b.index)),
            el("td", {}, time(b.time)),
            el("td", { class: "num" }, num(Array.isArray(b.entries) ? b.entries.length : b.entries)),
            el("td", { class: "hash", title: b.hash ?? "" }, b.hash ?? "–"),
            el("td", { class: "hash", title: b.previousHash ?? "" }, b.previousHash ?? "–"),
          ),
        "The chain has no blocks yet",
      );
    }, unavailable),
  );
}

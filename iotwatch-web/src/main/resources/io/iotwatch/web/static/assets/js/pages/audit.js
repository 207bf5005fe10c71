// Audit (#/audit?before=N&block=B): the audit log's block explorer (docs/API.md, "Audit log").
//   head, blocks      GET /api/v1/audit/blocks?before=N (size, head, keyFingerprint, blocks newest first)
//   a block's entries GET /api/v1/audit/blocks/{index}; the entries not yet sealed GET /api/v1/audit/pending
//   downloads         /api/v1/audit/head, /api/v1/audit/key, /api/v1/audit/proof?entry=N&block=B
//   verify            POST /api/v1/audit/verify
// The live stream's "stats" message refreshes the head and the blocks, at most every 5 s; an open block
// stays open. Every entry's kind, subject and data may come from an attacker (a user name typed at the
// login form): they go into the page as text only.
import { get, post, query } from "../api.js";
import { el, replace } from "../dom.js";
import { num, text, timeMs } from "../format.js";
import { fill, keyValues, panel, proofLink, table } from "../widgets.js";

const PAGE = 50;
const REFRESH_MS = 5000;
const PENDING = "pending";

export function mount(root, ctx) {
  // null: the newest page; else only blocks below this index
  let before = wholeNumber(ctx.params.get("before"));
  // the block whose entries are shown: an index, PENDING or null
  let open = ctx.params.get("block") === PENDING ? PENDING : wholeNumber(ctx.params.get("block"));
  let newest = -1;
  let lowest = null;
  let loading = false;
  let lastRefresh = Date.now();

  const head = el("dl", { class: "fields", "data-testid": "audit-head" });
  const headLink = el(
    "span",
    {},
    el("a", { href: "/api/v1/audit/head", download: true, "data-testid": "audit-head-download" }, "Signed head (JSON)"),
    " · ",
  );
  const downloads = el(
    "p",
    { class: "downloads" },
    headLink,
    el("a", { href: "/api/v1/audit/key", download: true, "data-testid": "audit-key-download" }, "Public key (PEM)"),
  );
  const result = el("div", { class: "verify-result", "data-testid": "audit-result", "aria-live": "polite" });
  const verify = el(
    "button",
    { type: "button", class: "primary", "data-testid": "audit-verify", onclick: () => ctx.run(check()) },
    "Verify the chain",
  );
  const blocks = table([["Index", "num"], "Sealed", ["Entries", "num"], "Hash", "Previous hash"], "audit-blocks");
  const newer = el("button", { type: "button", "data-testid": "audit-newer", onclick: () => page(newerBefore()) }, "‹ Newer");
  const older = el("button", { type: "button", "data-testid": "audit-older", onclick: () => page(lowest) }, "Older ›");
  const range = el("span");
  const entriesTitle = el("h2");
  const entriesNote = el("p", { class: "sub" });
  const entries = table([["Entry", "num"], "Time", "Kind", "Subject", "Data", "Proof"], "audit-entries");
  const entriesPanel = el(
    "section",
    { class: "panel", "data-panel": "audit-entries", hidden: true },
    entriesTitle,
    entriesNote,
    entries.view,
  );

  root.append(
    panel(
      "Audit trail",
      head,
      downloads,
      el("div", { class: "toolbar" }, verify, result),
      blocks.view,
      el("div", { class: "pager" }, newer, range, older),
    ),
    entriesPanel,
  );

  function newerBefore() {
    const next = before === null ? null : before + PAGE;
    return next === null || next > newest ? null : next;
  }

  function page(next) {
    before = next;
    remember();
    ctx.run(load());
  }

  function remember() {
    ctx.remember({ before, block: open });
  }

  async function load() {
    loading = true;
    try {
      const data = await get(`/api/v1/audit/blocks${query({ before, limit: PAGE })}`);
      showHead(data);
      showBlocks(data.blocks ?? []);
      if (open === PENDING) await showPending();
    } finally {
      loading = false;
    }
  }

  function showHead(data) {
    const h = data.head;
    newest = h ? h.index : -1;
    const pending = Math.max(0, (data.size ?? 0) - (h?.treeSize ?? 0));
    const pendingCell = el("dd", { "data-testid": "audit-pending" }, num(pending));
    if (pending > 0) {
      pendingCell.append(" ", el("button", { type: "button", class: "link", onclick: () => openPending() }, "show"));
    }
    replace(
      head,
      el("dt", {}, "Entries"),
      el("dd", { "data-testid": "audit-size" }, num(data.size)),
      el("dt", {}, "Not yet sealed"),
      pendingCell,
      el("dt", {}, "Newest block"),
      el("dd", {}, h ? num(h.index) : "none sealed yet"),
      el("dt", {}, "Sealed"),
      el("dd", {}, h ? timeMs(h.time) : "–"),
      el("dt", {}, "Tree size"),
      el("dd", {}, h ? num(h.treeSize) : "–"),
      el("dt", {}, "Key fingerprint"),
      el("dd", { class: "hash", "data-testid": "audit-fingerprint" }, data.keyFingerprint ?? "–"),
    );
    headLink.hidden = !h;
  }

  function showBlocks(items) {
    fill(
      blocks.tbody,
      items,
      (b) => {
        const show = () => openBlock(b.index);
        return el(
          "tr",
          {
            class: `clickable${b.index === open ? " selected" : ""}`,
            tabindex: 0,
            "data-block-index": b.index,
            onclick: show,
            onkeydown: (event) => {
              if (event.key === "Enter") show();
            },
          },
          el("td", { class: "num" }, num(b.index)),
          el("td", {}, timeMs(b.time)),
          el("td", { class: "num" }, num(b.entries)),
          hashCell(b.hash),
          hashCell(b.previousHash),
        );
      },
      newest < 0 ? "No block is sealed yet" : "No older blocks",
    );
    // blocks are numbered without gaps, newest first: the last row is the lowest index
    lowest = items.length ? items.at(-1).index : null;
    replace(range, items.length ? `blocks ${num(lowest)}–${num(items[0].index)} of ${num(newest + 1)}` : "");
    newer.disabled = before === null || before > newest;
    older.disabled = !lowest;
  }

  function select() {
    for (const row of blocks.tbody.rows) row.classList.toggle("selected", Number(row.dataset.blockIndex) === open);
  }

  function openBlock(index) {
    open = index;
    remember();
    select();
    ctx.run(showBlock(index));
  }

  function openPending() {
    open = PENDING;
    remember();
    select();
    ctx.run(showPending());
  }

  async function showBlock(index) {
    try {
      const detail = await get(`/api/v1/audit/blocks/${index}`, { expect: [404] });
      if (open !== index) return;
      showEntries(
        `Block ${num(index)}`,
        `Entries ${num(detail.block.firstEntry)} to ${num(detail.block.firstEntry + detail.block.entries - 1)}, Merkle root `,
        detail.block.merkleRoot,
        detail.entries,
      );
    } catch (error) {
      if (error.status !== 404) throw error;
      showEntries(`Block ${num(index)}`, "There is no such block.", null, []);
    }
  }

  async function showPending() {
    const pending = await get("/api/v1/audit/pending");
    if (open !== PENDING) return;
    showEntries(
      "Not yet sealed",
      "Written with the change each records; no signed block covers them yet, so there is no proof yet.",
      null,
      pending.entries,
    );
  }

  function showEntries(title, note, hash, items) {
    replace(entriesTitle, title);
    replace(entriesNote, note, hash ? el("span", { class: "hash", title: hash }, short(hash)) : "");
    fill(entries.tbody, items, entryRow, "No entries");
    entriesPanel.hidden = false;
  }

  async function check() {
    verify.disabled = true;
    replace(result, "Verifying…");
    delete result.dataset.valid;
    try {
      const answer = await post("/api/v1/audit/verify", undefined, { expect: [409] });
      result.dataset.valid = String(answer.valid === true);
      if (answer.valid === true) {
        replace(
          result,
          el("strong", {}, "valid"),
          `: ${num(answer.blocks)} blocks, ${num(answer.entries)} entries, ${num(answer.alerts)} alerts checked`,
        );
      } else {
        const problems = answer.problems ?? [];
        replace(
          result,
          el("strong", {}, `invalid: ${num(problems.length + (answer.moreProblems ?? 0))} problems`),
          el(
            "ul",
            { class: "problems", "data-testid": "audit-problems" },
            problems.map((p) => el("li", {}, problemText(p))),
            answer.moreProblems > 0 ? el("li", {}, `and ${num(answer.moreProblems)} more`) : null,
          ),
        );
      }
    } catch (error) {
      if (error.status !== 409) {
        replace(result, "");
        throw error;
      }
      replace(result, error.message);
    } finally {
      verify.disabled = false;
    }
  }

  ctx.run(load());
  if (open !== null && open !== PENDING) ctx.run(showBlock(open));

  ctx.live("stats", () => {
    const now = Date.now();
    if (loading || now - lastRefresh < REFRESH_MS) return;
    lastRefresh = now;
    ctx.run(load());
  });
}

/** One entry: its data's keys and values as text, and the download of its proof. */
function entryRow(entry) {
  return el(
    "tr",
    { "data-entry-index": entry.index },
    el("td", { class: "num" }, num(entry.index)),
    el("td", {}, timeMs(entry.time)),
    el("td", {}, entry.kind ?? "–"),
    el("td", { class: "subject" }, entry.subject ?? "–"),
    el("td", {}, keyValues(entry.data)),
    el("td", {}, proofLink(entry)),
  );
}

/** "block 3, entry 12: message", as the command line's verify prints a problem. */
function problemText(problem) {
  const where = [
    problem.block !== null && problem.block !== undefined ? `block ${problem.block}` : null,
    problem.entry !== null && problem.entry !== undefined ? `entry ${problem.entry}` : null,
  ].filter(Boolean);
  return where.length ? `${where.join(", ")}: ${text(problem.message)}` : text(problem.message);
}

function hashCell(hash) {
  return el("td", { class: "hash", title: hash ?? "" }, hash ? short(hash) : "–");
}

function short(hash) {
  return hash.length > 16 ? `${hash.slice(0, 16)}…` : hash;
}

function wholeNumber(value) {
  return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

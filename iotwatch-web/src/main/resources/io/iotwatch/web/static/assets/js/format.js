// Numbers, sizes and times as people read them. Numbers use the browser's locale (thousands separators);
// times show in the browser's time zone, with the UTC ISO string the API sent as a tooltip.
import { el } from "./dom.js";

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
const dayAndClock = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
});
const dateAndClock = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** 1234567 -> "1,234,567"; a missing value -> "–". */
export function num(value) {
  return Number.isFinite(value) ? integer.format(value) : "–";
}

const short = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** 1234567 -> "1.2M": for chart axes. */
export function compact(value) {
  return Number.isFinite(value) ? short.format(value) : "–";
}

/** Bytes in decimal units, as network tools count them: 1 KB = 1000 bytes. */
export function bytes(value) {
  if (!Number.isFinite(value)) return "–";
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let scaled = value;
  let unit = 0;
  while (Math.abs(scaled) >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit++;
  }
  return `${unit === 0 ? integer.format(scaled) : decimal.format(scaled)} ${units[unit]}`;
}

/** 0.0062 -> "0.62 %". */
export function percent(ratio) {
  return Number.isFinite(ratio) ? `${decimal.format(ratio * 100)} %` : "–";
}

/** 0.953 -> "95 %" (confidence and similar scores between 0 and 1). */
export function score(ratio) {
  return Number.isFinite(ratio) ? `${integer.format(ratio * 100)} %` : "–";
}

/** 93784 -> "1 d 2 h 3 min". */
export function duration(seconds) {
  if (!Number.isFinite(seconds)) return "–";
  const parts = [
    [Math.floor(seconds / 86400), "d"],
    [Math.floor(seconds / 3600) % 24, "h"],
    [Math.floor(seconds / 60) % 60, "min"],
  ];
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`);
  return shown.length ? shown.join(" ") : `${Math.floor(seconds)} s`;
}

/**
 * An ISO time as a <time> element in local time, as short as it can be told apart: the clock alone for today,
 * without the year for this year. The ISO text is its title. "–" when absent or unreadable.
 */
export function time(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return "–";
  const now = new Date();
  const format =
    date.toDateString() === now.toDateString()
      ? clock
      : date.getFullYear() === now.getFullYear()
        ? dayAndClock
        : dateAndClock;
  return el("time", { datetime: iso, title: iso }, format.format(date));
}

/** time() for epoch milliseconds, as the audit log gives its times. */
export function timeMs(ms) {
  return time(Number.isFinite(ms) ? new Date(ms).toISOString() : null);
}

/** Epoch seconds (what the charts use) from an ISO time. */
export function epochSeconds(iso) {
  return new Date(iso).getTime() / 1000;
}

/** Any value as display text: strings as they are, the rest as JSON. */
export function text(value) {
  if (value === null || value === undefined) return "–";
  return typeof value === "string" ? value : JSON.stringify(value);
}

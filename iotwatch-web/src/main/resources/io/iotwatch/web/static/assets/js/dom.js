// The only way pages build DOM. Everything the API returns may come from an attacker's traffic, so data
// enters the page as text nodes and plain attribute values only: never as markup, never as a URL, never as
// an event handler. Keep it that way: no innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere.

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "srcdoc", "poster", "data"]);

/**
 * el("tr", {class: "row", "data-alert-id": id, onclick: fn}, "text", childNode, [more], null)
 * - string and number children become text nodes; null, undefined and false are skipped; arrays are flattened;
 * - attributes: a function under an "on..." name becomes an event listener; true sets an empty attribute,
 *   null/undefined/false leave it out; URL attributes take only app paths and fragments (see appPath).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) {
      if (typeof value !== "function") throw new Error(`${name} must be a function`);
      node.addEventListener(name.slice(2), value);
    } else if (name === "style") {
      throw new Error("set element.style from code, the CSP forbids style attributes");
    } else if (URL_ATTRIBUTES.has(name.toLowerCase())) {
      node.setAttribute(name, appPath(value));
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends children as el() does; returns the parent. */
export function append(parent, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of the node. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/**
 * A link target inside this app: a fragment ("#/alerts/...") or a same-origin path ("/api/..."). Throws for
 * anything else, including "//host" and "/\host", which browsers treat as other origins.
 */
export function appPath(value) {
  const text = String(value);
  if (text.startsWith("#") || (/^\/(?![/\\])/.test(text) && !/[\u0000-\u001f\\]/.test(text))) return text;
  throw new Error(`not an app path: ${text}`);
}

/** An <a> to another site, only when the URL starts with the allowed prefix; otherwise the text alone. */
export function externalLink(url, allowedPrefix, text) {
  if (typeof url !== "string" || !url.startsWith(allowedPrefix) || /[\u0000-\u0020\\]/.test(url)) {
    return document.createTextNode(String(text));
  }
  const a = document.createElement("a");
  a.setAttribute("href", url);
  a.setAttribute("target", "_blank");
  a.setAttribute("rel", "noopener noreferrer");
  a.textContent = String(text);
  return a;
}

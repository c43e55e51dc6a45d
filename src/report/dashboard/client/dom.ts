/**
 * DOM helpers. Safety rule of the whole client: data reaches the DOM only through textContent,
 * setAttribute of fixed attribute names, and href values that passed an http(s) check. Never
 * innerHTML.
 */
const SVGNS = 'http://www.w3.org/2000/svg';

/** The page's element with this id; the page template (../index.ts) always has it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`dashboard: the page has no #${id}`);
  return found as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string | null,
  text?: string | number | null,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

export function sv<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVGNS, tag);
  if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
  return e;
}

export function clear<T extends Node>(node: T): T {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function safeUrl(u: unknown): string | null {
  return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
}

/** A link that opens in a new tab, or plain text when the URL is not http(s). */
export function link(text: string, url: string | null | undefined, cls?: string): HTMLElement {
  const u = safeUrl(url);
  if (!u) return el('span', cls, text);
  const a = el('a', cls, text);
  a.setAttribute('href', u);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener noreferrer');
  return a;
}

export function option(select: HTMLSelectElement, value: number, label: string): void {
  const o = el('option', null, label);
  o.setAttribute('value', String(value));
  select.appendChild(o);
}

// DOM helpers of the Monitor page. Nothing from AWS is ever parsed as HTML: content goes in as text nodes only.

/** An element with an optional class and text content (set as text, never as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A custom element (the @vscode-elements controls) with attributes set one by one. */
export function control(tag: string, attributes: Record<string, string | boolean> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

// Building DOM nodes from plain values: text is set as text, never parsed as HTML.

/** @returns {HTMLElement} a `tag` with `props` (text, className or attributes) and children. */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text')
      node.textContent = value;
    else if (key === 'className')
      node.className = value;
    else
      node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

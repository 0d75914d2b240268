// Building DOM nodes from plain values: text is set as text, never parsed as HTML. Drawing on
// canvases and SVG (a namespace of its own) are left to their modules.

/**
 * @param {string} tag
 * @param {object} [props] `text`, `className`, `dataset` (an object), functions (`onclick`: set
 *     as handlers), `true` (an attribute without a value), `false` (left out); anything else an
 *     attribute with that value.
 * @param {(Node|string)[]} [children]
 * @returns {HTMLElement}
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text')
      node.textContent = value;
    else if (key === 'className')
      node.className = value;
    else if (key === 'dataset')
      Object.assign(node.dataset, value);
    else if (typeof value === 'function')
      node[key] = value;
    else if (value === true)
      node.setAttribute(key, '');
    else if (value !== false)
      node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/**
 * Sets `node`'s text, or its attribute `name`, only where it changes: a write of the same text
 * still makes the browser lay the node out again, and numbers that update ten times a second
 * often stay as they were (a panel's dead units, its epoch while paused).
 */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** @see setText */
export function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

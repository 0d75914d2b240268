// A figure's settings from its element attributes, read by the page's own URL settings table (one
// set of keys, ranges and notices), and the reverse: the attributes and snippets that rebuild a
// state. Leaves drawing and the worker to relu-lab-figure.js.
import {UrlSettings} from '../settings/url-settings.js';

/** Attributes the element reads itself; every other setting attribute goes to the table. */
export const FIGURE_ATTRIBUTES = Object.freeze([
  'loading', 'autoplay', 'controls', 'epochs', 'panel-size', 'theme', 'page', 'label', 'fit',
  'embed'
]);

// A figure shows two panels unless told otherwise: the page's default of every activation is
// too many for a column of text. This overrides the table's default, nothing else.
export const FIGURE_DEFAULTS = Object.freeze({activations: Object.freeze(['relu', 'tanh'])});

// The table's `controls` (show the page's settings form) and `exp` mean nothing in a figure.
const PAGE_ONLY = new Set(['controls', 'exp']);
// Attributes any HTML element may carry: never a setting, never a notice.
const GLOBAL =
    /^(id|class|style|title|lang|dir|hidden|tabindex|slot|part|is|role|nonce|inert|autofocus|draggable|spellcheck|translate|contenteditable|popover|width|height|aria-.*|data-.*|on.*)$/;

const squash = (name) => name.toLowerCase().replace(/[-.]/g, '');

/** @returns {string} an attribute name for a table key: preluMode -> prelu-mode. */
export function attributeName(key) {
  return key === 'test' ? 'show-test' : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Reads an element's attributes with the table.
 * @param {UrlSettings} table
 * @param {{name: string, value: string}[]} attributes
 * @returns {{settings: object, notices: string[]}}
 */
export function parseAttributes(table, attributes) {
  const byName = new Map();
  for (const row of table.rows) {
    if (!PAGE_ONLY.has(row.key)) byName.set(squash(attributeName(row.key)), row);
  }
  const params = new URLSearchParams();
  const unknown = [];
  for (const {name, value} of attributes) {
    const row = byName.get(squash(name));
    if (row) {
      // A bare boolean attribute (<relu-lab-figure discretize>) means true.
      params.append(row.key, row.type === 'bool' && value === '' ? 'true' : value);
    } else if (!FIGURE_ATTRIBUTES.includes(name) && !GLOBAL.test(name)) {
      unknown.push(name);
    }
  }
  const {settings, notices} = table.parse(params.toString());
  if (!params.has('activations')) settings.activations = FIGURE_DEFAULTS.activations.slice();
  for (const name of unknown.slice(0, 3)) {
    notices.push(`${JSON.stringify(name.slice(0, 40))} is not a setting, so it is ignored.`);
  }
  return {settings, notices};
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The attributes that rebuild `settings` in a figure: every value that differs from the
 * table's default, plus the panels and the seed, always (a pinned figure names its seed).
 * @returns {[string, string][]} [name, value] pairs
 */
export function figureAttributes(table, settings) {
  const defaults = table.defaults();
  const out = [];
  for (const row of table.rows) {
    if (PAGE_ONLY.has(row.key)) continue;
    const value = settings[row.key];
    const text = Array.isArray(value) ? value.join(',') : String(value);
    const fallback = defaults[row.key];
    const same = text === (Array.isArray(fallback) ? fallback.join(',') : String(fallback));
    if (same && row.key !== 'activations' && row.key !== 'seed') continue;
    if (row.type === 'bool') {
      if (value) out.push([attributeName(row.key), '']);
    } else {
      out.push([attributeName(row.key), text]);
    }
  }
  return out;
}

/** @returns {string} `<relu-lab-figure ...></relu-lab-figure>` with the script before it. */
export function elementSnippet(table, settings, scriptUrl) {
  const attributes =
      figureAttributes(table, settings)
          .map(([name, value]) => value === '' ? name : `${name}="${escapeAttribute(value)}"`)
          .join(' ');
  return `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n` +
      `<relu-lab-figure ${attributes} controls="minimal"></relu-lab-figure>`;
}

/** @returns {string} an iframe of the embed page at this state, sized for its panels. */
export function iframeSnippet(embedUrl, panels) {
  const rows = Math.ceil(panels / 3);
  const height = 72 + rows * 290;
  return `<iframe src="${escapeAttribute(embedUrl)}" width="100%" height="${height}" ` +
      'title="relu-lab: networks with different activations learning side by side" ' +
      'loading="lazy" style="border: 0"></iframe>';
}

export {UrlSettings};

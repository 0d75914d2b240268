// A figure's settings table (core's rows with own data, and the few view and engine rows a figure
// shows), its element's attributes read through it, and the reverse: the attributes and snippets
// that rebuild a state. Leaves drawing and the worker to relu-lab-figure.js.
import {DISCRETIZE_ROW, resRow, TEST_ROW} from '../panels/panel-rows.js';
import {OWN_DATA_ROW} from '../settings/data-link.js';
import {SettingsTable} from '../settings/settings-table.js';
import {BACKEND_ROW, SPEED_ROW} from '../trainer/trainer-rows.js';

import {OWN_ATTRIBUTES} from './figure-own.js';
import {stillName, stillSize} from './figure-still.js';

/** Attributes the element reads itself; every other setting attribute goes to the table. */
export const FIGURE_ATTRIBUTES = Object.freeze(OWN_ATTRIBUTES.map((a) => a.name));

/**
 * The full page's keys that mean nothing in a figure (its experiments, classroom mode, studies, a
 * run's time but its epoch, which is the figure's `at`, and live changes, the workers, the slow
 * start and linear regions): a page link carries them, so the embed page drops them silently, and
 * the element names them in a notice. They are named here, not imported, so that no page feature
 * weighs on the figure; tests/web/figure-attributes checks that they are exactly the page table's
 * rows the figure's table lacks.
 */
export const PAGE_ONLY_KEYS = Object.freeze([
  'ease', 'regions', 'controls', 'workers', 'hide', 'exp', 'v', 'live', 'fig', 'cols', 'study',
  'seeds', 'studyEpochs', 'target', 'ref', 'outcome', 'sweepKey', 'sweepPoints', 'claim'
]);

// A figure shows two panels unless told otherwise: the page's default of every activation is
// too many for a column of text. This overrides the table's default, nothing else.
export const FIGURE_DEFAULTS = Object.freeze({activations: Object.freeze(['relu', 'tanh'])});

// Attributes any HTML element may carry (event handlers and styles included): never a setting,
// never a notice, and never copied onto a figure from a link.
const GLOBAL =
    /^(id|class|style|title|lang|dir|hidden|tabindex|slot|part|exportparts|is|role|nonce|inert|autofocus|draggable|spellcheck|translate|contenteditable|popover|anchor|accesskey|autocapitalize|autocorrect|enterkeyhint|inputmode|virtualkeyboardpolicy|writingsuggestions|item.*|xml.*|width|height|aria-.*|data-.*|on.*)$/;

/** Whether `name` is an attribute every HTML element has, not one of the figure's own. */
export function isGlobalAttribute(name) {
  return GLOBAL.test(name.toLowerCase());
}

const squash = (name) => name.toLowerCase().replace(/[-.]/g, '');

/** @returns {SettingsTable} the table a figure reads its attributes with. */
export function figureTable(schema) {
  return new SettingsTable(
      schema,
      [OWN_DATA_ROW, resRow(schema.limits), SPEED_ROW, DISCRETIZE_ROW, TEST_ROW, BACKEND_ROW]);
}

/** @returns {string} an attribute name for a table key: preluMode -> prelu-mode. */
export function attributeName(key) {
  return key === 'test' ? 'show-test' : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Reads an element's attributes with the figure's table.
 * @param {SettingsTable} table from figureTable
 * @param {{name: string, value: string}[]} attributes
 * @returns {{settings: object, notices: string[]}}
 */
export function parseAttributes(table, attributes) {
  const byName = new Map(table.rows.map((row) => [squash(attributeName(row.key)), row]));
  const pageOnly = new Map(PAGE_ONLY_KEYS.map((key) => [squash(attributeName(key)), key]));
  const params = new URLSearchParams();
  const ignored = new Set();
  const unknown = [];
  for (const {name, value} of attributes) {
    const row = byName.get(squash(name));
    if (row) {
      // A bare boolean attribute (<relu-lab-figure discretize>) means true.
      params.append(row.key, row.type === 'bool' && value === '' ? 'true' : value);
    } else if (FIGURE_ATTRIBUTES.includes(name) || isGlobalAttribute(name)) {
      continue;
    } else if (pageOnly.has(squash(name))) {
      ignored.add(attributeName(pageOnly.get(squash(name))));
    } else {
      unknown.push(name);
    }
  }
  const {settings, notices} = table.parse(params.toString());
  if (!params.has('activations')) settings.activations = FIGURE_DEFAULTS.activations.slice();
  if (ignored.size)
    notices.push(`Settings of the full page only, ignored here: ${[...ignored].join(', ')}.`);
  for (const name of unknown.slice(0, 3)) {
    notices.push(`${JSON.stringify(name.slice(0, 40))} is not a setting, so it is ignored.`);
  }
  return {settings, notices};
}

/**
 * The attributes embed.html gives its figure for a page link's `hash`: its own (`page` is where
 * the embed's link goes, the page beside it), then the hash's settings. A link never sets one of
 * the figure's own attributes nor one every element has (event handlers, style, id, ...), and
 * the page's own keys are dropped; a key that cannot name an attribute is dropped too, and the
 * figure names any other it does not know in its notice.
 * @param {string} hash
 * @param {{page: string, autoplay: boolean}} own
 * @returns {Record<string, string|boolean>} as mount() takes them
 */
export function embedAttributes(hash, {page, autoplay}) {
  const attributes = {embed: true, fit: true, loading: 'eager', controls: 'minimal', page};
  if (autoplay) attributes.autoplay = true;
  for (const [key, value] of new URLSearchParams(String(hash).replace(/^#/, ''))) {
    if (PAGE_ONLY_KEYS.includes(key)) continue;
    const own = OWN_ATTRIBUTES.find((a) => a.link === key);
    if (own) {
      attributes[own.name] = value;
      continue;
    }
    const name = attributeName(key);
    if (FIGURE_ATTRIBUTES.includes(name) || isGlobalAttribute(name)) continue;
    if (/^[a-z][a-z0-9.-]*$/.test(name)) attributes[name] = value;
  }
  return attributes;
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The attributes that rebuild `settings` (the page's, or a figure's) in a figure: every value of
 * a figure row that differs from the default, plus the panels and the seed, always (a pinned
 * figure names its seed). Own data goes in as a link holds it, and is left out as a link leaves
 * it out.
 * @param {SettingsTable} table from figureTable
 * @returns {[string, string][]} [name, value] pairs
 */
export function figureAttributes(table, settings) {
  const defaults = table.defaults();
  const out = [];
  for (const row of table.rows) {
    const value = settings[row.key];
    if (row.inLink && !row.inLink(value)) continue;
    const text = table.text(row, value);
    const same = text === table.text(row, defaults[row.key]);
    if (same && row.key !== 'activations' && row.key !== 'seed') continue;
    if (row.type === 'bool') {
      if (value) out.push([attributeName(row.key), '']);
    } else {
      out.push([attributeName(row.key), text]);
    }
  }
  return out;
}

/**
 * The figure's own attributes a page state carries over (those with a `link` key: the epoch
 * shown), with their URL key; one at its default (-1: none) is left out.
 * @returns {{name: string, key: string, value: string}[]}
 */
export function linkedAttributes(settings) {
  return OWN_ATTRIBUTES.filter((a) => a.link && settings[a.link] >= 0)
      .map((a) => ({name: a.name, key: a.link, value: String(settings[a.link])}));
}

/** @returns {string} the alt text of a figure's still */
function stillAlt(settings) {
  const epoch = settings.at >= 0 ? `, epoch ${settings.at}` : '';
  return `relu-lab: ${settings.activations.join(' vs ')} on ${settings.dataset} (seed ${
      settings.seed}${epoch})`;
}

/**
 * `<relu-lab-figure ...></relu-lab-figure>` with the script before it: the attributes that
 * rebuild `settings` (none the element would ignore), the epoch shown, and the still
 * (stillName, saved beside the post) as its poster and as the image of its <noscript> fallback.
 * A snippet goes where the figure goes, in the body, where `blocking="render"` would be ignored:
 * README says how to move the script to the head with it.
 */
export function elementSnippet(table, settings, scriptUrl) {
  const still = stillName(settings);
  const attributes =
      [
        ...figureAttributes(table, settings),
        ...linkedAttributes(settings).map(({name, value}) => [name, value]), ['poster', still]
      ].map(([name, value]) => value === '' ? name : `${name}="${escapeAttribute(value)}"`)
          .join(' ');
  const {width, height} = stillSize(settings.activations.length);
  return `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n` +
      `<relu-lab-figure ${attributes}></relu-lab-figure>\n` +
      `<noscript><img src="${escapeAttribute(still)}" width="${width}" height="${height}" alt="${
             escapeAttribute(stillAlt(settings))}"></noscript>`;
}

/**
 * @returns {string} an iframe of the embed page at this state, sized for its panels; no inline
 *     style (a strict CSP's style-src refuses it): frameborder is the border's only other switch.
 */
export function iframeSnippet(embedUrl, panels) {
  const rows = Math.ceil(panels / 3);
  const height = 72 + rows * 290;
  return `<iframe src="${escapeAttribute(embedUrl)}" width="100%" height="${height}" ` +
      'title="relu-lab: networks with different activations learning side by side" ' +
      'loading="lazy" frameborder="0"></iframe>';
}

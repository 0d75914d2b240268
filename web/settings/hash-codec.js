// A settings table's hash: parse reads every key with its row over the defaults (or over what a
// base row such as the page's experiment sets) and names what it cannot read; toHash writes only
// what differs from that start, so a link is as short as its settings allow. Leaves values' types
// to parse-value.js and older keys to legacy-keys.js.
import {LEGACY_KEYS, readLegacy} from './legacy-keys.js';
import {parseValue, quote} from './parse-value.js';

/** @returns {string} the link text of one value: the row's own text, else a comma list. */
export function valueText(row, value) {
  if (row.text) return row.text(value);
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * Reads a URL hash ("#lr=0.1&layers=8,8"). Missing keys take their defaults.
 * @returns {{settings: object, notices: string[]}}
 */
export function parseHash(table, hash) {
  const notices = [];
  const params = new URLSearchParams(String(hash).replace(/^#/, ''));
  // A base row is read first: what it sets is the base the link's other keys change.
  const base = table.rows.find((row) => row.base);
  const settings = base && params.has(base.key) ?
      base.base(parseValue(base, params.get(base.key), notices, table), params, table) :
      table.defaults();
  for (const [key, raw] of params) {
    if (key === base?.key) continue;
    const row = table.row(key);
    if (row)
      settings[key] = parseValue(row, raw, notices, table);
    else if (!LEGACY_KEYS.includes(key))
      notices.push(`${quote(key)} is not a setting, so it is ignored.`);
  }
  readLegacy(table, params, settings, notices);
  return {settings, notices};
}

function pair(row, value) {
  // Commas and colons stay readable; everything else is percent-encoded.
  const text = encodeURIComponent(valueText(row, value)).replace(/%2C/g, ',').replace(/%3A/g, ':');
  return `${row.key}=${text}`;
}

/**
 * @returns {string} the shortest hash (without '#') that parseHash reads back as `settings`: the
 *     base row (the page's experiment) and the keys it reads first, then, in table order, every
 *     row whose value differs from what parse would start from; a row's inLink(value) may leave
 *     its value out (own data: none, or too large for a link).
 * @param {{always?: string[]}} [options] keys written even at their default (a figure's panels,
 *     whose default is not the table's)
 */
export function toHash(table, settings, {always = []} = {}) {
  const linked = (row) => !row.inLink || row.inLink(settings[row.key]);
  const text = (row) => valueText(row, settings[row.key]);
  const same = (row, from) => text(row) === valueText(row, from[row.key]);
  const base = table.rows.find((row) => row.base);
  const reads = base ? (base.reads || []).map((key) => table.row(key)) : [];
  // The base is always written: without it a link would mean the page's landing. A key the base
  // reads goes beside it where the base alone would give another value.
  let head = [];
  let from = table.defaults();
  if (base) {
    const bare = base.base(settings[base.key], new URLSearchParams(), table);
    head = [base, ...reads.filter((row) => !same(row, bare))];
    const params = new URLSearchParams(head.slice(1).map((row) => [row.key, text(row)]));
    from = base.base(settings[base.key], params, table);
  }
  const rest = table.rows.filter(
      (row) => row !== base && !reads.includes(row) && linked(row) &&
          (always.includes(row.key) || !same(row, from)));
  const pairs = [...head, ...rest];
  // An empty hash opens the page's landing, not these settings: name the first row instead.
  if (!pairs.length && table.rows.length) pairs.push(table.rows[0]);
  return pairs.map((row) => pair(row, settings[row.key])).join('&');
}

// A settings table's hash: parse reads every key with its row over the defaults (or over what a
// base row such as the page's experiment sets) and names what it cannot read; toHash writes every
// row in table order. Leaves values' types to parse-value.js and older keys to legacy-keys.js.
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

/**
 * @returns {string} the hash (without '#') holding every setting, in table order; a row's
 *     inLink(value) may leave its value out (own data: none, or too large for a link).
 */
export function toHash(table, settings) {
  return table.rows.filter((row) => !row.inLink || row.inLink(settings[row.key]))
      .map((row) => {
        const text = valueText(row, settings[row.key]);
        // Commas and colons stay readable; everything else is percent-encoded.
        return `${row.key}=${encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
      })
      .join('&');
}

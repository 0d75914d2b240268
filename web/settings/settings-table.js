// The settings table: core's rows (lab.schema) and the rows a page or figure brings, each with its
// URL key, type, range, default and the effect of a change; reads and writes hashes, speaks core's
// settings; imports no feature. coerce and liveUpdate, which a figure never needs, live beside it.
import {coreRows, tokenParam} from './core-rows.js';
import {parseHash, toHash, valueText} from './hash-codec.js';
import {VALUE_TYPES} from './parse-value.js';
import {arenaSettings, paramKey} from './to-core.js';

/**
 * What a change of a row does, as each row declares it (core's rows from core's `change`):
 * 'reload' loads the page again (another wasm build or pool size), 'live' updates the running
 * networks, 'arena' builds new ones, 'view' changes the worker's view field named by row.view,
 * 'pace' plays on at the new pace, 'redraw' draws the last frame again.
 */
export const EFFECTS = Object.freeze(['reload', 'live', 'arena', 'view', 'pace', 'redraw']);

// A table built from wrong rows is a programming error: it fails at once, never on a reader's link.
function check(row, keys) {
  const fail = (why) => {
    throw new Error(`settings table: row ${row.key} ${why}`);
  };
  if (keys.has(row.key)) fail('is declared twice');
  if (!EFFECTS.includes(row.effect)) fail(`has no known effect (${row.effect})`);
  if (row.effect === 'view' && !row.view) fail('changes the view but names no view field');
  if (row.effect === 'live' && row.core === undefined) fail('is live but not core\'s');
  if (!row.parse && !VALUE_TYPES.includes(row.type)) fail(`has type ${row.type} but no parse`);
  keys.add(row.key);
}

export class SettingsTable {
  /**
   * @param {object} schema lab.schema
   * @param {object[]} rows the rows after core's, in URL order; a row with `core` adds to core's
   *     row of that key instead (how a form shows it, or its own parse, text and toCore)
   */
  constructor(schema, rows = []) {
    const additions = new Map();
    for (const row of rows.filter((r) => r.core !== undefined)) {
      additions.set(row.core, {...additions.get(row.core), ...row});
    }
    const core = coreRows(schema);
    for (const key of additions.keys()) {
      if (!core.some((row) => row.core === key)) throw new Error(`settings table: no core ${key}`);
    }
    const all = [
      ...core.map((row) => ({...row, ...additions.get(row.core)})),
      ...rows.filter((r) => r.core === undefined),
    ];
    // Options that depend on the other rows (classroom mode's names) are known now.
    this.rows = all.map(
        (row) => typeof row.options === 'function' ? {...row, options: row.options(all)} : row);
    const keys = new Set();
    for (const row of this.rows) check(row, keys);
    this.byKey = new Map(this.rows.map((row) => [row.key, row]));
    this.schema = schema;
    this.activations = new Map(schema.activations.map((a) => [a.name, a]));
    this.limits = schema.limits;
  }

  /** @returns {object|undefined} the row of URL key `key`. */
  row(key) {
    return this.byKey.get(key);
  }

  /** @returns {object} a fresh settings object (URL key -> value) with every default. */
  defaults() {
    const settings = {};
    for (const row of this.rows) {
      settings[row.key] = Array.isArray(row.default) ? row.default.slice() : row.default;
    }
    return settings;
  }

  /** @returns {{settings: object, notices: string[]}} the settings a URL hash sets. */
  parse(hash) {
    return parseHash(this, hash);
  }

  /**
   * @returns {string} the hash (without '#') of `settings`: the keys that differ from their
   *     defaults (or their experiment's), and `options.always`.
   */
  toHash(settings, options) {
    return toHash(this, settings, options);
  }

  /** @returns {string} the link text of one value. */
  text(row, value) {
    return valueText(row, value);
  }

  /** @returns {object} the settings object for lab.createArena (core keys only). */
  arenaSettings(settings) {
    return arenaSettings(this, settings);
  }

  /** @returns {string} the URL key of activation `name`'s parameter `param`. */
  paramKey(name, param) {
    return paramKey(this, name, param);
  }

  /** @returns {object|undefined} the parameter a panel entry "name:value" of `name` sets. */
  tokenParam(name) {
    return tokenParam(this.activations.get(name));
  }
}

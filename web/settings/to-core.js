// A settings table's settings (URL keys) in core's terms: the whole object lab.createArena takes,
// and the partial one arena.update takes for a live change. Knows core's keys, not the page's.
import {tokenParam} from './core-rows.js';

/** @returns {string} the URL key of activation `name`'s parameter `param`. */
export function paramKey(table, name, param) {
  return table.rows.find((row) => row.core === `${name}.${param}`).key;
}

/** Expands one panel entry ("leaky_relu:0.2") into the trainer's network {activation, params}. */
export function network(table, token, settings) {
  const [name, override] = token.split(':');
  const activation = table.activations.get(name);
  const params = {};
  for (const p of activation.params) params[p.key] = settings[paramKey(table, name, p.key)];
  if (override !== undefined) params[tokenParam(activation).key] = Number(override);
  return {activation: name, params};
}

/** @returns {object} the settings object for lab.createArena (core keys only). */
export function arenaSettings(table, settings) {
  const out = {};
  for (const row of table.rows) {
    if (row.core === undefined || table.activations.has(row.core.split('.')[0])) continue;
    const value = settings[row.key];
    const [parent, child] = row.core.split('.');
    if (row.toCore) {
      const core = row.toCore(value);
      if (core !== undefined) out[parent] = core;
    } else if (row.core === 'activations') {
      out.activations = value.map((token) => network(table, token, settings));
    } else if (child === undefined) {
      out[parent] = Array.isArray(value) ? value.slice() : value;
    } else {  // a key of a named object ("optimizer.momentum"): {name, momentum}
      out[parent] = {
        ...(typeof out[parent] === 'object' ? out[parent] : {name: out[parent]}),
        [child]: value
      };
    }
  }
  // Own data sets the number of points itself: a preset's count beside it only draws core's
  // warning that it was replaced.
  if (out.data) delete out.points;
  return out;
}

/**
 * @returns {object|null} the partial settings arena.update takes for a change of `key` (a
 *     'live' row, e.g. {lr: 0.003} or {optimizer: {momentum: 0.5}}), or null for any other row.
 */
export function liveUpdate(table, key, settings) {
  const row = table.row(key);
  if (row.effect !== 'live') return null;
  const [parent, child] = row.core.split('.');
  return {[parent]: child === undefined ? settings[key] : {[child]: settings[key]}};
}

/**
 * The inverse of liveUpdate for every live row: the URL keys' values in core's settings (what
 * arena.settings() reports), e.g. {lr: 0.01, momentum: 0.9}; rows core leaves out (the betas
 * beside SGD) are left out.
 */
export function liveSettings(table, core) {
  const out = {};
  for (const row of table.rows) {
    if (row.effect !== 'live') continue;
    const [parent, child] = row.core.split('.');
    const value = child === undefined ? core[parent] : core[parent]?.[child];
    if (value !== undefined) out[row.key] = value;
  }
  return out;
}

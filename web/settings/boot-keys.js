// What is read from a hash before lab.schema exists: one row (the engine and the number of workers
// must be chosen before the wasm module that holds the schema loads) and the number of panels to
// leave room for. A bad value means the row's default here, silently: the table's parse names it
// once the schema is there.
import {firstEntries, parseValue} from './parse-value.js';

/**
 * The most panels a link or an element can ask for, known before lab.schema exists: core's
 * limits.maxNetworks (tests/web/hostile-links.test.mjs checks that they agree). It bounds the
 * blank panels drawn while the wasm module loads.
 */
export const MAX_PANELS = 12;

/** @returns {*} row's value in `hash` ("#workers=2&lr=1"), or its default if absent or bad. */
export function bootValue(hash, row) {
  const raw = new URLSearchParams(String(hash).replace(/^#/, '')).get(row.key);
  if (raw === null) return row.default;
  const notices = [];
  const value = parseValue(row, raw, notices);
  return notices.length ? row.default : value;
}

/**
 * How many panels the comma list `raw` (an activations value) asks for, counting no further than
 * MAX_PANELS, or 0 if it lists none.
 */
export function listedPanels(raw) {
  return firstEntries(raw, MAX_PANELS).entries.length;
}

// One row read from a hash before lab.schema exists: the engine and the number of workers must be
// chosen before the wasm module that holds the schema loads. A bad value means the row's default
// here, silently: the table's parse names it once the schema is there.
import {parseValue} from './parse-value.js';

/** @returns {*} row's value in `hash` ("#workers=2&lr=1"), or its default if absent or bad. */
export function bootValue(hash, row) {
  const raw = new URLSearchParams(String(hash).replace(/^#/, '')).get(row.key);
  if (raw === null) return row.default;
  const notices = [];
  const value = parseValue(row, raw, notices);
  return notices.length ? row.default : value;
}

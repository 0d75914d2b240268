// One URL value read by its row's type (enum, bool, int, seed, number, layers, activations, list)
// and clamped to the row's range; a row of another type brings its own parse (own data, an epoch
// list, hidden parts). Never throws on bad input: each correction is a plain-text notice.

const NOTICE_VALUE_CHARS = 40;

/** The types parseValue reads itself; any other row needs its own parse(row, raw, notices). */
export const VALUE_TYPES =
    ['enum', 'bool', 'int', 'seed', 'number', 'layers', 'activations', 'list'];

/** @returns {string} URL text for a notice, shortened and quoted (only ever textContent). */
export function quote(text) {
  const s = String(text);
  return JSON.stringify(s.length > NOTICE_VALUE_CHARS ? s.slice(0, NOTICE_VALUE_CHARS) + '…' : s);
}

function usingDefault(row) {
  return row.default === '' ? 'it is left unset' : `the default ${row.default} is used`;
}

/** @returns {number} `value` rounded for a whole-number row and clamped to `range`. */
export function clampNumber(row, value, notices, range = row, rangeName = '') {
  const whole = row.type === 'int' || row.type === 'seed';
  let v = whole ? Math.round(value) : value;
  if (v !== value) notices.push(`${row.key}: ${value} is not a whole number, so ${v} is used.`);
  if (v < range.min || v > range.max) {
    const clamped = Math.min(range.max, Math.max(range.min, v));
    notices.push(
        `${row.key}: ${v} is outside ${rangeName}${range.min} to ${range.max}, so ${clamped} ` +
        'is used.');
    v = clamped;
  }
  return v;
}

/**
 * The first `most` entries of the comma list `raw` (empty ones skipped if `skipEmpty`) and
 * whether more follow. A link's list is read no further than core keeps of it (its first
 * entries), so a list of a million names costs what its first few do.
 * @returns {{entries: string[], more: boolean}}
 */
export function firstEntries(raw, most, skipEmpty = true) {
  const entries = [];
  for (let start = 0; start <= raw.length;) {
    const comma = raw.indexOf(',', start);
    const end = comma < 0 ? raw.length : comma;
    const token = raw.slice(start, end);
    start = end + 1;
    if (skipEmpty && token === '') continue;
    if (entries.length === most) return {entries, more: true};
    entries.push(token);
  }
  return {entries, more: false};
}

function parseLayers(row, raw, notices, table) {
  if (raw.trim() === '') return [];
  const most = table.limits.maxHiddenLayers;
  const {entries, more} = firstEntries(raw, most, false);
  const layers = [];
  for (const token of entries) {
    const n = Number(token);
    if (token.trim() === '' || !Number.isFinite(n)) {
      notices.push(`layers: ${quote(token)} is not a number of units, so it is left out.`);
      continue;
    }
    layers.push(clampNumber({...row, type: 'int'}, n, notices));
  }
  if (more) {
    notices.push(`layers: at most ${most} hidden layers are allowed; the rest are left out.`);
  }
  return layers;
}

// "leaky_relu:0.2" as its canonical token, or null (with a notice) if bad.
function parseActivation(token, notices, table) {
  const [name, param, ...rest] = token.split(':');
  if (!table.activations.has(name) || rest.length) {
    notices.push(`activations: ${quote(token)} is not a known activation, so it is left out.`);
    return null;
  }
  if (param === undefined) return name;
  const spec = table.tokenParam(name);
  const value = Number(param);
  if (!spec || param.trim() === '' || !Number.isFinite(value)) {
    notices.push(
        `activations: ${quote(token)} has no valid parameter, so ${name} uses its ` +
        'default.');
    return name;
  }
  const v = clampNumber({...spec, key: `activations (${name} ${spec.key})`}, value, notices);
  return `${name}:${v}`;
}

function parseActivations(row, raw, notices, table) {
  const most = table.limits.maxNetworks;
  const {entries, more} = firstEntries(raw, most);
  const list = [];
  for (const token of entries) {
    const entry = parseActivation(token, notices, table);
    if (entry) list.push(entry);
  }
  if (more) {
    notices.push(`activations: at most ${most} panels are allowed; the rest are left out.`);
  }
  if (!list.length) {
    notices.push('activations: no valid activation is left, so the default panels are used.');
    return row.default.slice();
  }
  return list;
}

// A list row (the input features): known option names, each once, in the row's option order
// (so one set has one link); none left means the default.
function parseList(row, raw, notices) {
  const chosen = new Set();
  for (const token of raw.split(',')) {
    if (token === '') continue;
    if (row.options.includes(token)) {
      chosen.add(token);
    } else {
      notices.push(`${row.key}: ${quote(token)} is not one of ${
          row.options.join(', ')}, so it is left out.`);
    }
  }
  if (chosen.size < row.min) {
    notices.push(`${row.key}: none is left, so the default ${row.default.join(',')} is used.`);
    return row.default.slice();
  }
  return row.options.filter((name) => chosen.has(name));
}

/**
 * @param {object} row a settings table's row
 * @param {string} raw the URL's text
 * @param {string[]} notices where corrections go
 * @param {{limits: object, activations: Map, tokenParam: Function}} [table] needed by the
 *     layers and activations types and passed to a row's own parse (the boot keys are read
 *     without one)
 * @returns {*} the value, corrected or the row's default
 */
export function parseValue(row, raw, notices, table) {
  if (row.parse) return row.parse(row, raw, notices, table);
  switch (row.type) {
    case 'enum':
      if (row.options.includes(raw)) return raw;
      notices.push(`${row.key}: ${quote(raw)} is not one of ${
          row.options.filter(Boolean).join(', ')}, so ${usingDefault(row)}.`);
      return row.default;
    case 'bool':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      notices.push(`${row.key}: ${quote(raw)} is not true or false, so ${usingDefault(row)}.`);
      return row.default;
    case 'int':
    case 'seed':
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) {
        notices.push(`${row.key}: ${quote(raw)} is not a number, so ${usingDefault(row)}.`);
        return row.default;
      }
      return clampNumber(row, value, notices);
    }
    case 'layers':
      return parseLayers(row, raw, notices, table);
    case 'activations':
      return parseActivations(row, raw, notices, table);
    case 'list':
      return parseList(row, raw, notices);
  }
  throw new Error(`settings: no parse for type ${row.type} (row ${row.key})`);
}

/**
 * Checks one value typed into a control: the URL's rules, then the control's own narrower range
 * (a row's `ui`), whose correction says it is the control's.
 * @returns {{value: *, notices: string[]}}
 */
export function coerce(table, key, raw) {
  const row = table.row(key);
  const notices = [];
  let value = parseValue(row, String(raw), notices, table);
  if (row.ui && typeof value === 'number') {
    const range = {min: row.ui.min ?? row.min, max: row.ui.max ?? row.max};
    value = clampNumber(row, value, notices, range, 'this control\'s range ');
  }
  return {value, notices};
}

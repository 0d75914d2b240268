// Classroom mode: the URL's hide=lr,init,chart,... hides single controls, groups of the settings
// form and parts of the page for a teacher's link (as TF Playground's hidden controls), where
// controls=false hides all settings at once. Its row reads the names; the rest shows and hides.
import {firstEntries, quote} from '../settings/parse-value.js';

// The page's parts by name: the selectors of what each hides.
const PAGE_PARTS = Object.freeze({
  intro: ['#lede', '.top .intro'],
  experiments: ['.experiments-bar'],
  chart: ['.chart-box'],
  legend: ['.legend-box'],
  settings: ['aside.controls'],
  play: ['#play'],
  step: ['#step', '#step-batch'],
  reset: ['#reset'],
  epoch: ['.epoch-box'],
  newSeed: ['#regenerate'],
  png: ['#export-grid'],
  share: ['#share'],
  footer: ['.foot'],
});

const HIDDEN_CLASS = 'classroom-hidden';

/**
 * @param {object[]} rows the settings table's rows
 * @returns {string[]} every name hide= accepts: the page's parts, the settings form's groups and
 *     every setting that has a control (its URL key).
 */
export function hideableNames(rows) {
  const groups = new Set();
  const keys = [];
  for (const row of rows) {
    if (row.group === 'hidden') continue;  // no control: nothing to hide
    groups.add(row.group);
    keys.push(row.key);
  }
  return [...Object.keys(PAGE_PARTS), ...groups, ...keys];
}

// A comma list of known names, each once; unknown ones are left out with a notice. Read no
// further than there are names: a link of a million entries costs what the names do.
function parseNames(row, raw, notices) {
  const names = [];
  const {entries, more} = firstEntries(raw, row.options.length);
  if (more) notices.push(`${row.key}: more names than there are parts; the rest are left out.`);
  for (const name of entries) {
    if (!row.options.includes(name)) {
      notices.push(
          `${row.key}: ${quote(name)} is not a part of the page that can be hidden ` +
          '(e.g. intro, experiments, chart, legend, settings, play, or a setting ' +
          'such as lr), so it is left out.');
    } else if (!names.includes(name)) {
      names.push(name);
    }
  }
  return names;
}

export const HIDE_ROW = {
  key: 'hide',
  type: 'names',
  group: 'hidden',
  label: 'Hidden parts',
  default: [],
  options: hideableNames,
  parse: parseNames,
  meaning: 'classroom mode: the controls and page parts a teacher\'s link hides',
  effect: 'redraw',
};

// The elements one name stands for.
function targets(name) {
  if (PAGE_PARTS[name]) return PAGE_PARTS[name].flatMap((s) => [...document.querySelectorAll(s)]);
  const group = document.querySelector(`#settings .group-${CSS.escape(name)}`);
  if (group) return [group];
  // A setting's whole line: label, input and hint.
  const line = document.getElementById(`setting-${name}`)?.closest('.control');
  return line ? [line] : [];
}

/**
 * Hides exactly the named parts (and shows every part hidden before that is not named), so a
 * new link or a hash change takes effect as a whole.
 * @param {string[]} names validated names (see hideableNames)
 */
export function applyHidden(names) {
  for (const node of document.querySelectorAll(`.${HIDDEN_CLASS}`)) {
    node.classList.remove(HIDDEN_CLASS);
  }
  for (const name of names) {
    for (const node of targets(name)) node.classList.add(HIDDEN_CLASS);
  }
  // Without the settings column the panels take the whole width, as with controls=false.
  document.body.classList.toggle('hide-settings', names.includes('settings'));
}

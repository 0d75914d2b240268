// Classroom mode: the URL's hide=lr,init,chart,... hides single controls, groups of the settings
// form and parts of the page for a teacher's link (as TF Playground's hidden controls), where
// controls=false hides all settings at once. Its row reads the names; the rest shows and hides.
import {firstEntries, quote} from '../settings/parse-value.js';

// The page's parts by name: what a teacher's dialog calls each, and the selectors of what it
// hides (with the skip link that would lead into it).
export const PAGE_PARTS = Object.freeze({
  intro: {label: 'Introduction', selectors: ['#lede', '.top .intro']},
  experiments: {label: 'Experiments and their text', selectors: ['.experiments-bar']},
  play: {label: 'Play / Pause', selectors: ['#play']},
  step: {label: 'Step buttons', selectors: ['#step', '#step-batch']},
  reset: {label: 'Reset', selectors: ['#reset']},
  epoch: {label: 'Epoch counter', selectors: ['.epoch-box']},
  newSeed: {label: 'New seed', selectors: ['#regenerate']},
  png: {label: 'Save PNG', selectors: ['#export-grid']},
  share: {label: 'Share', selectors: ['#share']},
  timeline: {label: 'Timeline', selectors: ['#timeline']},
  overTime: {label: 'Over time figure button', selectors: ['#open-over-time']},
  export: {label: 'Export animation button', selectors: ['#open-export']},
  legend: {label: 'Legend', selectors: ['.legend-box']},
  chart: {label: 'Loss and region charts', selectors: ['.chart-box']},
  settings: {label: 'Settings', selectors: ['aside.controls', '.skip-settings']},
  evidence: {label: 'Many-seed evidence and claims', selectors: ['#evidence', '.skip-claims']},
  footer: {label: 'Footer', selectors: ['.foot']},
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
          '(e.g. intro, experiments, timeline, evidence, settings, play, a settings group ' +
          'such as training, or a setting such as lr), so it is left out.');
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
  if (PAGE_PARTS[name]) {
    return PAGE_PARTS[name].selectors.flatMap((s) => [...document.querySelectorAll(s)]);
  }
  const group = document.querySelector(`#settings .group-${CSS.escape(name)}`);
  if (group) return [group];
  // A setting's whole line: label, input and hint.
  const line = document.getElementById(`setting-${name}`)?.closest('.control');
  return line ? [line] : [];
}

const hidden = (node) => node.classList.contains(HIDDEN_CLASS);

// A settings group whose every line is hidden goes too, and so does a column of hidden groups:
// no empty box and no empty "Settings" column stay behind.
function hideEmpty() {
  const groups = [...document.querySelectorAll('#settings .group')];
  for (const group of groups) {
    const lines = [...group.querySelectorAll('.control')];
    if (lines.length && lines.every(hidden)) group.classList.add(HIDDEN_CLASS);
  }
  if (groups.length && groups.every(hidden)) {
    for (const node of targets('settings')) node.classList.add(HIDDEN_CLASS);
  }
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
  hideEmpty();
  // Without the settings column the panels take the whole width, as with controls=false.
  const column = document.querySelector('aside.controls');
  document.body.classList.toggle('hide-settings', Boolean(column && hidden(column)));
}

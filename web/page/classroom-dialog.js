// The "Classroom link" dialog: a teacher ticks the parts of the page, the settings groups and the
// single settings the students should see, and gets the link of the current state with hide= set
// to the rest. What can be hidden is classroom.js's; the link is the settings table's.
import {el} from '../common/dom.js';

import {PAGE_PARTS} from './classroom.js';
import {GROUPS} from './controls.js';
import {copyBox} from './copy-box.js';

let parts = null;

function check(name, label, shown) {
  const input = el('input', {type: 'checkbox', value: name, checked: shown});
  return el('label', {className: 'check'}, [input, label]);
}

function section(title, items, hidden, folded = false) {
  const boxes = items.map(([name, label]) => check(name, label, !hidden.includes(name)));
  const list = el('div', {className: 'classroom-checks'}, boxes);
  if (folded) {
    return el('details', {className: 'classroom-group'}, [el('summary', {text: title}), list]);
  }
  return el('fieldset', {className: 'classroom-group'}, [el('legend', {text: title}), list]);
}

function build() {
  const dialog = el('dialog', {className: 'share classroom', 'aria-labelledby': 'classroom-title'});
  const close =
      el('button', {type: 'button', className: 'share-close', onclick: () => dialog.close()},
         ['Close']);
  const link = copyBox('classroom-link', 'Classroom link', 3);
  const open = el('a', {target: '_blank', rel: 'noopener'}, ['Open it in a new tab']);
  const form = el('form', {className: 'classroom-form'});
  form.addEventListener('submit', (event) => event.preventDefault());
  dialog.append(
      el('h2', {id: 'classroom-title'}, ['Classroom link']),
      el('p', {className: 'hint'},
         ['Tick what your students should see. The link opens the panels as they are now, with ' +
          'everything unticked hidden; nothing else changes, and nothing is locked.']),
      form, link.box, el('p', {}, [open]), close);
  document.body.append(dialog);
  return {dialog, form, link, open, state: null};
}

// The names of every unticked box, in the order hide= lists them.
function unticked(form, options) {
  const off = new Set([...form.querySelectorAll('input[type="checkbox"]')]
                          .filter((i) => !i.checked)
                          .map((i) => i.value));
  return options.filter((name) => off.has(name));
}

function update() {
  const {table, settings} = parts.state;
  const hide = unticked(parts.form, table.row('hide').options);
  const page = new URL(location.href);
  page.hash = table.toHash({...settings, hide});
  parts.link.text.value = page.href;
  parts.link.status.textContent = '';
  parts.open.href = page.href;
}

/** Opens the dialog for `state` ({table, settings}: the page's), ticked as the page shows now. */
export function openClassroom(state) {
  if (!state) return;
  parts ??= build();
  parts.state = state;
  const {table, settings} = state;
  const hidden = settings.hide;
  const rows = table.rows.filter((row) => row.group !== 'hidden');
  // A key that is also a group's name (own data) stands for the group in hide=.
  const singles = rows.filter((row) => !GROUPS.some(([group]) => group === row.key));
  parts.form.replaceChildren(
      section(
          'Parts of the page', Object.entries(PAGE_PARTS).map(([n, p]) => [n, p.label]), hidden),
      section('Settings groups', GROUPS.filter(([g]) => rows.some((r) => r.group === g)), hidden),
      section('Single settings', singles.map((row) => [row.key, row.label]), hidden, true));
  parts.form.onchange = update;
  update();
  parts.dialog.showModal();
}

// The evidence section's form: compare or sweep, seeds, epochs, target, reference, outcome,
// sweep axis and points, Run and Cancel. Values are checked by the page's settings table (the
// study rows), so a clamped value shows in its field.
import {OUTCOMES} from '../../js/seed-study.mjs';
import {sweepAxes} from '../../js/seed-sweep.mjs';
import {el} from '../common/dom.js';
import {coerce} from '../settings/parse-value.js';

function field(label, control, className = '') {
  return el(
      'label', {className: `evidence-field ${className}`}, [el('span', {text: label}), control]);
}

function select(name, options) {
  return el('select', {name}, options.map(([value, text]) => el('option', {value, text})));
}

function number(name, row, step = 1) {
  return el(
      'input', {type: 'number', name, min: row.min, max: row.max, step, inputMode: 'numeric'});
}

/**
 * @returns {{node: HTMLFormElement, show: (settings) => void, running: (on: boolean) => void,
 *     table}} the form; readForm() reads it.
 */
export function evidenceForm(table, schema, {run, cancel}) {
  const row = (key) => table.row(key);
  const mode = el('fieldset', {className: 'evidence-mode'}, [
    el('legend', {className: 'visually-hidden', text: 'Kind of study'}),
    ...[['compare', 'Compare the panels'], ['sweep', 'Sweep a setting']].map(
        ([value, text]) =>
            el('label', {}, [el('input', {type: 'radio', name: 'study', value}), ` ${text}`])),
  ]);
  const names = new Map(schema.activations.map((a) => [a.name, a.displayName]));
  const controls = [
    field('Seeds', number('seeds', row('seeds'))),
    field('Epochs per run', number('studyEpochs', row('studyEpochs'))),
    field(
        'Target accuracy % (R² × 100 for a regression)',
        el('input', {type: 'number', name: 'target', min: 50, max: 100, step: 1})),
    field('Outcome', select('outcome', OUTCOMES.map((o) => [o.key, o.label]))),
    field(
        'Reference', select('ref', row('ref').options.map((n) => [n, names.get(n) || n])),
        'compare-only'),
    field(
        'Setting to sweep', select('sweepKey', sweepAxes(schema).map((a) => [a.key, a.key])),
        'sweep-only'),
    field('Values', number('sweepPoints', row('sweepPoints')), 'sweep-only'),
  ];
  const runButton = el('button', {type: 'submit', className: 'evidence-run', text: 'Run'});
  const cancelButton = el('button', {
    type: 'button',
    className: 'secondary evidence-cancel',
    text: 'Cancel',
    disabled: true,
    onclick: cancel
  });
  // What Run will cost, kept current by the view as the fields change.
  const cost = el('output', {className: 'evidence-cost'});
  const node = el('form', {className: 'evidence-form'}, [
    mode, el('div', {className: 'evidence-fields'}, controls),
    el('div', {className: 'evidence-buttons'}, [runButton, cancelButton, cost])
  ]);
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  const syncMode = () => {
    node.dataset.mode = node.elements.study.value || 'compare';
  };
  mode.addEventListener('change', syncMode);
  return {
    node,
    table,
    cost,
    show(settings) {
      const els = node.elements;
      els.study.value = settings.study === 'sweep' ? 'sweep' : 'compare';
      for (const key of ['seeds', 'studyEpochs', 'outcome', 'ref', 'sweepKey', 'sweepPoints'])
        els[key].value = String(settings[key]);
      els.target.value = String(Math.round(settings.target * 1000) / 10);
      syncMode();
    },
    running(on) {
      runButton.disabled = on;
      cancelButton.disabled = !on;
    },
  };
}

/**
 * Reads the form through the table (clamped values are written back into their fields, unless
 * `write` is false: while the reader types).
 * @returns {{keys: object, notices: string[]}} URL keys of the study
 */
export function readForm(form, settings, write = true) {
  const els = form.node.elements;
  const notices = [];
  const keys = {study: els.study.value || 'compare'};
  const read = (key, raw) => {
    const {value, notices: n} = coerce(form.table, key, raw);
    notices.push(...n);
    return value;
  };
  for (const key of ['seeds', 'studyEpochs', 'outcome', 'ref', 'sweepKey', 'sweepPoints'])
    keys[key] = read(key, els[key].value);
  keys.target = read('target', String(Number(els.target.value) / 100));
  if (write) form.show({...settings, ...keys});
  return {keys, notices};
}

/**
 * The study the form describes, on top of the page's `settings`.
 * @returns {{keys: object, urlSettings: object, request: object}} its URL keys, the URL settings
 *     it runs and its planStudy request
 */
export function formRequest(form, table, settings, write = true) {
  const {keys} = readForm(form, settings, write);
  const urlSettings = {...settings, ...keys};
  const request = {
    kind: keys.study,
    settings: table.arenaSettings(urlSettings),
    seeds: keys.seeds,
    epochs: keys.studyEpochs,
    target: keys.target,
    key: keys.sweepKey,
    points: keys.sweepPoints,
    // An outcome only unit life measures (revivals) turns it on for the study.
    outcome: keys.outcome,
  };
  return {keys, urlSettings, request};
}

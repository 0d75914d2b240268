// The settings form, built from state.js's table (one control per setting), the transport
// buttons and the keyboard shortcuts. It reports changes; it never trains or draws.
import {DISPLAY_NAMES} from './panel.js';
import {ACTIVATION_NAMES, coerce, MAX_LAYERS, MAX_UNITS, SETTINGS} from './state.js';

const GROUPS = [
  ['data', 'Data'], ['network', 'Network'], ['params', 'Activation parameters'],
  ['training', 'Training'], ['view', 'View']
];
const LR_STEP = 0.05;

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text')
      node.textContent = value;
    else if (key === 'className')
      node.className = value;
    else
      node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function roundSignificant(x) {
  return Number(x.toPrecision(2));
}

/** Builds the form; `onChange(key, value, notices)` fires for every committed edit. */
export class Controls {
  constructor(form, onChange) {
    this.form = form;
    this.onChange = onChange;
    this.inputs = new Map();
    this.settings = null;
    for (const [group, title] of GROUPS) {
      const fieldset =
          el('fieldset', {className: `group group-${group}`}, [el('legend', {text: title})]);
      for (const spec of SETTINGS.filter((s) => s.group === group)) {
        fieldset.append(this.build(spec));
      }
      form.append(fieldset);
    }
    form.addEventListener('submit', (event) => event.preventDefault());
  }

  emit(key, raw) {
    const {value, notices} = coerce(key, raw);
    this.onChange(key, value, notices);
  }

  build(spec) {
    const id = `setting-${spec.key}`;
    const label = el('label', {for: id, text: spec.label
    });
    const row = el('div', {className: `control control-${spec.type}`});
    let input;
    if (spec.type === 'enum') {
      input = el('select', {id}, spec.options.map((o) => el('option', {value: o, text: o})));
      input.addEventListener('change', () => this.emit(spec.key, input.value));
    } else if (spec.type === 'bool') {
      input = el('input', {id, type: 'checkbox'});
      input.addEventListener('change', () => this.emit(spec.key, input.checked));
      row.classList.add('control-check');
      row.append(input, label);
      this.inputs.set(spec.key, input);
      return row;
    } else if (spec.log) {
      input = el('input', {
        id,
        type: 'range',
        min: String(Math.log10(spec.min)),
        max: String(Math.log10(spec.max)),
        step: String(LR_STEP),
      });
      const output = el('output', {for: id
      });
      input.addEventListener('input', () => {
        output.textContent = String(roundSignificant(10 ** Number(input.value)));
      });
      input.addEventListener('change', () => this.emit(spec.key, output.textContent));
      input.output = output;
      row.append(label, input, output);
      this.inputs.set(spec.key, input);
      return row;
    } else if (spec.type === 'layers') {
      input = this.buildLayers();
    } else if (spec.type === 'activations') {
      input = this.buildActivations(id);
    } else {
      input = el('input', {
        id,
        type: 'number',
        min: String(spec.min),
        max: String(spec.max),
        step: String(spec.step ?? 'any'),
      });
      input.addEventListener('change', () => this.emit(spec.key, input.value));
    }
    row.append(label, input);
    this.inputs.set(spec.key, input);
    return row;
  }

  buildLayers() {
    const box = el('div', {className: 'layers', id: 'setting-layers'});
    box.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      const layers = this.settings.layers.slice();
      const i = Number(button.dataset.layer);
      const op = button.dataset.op;
      if (op === 'add-layer' && layers.length < MAX_LAYERS) layers.push(layers.at(-1) || 4);
      if (op === 'remove-layer') layers.pop();
      if (op === 'more') layers[i] = Math.min(MAX_UNITS, layers[i] + 1);
      if (op === 'fewer') layers[i] = Math.max(1, layers[i] - 1);
      this.emit('layers', layers.join(','));
    });
    return box;
  }

  renderLayers(layers) {
    const box = this.inputs.get('layers');
    const button = (text, op, layer, title) =>
        el('button', {type: 'button', 'data-op': op, 'data-layer': String(layer), title, text});
    const rows = layers.map(
        (units, i) => el('div', {className: 'layer'}, [
          el('span', {text: `layer ${i + 1}`}), button('−', 'fewer', i, 'one unit fewer'),
          el('span', {className: 'units', text: `${units} units`}),
          button('+', 'more', i, 'one unit more')
        ]));
    const edit = el('div', {className: 'layer'}, [
      button('+ layer', 'add-layer', -1, 'add a hidden layer'),
      button('− layer', 'remove-layer', -1, 'remove the last hidden layer')
    ]);
    box.replaceChildren(...rows, edit);
  }

  buildActivations(id) {
    const box = el('div', {className: 'activations'});
    const checks = el('div', {className: 'activation-checks'});
    for (const name of ACTIVATION_NAMES) {
      const check = el('input', {type: 'checkbox', value: name, id: `act-${name}`});
      checks.append(el('label', {
        className: 'check', for: `act-${name}`
      }, [check, DISPLAY_NAMES[name]]));
    }
    checks.addEventListener('change', (event) => {
      const name = event.target.value;
      let list = this.settings.activations.slice();
      if (event.target.checked)
        list.push(name);
      else
        list = list.filter((t) => t.split(':')[0] !== name);
      this.emit('activations', list.join(','));
    });
    const text = el('input', {id, type: 'text', spellcheck: 'false', autocomplete: 'off'});
    text.addEventListener('change', () => this.emit('activations', text.value));
    const hint = el('small', {
      text: 'Comma list; a variant takes one parameter, e.g. leaky_relu:0.2 (up to 12 panels).'
    });
    box.append(checks, text, hint);
    box.text = text;
    box.checks = checks;
    return box;
  }

  /** Shows `settings` in the controls (no events fire). */
  show(settings) {
    this.settings = settings;
    for (const spec of SETTINGS) {
      const input = this.inputs.get(spec.key);
      if (!input) continue;  // settings without a control (e.g. the experiment id)
      const value = settings[spec.key];
      if (spec.type === 'bool')
        input.checked = value;
      else if (spec.type === 'layers')
        this.renderLayers(value);
      else if (spec.type === 'activations') {
        input.text.value = value.join(',');
        const names = new Set(value.map((t) => t.split(':')[0]));
        for (const check of input.checks.querySelectorAll('input')) {
          check.checked = names.has(check.value);
        }
      } else if (spec.log) {
        input.value = String(Math.log10(value));
        input.output.textContent = String(value);
      } else
        input.value = String(value);
    }
  }
}

/**
 * Space plays/pauses, s steps, r resets — unless the user is typing in a field.
 * @param {{toggle: Function, step: Function, reset: Function}} actions
 */
export function bindKeys(actions) {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest('input, select, textarea')) return;
    // Space on a focused button presses that button, as usual.
    if (event.key === ' ' && target.closest && target.closest('button, summary')) return;
    if (event.key === ' ')
      actions.toggle();
    else if (event.key === 's')
      actions.step();
    else if (event.key === 'r')
      actions.reset();
    else
      return;
    event.preventDefault();
  });
}

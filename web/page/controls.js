// The settings form, built from the URL settings table (one control per row, ranges from core's
// schema or the row's UI override) and the keyboard shortcuts. It reports changes; it never
// trains or draws.
import {el} from '../common/dom.js';
import {coerce} from '../settings/parse-value.js';

/** The form's groups in order: [name, title]. */
export const GROUPS = [
  ['data', 'Data'], ['network', 'Network'], ['params', 'Activation parameters'],
  ['training', 'Training'], ['more', 'More settings'], ['view', 'View']
];

// The usual learning rates, 1 and 3 per decade within [min, max]: ..., 0.003, 0.01, 0.03, ...
function decadeValues(min, max) {
  const values = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); ++e) {
    for (const m of [1, 3]) {
      const v = Number((m * 10 ** e).toPrecision(1));
      if (v >= min && v <= max) values.push(v);
    }
  }
  return values;
}

/** Builds the form; `onChange(key, value, notices)` fires for every committed edit. */
export class Controls {
  /**
   * @param {HTMLFormElement} form emptied and filled
   * @param {import('../settings/settings-table.js').SettingsTable} table
   * @param {Map<string, string>} names activation name -> display name
   * @param {(key: string, value: *, notices: string[]) => void} onChange
   * @param {Object<string, (row: object) => HTMLElement>} [custom] a control per row type the
   *     form does not build itself (own data's editor, the feature tiles); the element's
   *     show(value, settings) shows a value
   */
  constructor(form, table, names, onChange, custom = {}) {
    this.form = form;
    this.custom = custom;
    this.table = table;
    this.names = names;
    this.onChange = onChange;
    this.inputs = new Map();
    this.settings = null;
    form.replaceChildren();
    for (const [group, title] of GROUPS) {
      const rows = table.rows.filter((row) => row.group === group).map((row) => this.build(row));
      // Core's less used settings start folded away.
      const box = group === 'more' ?
          el('details', {className: `group group-${group}`}, [el('summary', {text: title})]) :
          el('fieldset', {className: `group group-${group}`}, [el('legend', {text: title})]);
      box.append(...rows);
      form.append(box);
    }
    form.addEventListener('submit', (event) => event.preventDefault());
  }

  emit(key, raw) {
    const {value, notices} = coerce(this.table, key, raw);
    this.onChange(key, value, notices);
  }

  // Every control carries its one-line meaning (core's schema or the page's row) as a visible
  // hint, tied to it as its accessible description.
  build(row) {
    const line = this.buildControl(row);
    if (row.meaning) {
      const hint = el('small', {
        className: 'control-hint',
        id: `hint-${row.key}`,
        text: row.meaning.replace(/ \(default [^)]*\)/, '')
      });
      line.append(hint);
      const input = this.inputs.get(row.key);
      const target = input.text || input;
      if (target.setAttribute) target.setAttribute('aria-describedby', hint.id);
    }
    return line;
  }

  buildControl(row) {
    const id = `setting-${row.key}`;
    const label = el('label', {for: id, text: row.label
    });
    const line = el('div', {className: `control control-${row.type}`});
    let input;
    if (this.custom[row.type]) {
      // A composite control with its own labelled inputs: the row's label is its heading.
      input = this.custom[row.type](row);
      line.append(el('span', {className: 'control-label', text: row.label}), input);
      this.inputs.set(row.key, input);
      return line;
    }
    if (row.choices) {
      // A number from a short list of labelled values (the speed).
      input =
          el('select', {id},
             row.choices.map(([value, text]) => el('option', {value: String(value), text})));
      input.addEventListener('change', () => this.emit(row.key, input.value));
    } else if (row.type === 'enum') {
      input = el('select', {id}, row.options.map((o) => el('option', {value: o, text: o})));
      input.addEventListener('change', () => this.emit(row.key, input.value));
    } else if (row.type === 'bool') {
      input = el('input', {id, type: 'checkbox'});
      input.addEventListener('change', () => this.emit(row.key, input.checked));
      line.classList.add('control-check');
      line.append(input, label);
      this.inputs.set(row.key, input);
      return line;
    } else if (row.type === 'layers') {
      input = this.buildLayers(row);
    } else if (row.type === 'activations') {
      input = this.buildActivations(id, row);
    } else if (row.decades) {
      // A list of the usual values that still takes any typed one.
      const list = el('datalist', {id: `${id}-values`}, decadeValues(row.min, row.max).map((v) => {
        return el('option', {value: String(v)});
      }));
      input = el('input', {id, type: 'text', inputmode: 'decimal', list: list.id});
      input.addEventListener('change', () => this.emit(row.key, input.value));
      line.append(list);
    } else {
      input = el('input', {
        id,
        type: 'number',
        min: String(row.ui?.min ?? row.min),
        max: String(row.ui?.max ?? row.max),
        step: String(row.step ?? 'any'),
      });
      input.addEventListener('change', () => this.emit(row.key, input.value));
      input.note = el('small', {className: 'control-note'});
      line.append(label, input, input.note);
      this.inputs.set(row.key, input);
      return line;
    }
    line.append(label, input);
    this.inputs.set(row.key, input);
    return line;
  }

  buildLayers(row) {
    const box = el('div', {className: 'layers', id: 'setting-layers'});
    box.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      const layers = this.settings.layers.slice();
      const i = Number(button.dataset.layer);
      const op = button.dataset.op;
      if (op === 'add-layer' && layers.length < this.table.limits.maxHiddenLayers) {
        layers.push(layers.at(-1) || 4);
      }
      if (op === 'remove-layer') layers.pop();
      if (op === 'more') layers[i] = Math.min(row.max, layers[i] + 1);
      if (op === 'fewer') layers[i] = Math.max(row.min, layers[i] - 1);
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

  buildActivations(id, row) {
    const box = el('div', {className: 'activations'});
    const checks = el('div', {className: 'activation-checks'});
    // The default panels first, in their order, then the opt-in ones.
    const order = [...new Set([...row.default, ...this.names.keys()])];
    for (const name of order) {
      const check = el('input', {type: 'checkbox', value: name, id: `act-${name}`});
      checks.append(el('label', {
        className: 'check', for: `act-${name}`
      }, [check, this.names.get(name)]));
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
      text: 'Comma list; a variant sets its first parameter, e.g. leaky_relu:0.2 (up to ' +
          `${this.table.limits.maxNetworks} panels).`
    });
    box.append(checks, text, hint);
    box.text = text;
    box.checks = checks;
    return box;
  }

  /** Shows `settings` in the controls (no events fire). */
  show(settings) {
    this.settings = settings;
    for (const row of this.table.rows) {
      const input = this.inputs.get(row.key);
      if (!input) continue;  // settings without a control (e.g. the experiment id)
      const value = settings[row.key];
      if (input.show) {
        input.show(value, settings);
      } else if (row.type === 'bool') {
        input.checked = value;
      } else if (row.type === 'layers') {
        this.renderLayers(value);
      } else if (row.type === 'activations') {
        input.text.value = value.join(',');
        const names = new Set(value.map((t) => t.split(':')[0]));
        for (const check of input.checks.querySelectorAll('input')) {
          check.checked = names.has(check.value);
        }
      } else {
        input.value = String(value);
      }
      if (input.note) this.showRange(input, value);
    }
  }

  // A value the link set outside this control's narrower range is kept, and said so.
  showRange(input, value) {
    const outside = value < Number(input.min) || value > Number(input.max);
    input.classList.toggle('outside', outside);
    input.note.textContent = outside ?
        `${value} is outside this control's range (${input.min} to ${input.max}); kept.` :
        '';
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

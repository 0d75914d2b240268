// The own-data editor in the Data settings: a plane to draw points on (click: orange, shift-click
// or the purple tool: purple, drag to paint, the erase tool or key to remove points), clear, a
// preset to start from, CSV upload and download. It reports finished edits; it never trains.
// Drawing makes classes; a regression (targets, from a CSV file) is shown by its targets'
// colours and can be erased from, not drawn on.
import {el} from '../common/dom.js';
import {download} from '../common/download.js';
import {CLASS_COLORS, targetColor} from '../panels/field-canvas.js';

import {CSV_KIND_RULE, parseCsv, toCsv} from './data-csv.js';
import {dataKindText, dataProblem, emptyData, fromFlat, isRegression, MAX_LINK_POINTS, RAW_HALF_WIDTH, snap} from './own-data.js';

const SIZE = 260;
// Painting adds a point each time the pointer has moved this far (raw units) since the last.
const PAINT_SPACING = 0.3;
// The eraser removes points within this distance (raw units) of the pointer.
const ERASE_RADIUS = 0.45;
// A CSV of 5000 rows is about 100 KB; a file far larger is not one to read into a page.
const MAX_FILE_BYTES = 2 << 20;
const TOOLS = [['0', 'Orange'], ['1', 'Purple'], ['erase', 'Erase']];

// The per-point arrays of own data: coordinates, and labels or targets.
const columns = (data) => ['x', 'y', isRegression(data) ? 'targets' : 'labels'];
const copy = (data) => Object.fromEntries(columns(data).map((key) => [key, data[key].slice()]));

export class DataEditor {
  /**
   * @param {object} row lab.schema's data row (min and max rows)
   * @param {string[]} datasets the preset names ("start from")
   * @param {{apply: (data: object|null, notes: string[]) => void,
   *     sample: (dataset: string) => Promise<object>}} hooks apply: finished edits (own data, or
   *     null for the preset); sample: a preset's points as own data
   */
  constructor(row, datasets, hooks) {
    this.row = row;
    this.hooks = hooks;
    this.applied = null;  // own data as the settings hold it (null: the preset)
    this.draft = null;    // what the editor shows and edits; may be too small to train on
    this.preset = emptyData();
    this.tool = '0';
    this.stroke = null;
    this.canvas = el('canvas', {
      className: 'data-canvas',
      width: String(SIZE),
      height: String(SIZE),
      tabindex: '0',
      role: 'img',
      'aria-label': 'Own data: click to add an orange point, shift-click for purple, drag to ' +
          'paint; keys o, p and e pick orange, purple and erase',
    });
    this.status = el('p', {className: 'data-status', id: 'data-status'});
    this.message = el('p', {className: 'data-message', role: 'status', id: 'data-message'});
    this.tools =
        el('div', {className: 'data-tools', role: 'group', 'aria-label': 'Drawing tool'},
           TOOLS.map(([tool, text]) => {
             const b = el('button', {type: 'button', className: `tool tool-${tool}`, text});
             b.dataset.tool = tool;
             b.addEventListener('click', () => this.setTool(tool));
             return b;
           }));
    const clear =
        el('button', {type: 'button', className: 'secondary', id: 'data-clear', text: 'Clear'});
    clear.addEventListener('click', () => this.commit(emptyData()));
    this.tools.append(clear);
    this.presetSelect =
        el('select', {id: 'data-preset', 'aria-label': 'Dataset to start from'},
           datasets.map((d) => el('option', {value: d, text: d})));
    const start =
        el('button',
           {type: 'button', className: 'secondary', id: 'data-start', text: 'Start from it'});
    start.addEventListener('click', () => this.startFrom(this.presetSelect.value));
    const back =
        el('button',
           {type: 'button', className: 'secondary', id: 'data-back', text: 'Use the preset'});
    back.addEventListener('click', () => this.hooks.apply(null, []));
    this.back = back;
    this.file = el('input', {type: 'file', id: 'data-file', accept: '.csv,text/csv,text/plain'});
    this.file.addEventListener('change', () => this.upload());
    const download =
        el('button',
           {type: 'button', className: 'secondary', id: 'data-download', text: 'Download CSV'});
    download.addEventListener('click', () => this.download());
    this.element = el('div', {className: 'data-editor'}, [
      this.status,
      this.canvas,
      this.tools,
      el('div', {className: 'data-row'},
         [
           el('label',
              {for: 'data-preset', text: 'Start from'
              }),
           this.presetSelect, start
         ]),
      el('div', {className: 'data-row'},
         [
           el('label',
              {for: 'data-file', text: 'Upload CSV'
              }),
           this.file
         ]),
      el('div', {className: 'data-row'}, [download, back]),
      el('small', {
        text: `CSV rows: x,y,label or x,y,target (header optional; ${CSV_KIND_RULE}; targets ` +
            `within ±${row.maxTarget}; up to ${row.max} rows; coordinates in [-${RAW_HALF_WIDTH}, ${
                  RAW_HALF_WIDTH}], larger ones ` +
            'are scaled to fit, all are rounded to 0.01).'
      }),
      this.message,
    ]);
    this.element.show = (value) => this.show(value);
    this.bindPointer();
    this.setTool('0');
  }

  /** Shows the settings' own data (null: the preset, whose points setPreset gives). */
  show(value) {
    // The settings' own data is what the panels train on: shown as such, not as a draft (edits
    // work on a copy, so the settings' object is never changed in place).
    if (value !== this.applied) this.draft = value;
    this.applied = value;
    this.back.disabled = value === null;
    this.render();
  }

  /**
   * The current preset's points in raw units, shown (and edited from) while there is no own data.
   */
  setPreset(points, labels) {
    this.preset = fromFlat(points, labels);
    this.render();
  }

  shown() {
    return this.draft || this.preset;
  }

  setTool(tool) {
    this.tool = tool;
    for (const b of this.tools.querySelectorAll('[data-tool]')) {
      b.setAttribute('aria-pressed', String(b.dataset.tool === tool));
    }
  }

  say(text, alert = false) {
    this.message.textContent = text;
    this.message.classList.toggle('data-error', alert);
  }

  // A finished edit: trained on if core accepts it, else kept as a draft with the reason.
  commit(data, notes = []) {
    this.draft = data;
    const problem = dataProblem(data, this.row);
    this.render();
    if (problem) {
      this.say(`${problem} The panels keep training on the previous data meanwhile.`);
      return;
    }
    const link = data.x.length > MAX_LINK_POINTS ?
        [`${data.x.length} points are more than a link holds (${MAX_LINK_POINTS}): ` +
         'download the CSV to share them.'] :
        [];
    this.say([...notes, ...link].join(' '));
    this.applied = data;
    this.hooks.apply(data, notes);
  }

  // Raw coordinates of a pointer event.
  toRaw(event) {
    const box = this.canvas.getBoundingClientRect();
    const u = (event.clientX - box.left) / box.width;
    const v = (event.clientY - box.top) / box.height;
    return [(2 * u - 1) * RAW_HALF_WIDTH, (1 - 2 * v) * RAW_HALF_WIDTH];
  }

  // Adds or erases at one pointer position; returns whether anything changed.
  edit(data, [x, y], erase, label) {
    if (erase) {
      const before = data.x.length;
      const keep = data.x.map((_, i) => Math.hypot(data.x[i] - x, data.y[i] - y) > ERASE_RADIUS);
      for (const key of columns(data)) data[key] = data[key].filter((_, i) => keep[i]);
      return data.x.length !== before;
    }
    if (data.x.length >= this.row.max) {
      this.say(`At most ${this.row.max} points: erase some to add more.`);
      return false;
    }
    data.x.push(snap(x));
    data.y.push(snap(y));
    data.labels.push(label);
    return true;
  }

  bindPointer() {
    const c = this.canvas;
    c.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      c.setPointerCapture(event.pointerId);
      const erase = this.tool === 'erase';
      if (!erase && isRegression(this.shown())) {
        this.say(
            'These points carry numeric targets (a regression), and drawing adds classes: Erase ' +
            'removes points; Clear or Start from a preset to draw two classes.');
        return;
      }
      // Shift gives the other class than the tool's.
      const label = (this.tool === '1') !== event.shiftKey ? 1 : 0;
      this.stroke = {erase, label, last: this.toRaw(event), data: copy(this.shown())};
      this.edit(this.stroke.data, this.stroke.last, erase, label);
      this.draft = this.stroke.data;
      this.render();
    });
    c.addEventListener('pointermove', (event) => {
      const s = this.stroke;
      if (!s) return;
      const at = this.toRaw(event);
      if (!s.erase && Math.hypot(at[0] - s.last[0], at[1] - s.last[1]) < PAINT_SPACING) return;
      s.last = at;
      if (this.edit(s.data, at, s.erase, s.label)) this.render();
    });
    const end = () => {
      if (!this.stroke) return;
      const {data} = this.stroke;
      this.stroke = null;
      this.commit(data);
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('keydown', (event) => {
      const tool = {o: '0', p: '1', e: 'erase'}[event.key];
      if (!tool || event.ctrlKey || event.metaKey || event.altKey) return;
      this.setTool(tool);
      event.preventDefault();
    });
  }

  async startFrom(dataset) {
    this.commit(await this.hooks.sample(dataset), [`Started from the ${dataset} dataset.`]);
  }

  async upload() {
    const file = this.file.files[0];
    this.file.value = '';
    if (!file) return;
    const name = file.name.length > 40 ? `${file.name.slice(0, 40)}…` : file.name;
    if (file.size > MAX_FILE_BYTES) {
      this.say(
          `${name}: the file is larger than ${MAX_FILE_BYTES >> 20} MB. Your data is ` +
              'unchanged.',
          true);
      return;
    }
    const {data, error, notes} = parseCsv(await file.text(), this.row);
    if (!data) {
      this.say(`${name}: ${error}. Your data is unchanged.`, true);
      return;
    }
    this.commit(data, [`Read ${dataKindText(data)} from ${name}.`, ...notes]);
  }

  download() {
    download(new Blob([toCsv(this.shown())], {type: 'text/csv'}), 'relu-lab-data.csv');
  }

  render() {
    const data = this.shown();
    const ctx = this.canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, SIZE, SIZE);
    ctx.strokeStyle = '#e3e6ea';
    ctx.beginPath();
    ctx.moveTo(SIZE / 2, 0);
    ctx.lineTo(SIZE / 2, SIZE);
    ctx.moveTo(0, SIZE / 2);
    ctx.lineTo(SIZE, SIZE / 2);
    ctx.stroke();
    const scale = SIZE / (2 * RAW_HALF_WIDTH);
    ctx.globalAlpha = this.draft ? 1 : 0.45;  // the preset's points are shown, not yet owned
    // A regression's targets on the panels' diverging scale, symmetric around 0.
    const regression = isRegression(data);
    const most = regression ? data.targets.reduce((m, t) => Math.max(m, Math.abs(t)), 0) : 0;
    const range = [-most || -1, most || 1];
    for (let i = 0; i < data.x.length; ++i) {
      ctx.beginPath();
      ctx.arc(
          (data.x[i] + RAW_HALF_WIDTH) * scale, (RAW_HALF_WIDTH - data.y[i]) * scale, 3, 0,
          2 * Math.PI);
      ctx.fillStyle =
          regression ? targetColor(data.targets[i], range) : CLASS_COLORS[data.labels[i]];
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    const n = data.x.length;
    const counts = dataKindText(data);
    if (this.draft && this.draft !== this.applied)
      this.status.textContent = `Your draft: ${counts}.`;
    else if (this.applied)
      this.status.textContent = `Training on your own data: ${counts}.`;
    else if (n === 0)
      this.status.textContent = 'Training on a preset regression. Draw points to start two ' +
          'classes of your own, or upload a CSV with numeric targets for a regression.';
    else
      this.status.textContent = `Training on the preset: ${counts}. Draw on it to make it yours.`;
    this.canvas.dataset.points = String(n);
    this.canvas.dataset.kind = regression ? 'regression' : 'classes';
  }
}

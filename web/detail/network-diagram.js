// The network diagram's weights and hover: links coloured by sign and as wide as their
// magnitude, a bias square at each unit, hit-testing a click or hover, an enlarged copy of the
// unit map under the pointer, and the form that edits one weight or bias (the trainer checks the
// value; its error is shown beside the field). Drawing the unit maps and laying out the columns
// is detail-view.js's job.
import {CLASS_COLORS} from '../panels/field-canvas.js';

// Negative weights orange, positive purple: the field's own colours for below and above 0.
const [NEGATIVE, POSITIVE] = CLASS_COLORS;
const MAX_WIDTH = 6;  // px of the largest |weight| of a layer
const BIAS = 11;      // side of a bias square, px
const HIT = 5;        // px from a link that still counts as on it

// Where link (layer, unit, input) starts and ends: from the right edge of its input's map to
// the left edge of its unit's map, at mid-height. pos[column][unit] = {x, y}; column 0 holds
// the inputs, column layer + 1 the units of `layer`.
function ends(pos, map, layer, unit, input) {
  const a = pos[layer][input], b = pos[layer + 1][unit];
  return [a.x + map, a.y + map / 2, b.x, b.y + map / 2];
}

// The bias square of unit `unit` of `layer`: left of its map's lower corner, clear of the
// links (which arrive at mid-height) and of the map's own marks.
function biasBox(pos, map, layer, unit) {
  const p = pos[layer + 1][unit];
  return {x: p.x - BIAS - 3, y: p.y + map - BIAS};
}

const largest = (values) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;

/** Draws every link of `model` (arena.model()'s layers) under the maps; grey without one. */
export function drawLinks(ctx, pos, map, model) {
  pos.slice(1).forEach((column, l) => column.forEach((_, unit) => {
    pos[l].forEach((__, input) => {
      const W = model?.layers[l].W;
      const w = W ? W[unit][input] : 0;
      const scale = W ? largest(W.flat()) : 1;
      const [x1, y1, x2, y2] = ends(pos, map, l, unit, input);
      ctx.strokeStyle = !W ? '#c8c8c8' : w < 0 ? NEGATIVE : POSITIVE;
      ctx.globalAlpha = W ? 0.35 + 0.65 * Math.abs(w) / scale : 1;
      ctx.lineWidth = W ? Math.max(0.5, (MAX_WIDTH * Math.abs(w)) / scale) : 1;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
    });
  }));
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
}

/** Draws each unit's bias as a small square over its map's corner (colour as the links). */
export function drawBiases(ctx, pos, map, model) {
  if (!model) return;
  model.layers.forEach((layer, l) => {
    const scale = largest(layer.b);
    layer.b.forEach((b, unit) => {
      const {x, y} = biasBox(pos, map, l, unit);
      ctx.fillStyle = b < 0 ? NEGATIVE : POSITIVE;
      ctx.globalAlpha = 0.25 + 0.75 * Math.abs(b) / scale;
      ctx.fillRect(x, y, BIAS, BIAS);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = '#333333';
      ctx.strokeRect(x + 0.5, y + 0.5, BIAS - 1, BIAS - 1);
    });
  });
}

/**
 * @returns {{layer: number, unit: number, input?: number}|null} the bias square or link under
 *     canvas point (x, y) (input is absent for a bias), the nearest link within HIT px.
 */
export function hitTest(pos, map, model, x, y) {
  if (!model) return null;
  let best = null, bestDistance = HIT;
  model.layers.forEach((layer, l) => layer.b.forEach((_, unit) => {
    const box = biasBox(pos, map, l, unit);
    if (x >= box.x - 2 && x <= box.x + BIAS + 2 && y >= box.y - 2 && y <= box.y + BIAS + 2) {
      best = {layer: l, unit};
      bestDistance = -1;
    }
    if (bestDistance < 0) return;
    pos[l].forEach((__, input) => {
      const [x1, y1, x2, y2] = ends(pos, map, l, unit, input);
      const dx = x2 - x1, dy = y2 - y1;
      const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
      const d = Math.hypot(x - x1 - t * dx, y - y1 - t * dy);
      if (d < bestDistance) {
        best = {layer: l, unit, input};
        bestDistance = d;
      }
    });
  }));
  return best;
}

// "hidden 2 unit 3", "output", "input x1sq".
function unitName(layer, unit, layerCount) {
  if (layer === layerCount - 1) return 'output';
  return `hidden ${layer + 1} unit ${unit + 1}`;
}
function inputName(layer, input, layerCount, features) {
  return layer === 0 ? `input ${features[input]}` : unitName(layer - 1, input, layerCount);
}

/**
 * @returns {string} "weight from input x1 to hidden 1 unit 3" or "bias of output" in `model` (a
 *     model file: its inputs are its "features", by default the raw x1 and x2)
 */
export function paramName(ref, model) {
  const count = model.layers.length;
  const to = unitName(ref.layer, ref.unit, count);
  const features = model.features ?? ['x1', 'x2'];
  return ref.input === undefined ?
      `bias of ${to}` :
      `weight from ${inputName(ref.layer, ref.input, count, features)} to ${to}`;
}

/** @returns {number} the value of ref in model. */
export function paramValue(model, ref) {
  const layer = model.layers[ref.layer];
  return ref.input === undefined ? layer.b[ref.unit] : layer.W[ref.unit][ref.input];
}

/**
 * The edit form under the diagram: a list of every weight and bias (so the keyboard reaches
 * them all), the value, and the trainer's answer.
 */
export class WeightEditor {
  /**
   * @param {HTMLElement} after the form is inserted after this element
   * @param {(ref: object, value: number) => boolean} onEdit asks for the edit; true if that
   *     paused the run (an edit made while playing would be trained away at once)
   */
  constructor(after, onEdit) {
    this.form = document.createElement('form');
    this.form.className = 'weight-editor';
    this.form.innerHTML = '<label>Edit <select class="weight-which"></select></label> ' +
        '<label>value <input class="weight-value" type="text" inputmode="decimal" ' +
        'size="9" autocomplete="off"></label> <button type="submit">Set</button> ' +
        '<output class="weight-answer" aria-live="polite"></output>';
    after.after(this.form);
    this.which = this.form.querySelector('.weight-which');
    this.value = this.form.querySelector('.weight-value');
    this.answer = this.form.querySelector('.weight-answer');
    this.refs = [];
    this.model = null;
    this.pausedForEdit = false;
    this.which.addEventListener('change', () => this.showValue());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const ref = this.refs[this.which.selectedIndex];
      const text = this.value.value.trim();
      const value = Number(text);
      if (!ref) return;
      if (text === '' || !Number.isFinite(value)) {
        this.say(`"${text}" is not a number: type one such as -0.5 or 1.2e-3.`, true);
        return;
      }
      this.say('Setting…', false);
      this.pausedForEdit = onEdit(ref, value);
    });
  }

  say(text, isError) {
    this.answer.textContent = text;
    this.answer.classList.toggle('weight-error', isError);
  }

  /** Lists the parameters of `model` (once per network shape) and keeps the selection. */
  setModel(model) {
    this.model = model;
    this.form.hidden = !model;
    if (!model) return;
    const key = `${model.features ?? ''};${
        model.layers.map((l) => `${l.W.length}x${l.W[0]?.length}`).join(',')}`;
    if (key !== this.key) {
      this.key = key;
      this.refs = model.layers.flatMap(
          (layer, l) => layer.W.flatMap(
              (row, unit) =>
                  [...row.map((_, input) => ({layer: l, unit, input})),
                   {layer: l, unit},
      ]));
      this.which.replaceChildren(...this.refs.map((ref) => {
        const option = document.createElement('option');
        option.textContent = paramName(ref, model);
        return option;
      }));
    }
    this.showValue();
  }

  // The selected parameter's current value in the field, unless the reader is typing there.
  showValue() {
    const ref = this.refs[this.which.selectedIndex];
    if (ref && this.model && document.activeElement !== this.value) {
      this.value.value = String(Number(paramValue(this.model, ref).toPrecision(4)));
    }
  }

  /** Selects ref (a click on the diagram) and puts the cursor in the value field. */
  select(ref) {
    const i = this.refs.findIndex(
        (r) => r.layer === ref.layer && r.unit === ref.unit && r.input === ref.input);
    if (i < 0) return;
    this.which.selectedIndex = i;
    this.value.blur();
    this.showValue();
    this.say('', false);
    this.value.focus();
    this.value.select();
  }

  /** The trainer's answer to the last edit: "" (done) or its error. */
  edited(error) {
    if (error) {
      this.say(error.replace(/^arena\.set(Weight|Bias): /, ''), true);
    } else {
      this.say(
          this.pausedForEdit ?
              'Set, and training paused so that the edit stays: Play trains on from it.' :
              'Set: the network trains on from the edited value.',
          false);
    }
  }
}

const ZOOM = 180;  // px of an enlarged unit map

/** An enlarged copy of the unit map under the pointer, beside it, kept fresh every frame. */
export class UnitZoom {
  /** @param {HTMLElement} box the diagram's (positioned) container */
  constructor(box) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'unit-zoom';
    this.canvas.width = this.canvas.height = ZOOM;
    this.canvas.setAttribute('aria-hidden', 'true');  // the maps' pointer-only enlargement
    this.canvas.hidden = true;
    box.append(this.canvas);
    this.at = null;  // [column, unit] under the pointer
  }

  /** Follows the pointer at canvas point (x, y) over maps laid out at pos (MAP px each). */
  hover(pos, maps, map, x, y) {
    this.at = null;
    pos.forEach((column, c) => column.forEach((p, u) => {
      if (c > 0 && x >= p.x && x <= p.x + map && y >= p.y && y <= p.y + map) this.at = [c, u];
    }));
    this.show(pos, maps, map);
  }

  /** Redraws the enlarged map (after a new frame), or hides it when no unit is hovered. */
  show(pos, maps, map) {
    const canvas = this.canvas;
    canvas.hidden = !this.at;
    if (!this.at) return;
    const [c, u] = this.at;
    const p = pos[c][u];
    // Right of the unit, or left of it where the diagram ends.
    const right = p.x + map + 10 + ZOOM <= canvas.parentElement.scrollWidth;
    canvas.style.left = `${right ? p.x + map + 10 : p.x - ZOOM - 10}px`;
    canvas.style.top = `${Math.max(0, p.y + map / 2 - ZOOM / 2)}px`;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(maps[c][u], 0, 0, ZOOM, ZOOM);
    ctx.strokeStyle = '#333333';
    ctx.strokeRect(0.5, 0.5, ZOOM - 1, ZOOM - 1);
  }

  hide() {
    this.at = null;
    this.canvas.hidden = true;
  }
}

// One panel: an activation's decision field with its points, its name and parameters and its
// live numbers, mirrored in data attributes (data-epoch, data-test-accuracy, ...) for scripts.
import {el, setAttr, setText} from '../common/dom.js';
import {percent, score} from '../common/format.js';

import {FieldCanvas} from './field-canvas.js';

const CANVAS_SIZE = 320;

/**
 * Series colours, one per panel, shared with the charts: Okabe-Ito's hues, then Tableau's,
 * darkened where needed so each has at least 3.5:1 contrast on white and on the page's #f6f7f9
 * (the light ones were 1.3-2.9:1). Colour alone does not tell them apart: see PANEL_DASHES.
 */
export const PANEL_COLORS = Object.freeze([
  '#0072b2', '#b86e00', '#00855f', '#b0578d', '#2a86c2', '#d55e00', '#8f7d00', '#000000', '#767676',
  '#8c564b', '#0f8599', '#7c7d00'
]);
/** Line dash per panel (CSS px, [] solid), so series differ without colour too. */
export const PANEL_DASHES = Object.freeze([
  [], [10, 4], [2, 3], [10, 3, 2, 3], [5, 5], [14, 4, 2, 4], [2, 6], [10, 3, 2, 3, 2, 3], [16, 6],
  [6, 3, 6, 8], [1, 3, 6, 3], [12, 3, 12, 3, 2, 3]
].map(Object.freeze));

/** @returns {string} the panel's title: its label if one was given, else the display name. */
export function panelTitle({activation, label}, names) {
  return label !== activation ? label : names.get(activation);
}

/** @returns {string} e.g. "slope 0.2" or "" for an activation without parameters. */
export function paramsText({params}) {
  return Object.entries(params).map(([key, value]) => `${key} ${value}`).join(', ');
}

/** @returns {string} a loss with 3 significant digits, in scientific notation when tiny or huge. */
export function lossText(x) {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  if (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4) return String(Number(x.toPrecision(3)));
  return x.toExponential(2).replace('e+', 'e');
}

// Fits a stat cell: 0.25, -3.10, 4.2e9, — for NaN/inf (a diverged network).
function shortNumber(x) {
  if (!Number.isFinite(x)) return '—';
  return Math.abs(x) < 1000 ? x.toFixed(2) : x.toExponential(1).replace('e+', 'e');
}

// One number per hidden layer (its mean alpha when there is one per unit): "0.07 / 0.58".
function alphaText(alphas) {
  return alphas.map((layer) => shortNumber(layer.reduce((sum, a) => sum + a, 0) / layer.length))
      .join(' / ');
}

export class Panel {
  /**
   * @param {{activation: string, params: object, label: string}} panel as the arena reports it
   * @param {number} index position in the arena
   * @param {string} title the name shown (see panelTitle)
   * @param {{local?: boolean}} [options] local false: a worker draws the field (handOver())
   */
  constructor(panel, index, title, {local = true} = {}) {
    this.panel = panel;
    this.index = index;
    const root = el('article', {className: 'panel'});
    root.dataset.activation = panel.activation;
    root.dataset.index = String(index);
    root.dataset.diverged = 'false';
    const header = el('header', {className: 'panel-header'});
    const swatch = el('span', {className: 'swatch'});
    swatch.style.backgroundColor = PANEL_COLORS[index % PANEL_COLORS.length];
    // The title is the panel's button (Enter and Space open the detail view); a click anywhere
    // on the panel does the same.
    const heading = el('h3', {className: 'panel-name'});
    this.button = el('button', {className: 'panel-open', text: title});
    this.button.type = 'button';
    this.button.title = `${title}: open the network's details`;
    heading.append(this.button);
    header.append(
        swatch, heading, el('span', {className: 'panel-params', text: paramsText(panel)}));
    const figure = el('div', {className: 'panel-field'});
    this.canvas = el('canvas');
    this.canvas.width = this.canvas.height = CANVAS_SIZE;
    this.canvas.setAttribute('role', 'img');
    this.title = title;
    this.canvas.setAttribute('aria-label', `decision field of ${title}`);
    this.badge = el('div', {className: 'panel-badge'});
    this.badge.hidden = true;
    figure.append(this.canvas, this.badge);
    this.stats = el('dl', {className: 'panel-stats'});
    this.values = {};
    const rows = [
      ['acc', 'test accuracy'], ['loss', 'loss'], ['dead', 'dead units'],
      ['sparsity', 'zero outputs'], ['epoch', 'epoch']
    ];
    if (panel.activation === 'prelu') rows.push(['alpha', 'alpha per layer']);
    for (const [key, label] of rows) {
      const row = el('div', {className: `stat stat-${key}`});
      if (key === 'loss') this.lossRow = row;
      if (key === 'sparsity') row.title = 'fraction of hidden outputs that are exactly 0';
      if (key === 'dead') row.title = 'hidden units with zero gradient on every training point';
      this.values[key] = el('dd', {text: '–'});
      const term = el('dt', {text: label});
      if (key === 'acc') this.scoreLabel = term;
      row.append(term, this.values[key]);
      this.stats.append(row);
    }
    root.append(header, figure, this.stats);
    this.root = root;
    // null once a worker draws the field: the canvas is then only the worker's to draw in.
    this.field = local ? new FieldCanvas(this.canvas) : null;
  }

  /** @returns {OffscreenCanvas} the canvas, for the worker that draws this panel's field */
  handOver() {
    return this.canvas.transferControlToOffscreen();
  }

  /** Updates the numbers and data attributes from one metrics record (arena.metrics()). */
  setMetrics(m) {
    const d = this.root.dataset;
    d.epoch = String(m.epoch);
    d.testAccuracy = String(m.testAccuracy);
    d.r2 = String(m.r2);
    const {label, text} = score(m);
    d.score = `${label} ${text}`;
    // A regression (accuracy null) shows R² and its loss is the mean squared error.
    const regression = m.testAccuracy === null;
    setText(this.scoreLabel, label);
    setAttr(
        this.canvas, 'aria-label',
        `${regression ? 'output surface' : 'decision field'} of ${this.title}`);
    setAttr(
        this.lossRow, 'title',
        regression ? 'mean squared error on the training / test points' :
                     'binary cross-entropy on the training / test points');
    d.testLoss = String(m.testLoss);
    d.trainLoss = String(m.trainLoss);
    d.deadUnits = String(m.deadUnits);
    d.units = String(m.units);
    d.diverged = String(m.diverged);
    // A diverged network stopped in epoch divergedAt: its epoch row and its badge say so alike.
    setText(this.values.epoch, m.diverged ? `stopped in ${m.divergedAt}` : String(m.epoch));
    setText(this.values.acc, m.diverged ? '—' : text);
    setText(this.values.loss, `${lossText(m.trainLoss)} / ${lossText(m.testLoss)}`);
    setText(this.values.dead, `${m.deadUnits} / ${m.units}`);
    this.values.dead.classList.toggle('warn', m.deadUnits > 0);
    setText(this.values.sparsity, percent(m.sparsity));
    if (this.values.alpha) setText(this.values.alpha, alphaText(m.alphas));
    this.root.classList.toggle('diverged', m.diverged);
    this.badge.hidden = !m.diverged;
    if (m.diverged) {
      this.badge.textContent = `Diverged in epoch ${m.divergedAt}: its loss or weights became ` +
          'NaN or infinite, so it stopped; the others go on.';
    }
  }

  /** Draws the field (see FieldCanvas.draw for the frame's fields), unless a worker does. */
  draw(frame) {
    this.field?.draw(frame);
  }
}

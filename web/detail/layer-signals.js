// The per-layer signals of the panel the detail view shows, as small bars per layer updated with
// every frame: mean activation (signed, around zero), the share of non-zero outputs, and the
// weight-gradient norm (log scale, output layer included). Numbers from metrics(); core defines
// them.
import {el} from '../common/dom.js';
import {percent} from '../common/format.js';

// Mean activations are drawn on a fixed ±1 scale, so panels compare at a glance; a larger mean
// fills its half and its number says how large.
const MEAN_SCALE = 1;
// Gradient bars span this many factors of ten below the largest layer's norm.
const DECADES = 4;

// The rows of each section drawn, kept between frames so a frame only moves bars.
const drawn = new WeakMap();

// Three significant digits; tiny gradients in exponent form, so a column stays narrow.
function number(x) {
  if (!Number.isFinite(x)) return '—';
  return x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

function barCell(className) {
  const bar = el('span', {className: `layer-bar ${className}`});
  const value = el('span', {className: 'layer-value'});
  return {cell: el('td', {}, [el('span', {className: 'layer-track'}, [bar]), value]), bar, value};
}

function row(name) {
  const cells = [barCell('mean'), barCell('active'), barCell('grad')];
  return {
    node: el('tr', {}, [el('th', {scope: 'row', text: name}), ...cells.map((c) => c.cell)]),
    cells
  };
}

function section(host) {
  let box = host.querySelector('.layer-signals');
  if (box) return box;
  box = el('section', {className: 'layer-signals'}, [
    el('h3', {text: 'Each layer now'}),
    el('p', {
      className: 'hint',
      text: 'Over the training points: the mean output of each hidden layer (bar from the ' +
          'middle, ±1 at the ends), the share of outputs that are not exactly zero, and the ' +
          'norm of the layer\'s weight gradient over the last epoch (log scale, each factor of ' +
          'ten a quarter of the bar; before training, the gradient of the initial weights). A ' +
          'first layer whose gradient is a tiny fraction of the output layer\'s hardly learns.',
    }),
    el('table', {className: 'layer-signals-table'},
       [
         el('thead', {}, [el('tr', {},
                             ['layer', 'mean', 'non-zero', 'gradient'].map(
                                 (h) => el('th', {scope: 'col', text: h})))]),
         el('tbody'),
       ]),
  ]);
  host.append(box);
  return box;
}

/**
 * Draws metrics `m` (one network's metrics()) into a section it keeps inside `host`.
 * @param {HTMLElement} host
 * @param {{meanActivation: number[], activeFraction: number[], gradNormPerLayer: number[]}} m
 */
export function drawLayerSignals(host, m) {
  const box = section(host);
  const body = box.querySelector('tbody');
  const layers = m.meanActivation.length;
  const names = [...m.meanActivation.map((_, l) => String(l + 1)), 'output'];
  let rows = drawn.get(box);
  if (rows?.length !== names.length) {
    rows = names.map(row);
    drawn.set(box, rows);
    body.replaceChildren(...rows.map((r) => r.node));
  }
  const top = Math.max(...m.gradNormPerLayer.filter(Number.isFinite), 0);
  names.forEach((name, l) => {
    const [mean, active, grad] = rows[l].cells;
    if (l < layers) {
      const a = m.meanActivation[l];
      const half = Math.min(1, Math.abs(a) / MEAN_SCALE) * 50;
      mean.bar.style.left = `${a < 0 ? 50 - half : 50}%`;
      mean.bar.style.width = `${Number.isFinite(a) ? half : 0}%`;
      mean.value.textContent = number(a);
      active.bar.style.width = percent(m.activeFraction[l]).replace('—', '0%');
      active.value.textContent = percent(m.activeFraction[l], 0);
    } else {
      // The output layer is the logit: no activation to average.
      for (const c of [mean, active]) {
        c.bar.style.width = '0%';
        c.value.textContent = '—';
      }
    }
    const g = m.gradNormPerLayer[l];
    const fill = top > 0 && g > 0 ? Math.max(0, 1 + Math.log10(g / top) / DECADES) : 0;
    grad.bar.style.width = `${(fill * 100).toFixed(1)}%`;
    grad.value.textContent = number(g);
  });
  box.dataset.epoch = String(m.epoch);
  box.dataset.ratio = number(m.gradNormPerLayer[0] / m.gradNormPerLayer.at(-1));
}

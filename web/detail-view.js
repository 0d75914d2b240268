// The detail view of one panel: its network drawn with a feature map per hidden unit (dead units
// crossed out), the activation and its derivative, the PReLU alpha trajectory and its losses.
import {CLASS_COLORS, fieldToImage} from './field-canvas.js';
import {lineChart} from './loss-chart.js';
import {DISPLAY_NAMES, paramsText} from './panel.js';

const MAP = 60;  // feature map size in canvas pixels
const GAP_Y = 12;
const COL_W = 150;
const PAD = 24;

// A unit's outputs scaled to [0, 1] around 0 (0.5 = zero), so the diverging palette shows sign.
function normalise(values) {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; ++i) out[i] = max > 0 ? 0.5 + 0.5 * values[i] / max : 0.5;
  return {out};
}

function mapCanvas(values, res) {
  const c = new OffscreenCanvas(res, res);
  const image = new ImageData(res, res);
  fieldToImage(image, values, false);
  c.getContext('2d').putImageData(image, 0, 0);
  return c;
}

// Input maps: x1 grows to the right, x2 upwards (the same picture TF Playground shows).
function inputMap(res, axis) {
  const v = new Float32Array(res * res);
  for (let r = 0; r < res; ++r) {
    for (let c = 0; c < res; ++c) v[r * res + c] = axis === 0 ? c / (res - 1) : 1 - r / (res - 1);
  }
  return v;
}

/** Draws the network: inputs, one map per hidden unit, the output field; returns dead counts. */
function drawNetwork(canvas, detail, outputField, outputRes) {
  const columns = [
    [inputMap(detail.resolution, 0), inputMap(detail.resolution, 1)].map((v) => ({v, flat: false})),
    ...detail.units.map((layer) => layer.map(({values, silent}) => {
      const {out} = normalise(values);
      return {v: out, flat: silent};
    })),
    [{v: outputField, flat: false, res: outputRes}],
  ];
  const tallest = Math.max(...columns.map((c) => c.length));
  canvas.width = PAD * 2 + (columns.length - 1) * COL_W + MAP;
  canvas.height = PAD * 2 + tallest * (MAP + GAP_Y) + 14;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const pos = columns.map(
      (col, ci) =>
          col.map((_, ui) => ({
                    x: PAD + ci * COL_W,
                    y: PAD + 14 + (tallest - col.length) * (MAP + GAP_Y) / 2 + ui * (MAP + GAP_Y),
                  })));
  ctx.strokeStyle = '#c8c8c8';
  ctx.lineWidth = 1;
  for (let ci = 1; ci < columns.length; ++ci) {
    for (const a of pos[ci - 1]) {
      for (const b of pos[ci]) {
        ctx.beginPath();
        ctx.moveTo(a.x + MAP, a.y + MAP / 2);
        ctx.lineTo(b.x, b.y + MAP / 2);
        ctx.stroke();
      }
    }
  }
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = '#333333';
  const titles = ['inputs', ...detail.units.map((_, i) => `hidden ${i + 1}`), 'output'];
  titles.forEach((t, ci) => ctx.fillText(t, pos[ci][0].x, PAD));
  const dead = [];
  columns.forEach((col, ci) => col.forEach((unit, ui) => {
    const {x, y} = pos[ci][ui];
    ctx.drawImage(mapCanvas(unit.v, unit.res || detail.resolution), x, y, MAP, MAP);
    ctx.strokeStyle = '#666666';
    ctx.strokeRect(x + 0.5, y + 0.5, MAP - 1, MAP - 1);
    const hidden = ci > 0 && ci < columns.length - 1;
    if (hidden && unit.flat) {
      dead.push(`${ci}.${ui + 1}`);
      ctx.strokeStyle = '#d00000';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(x + 4, y + 4);
      ctx.lineTo(x + MAP - 4, y + MAP - 4);
      ctx.moveTo(x + MAP - 4, y + 4);
      ctx.lineTo(x + 4, y + MAP - 4);
      ctx.stroke();
      ctx.lineWidth = 1;
    }
  }));
  ctx.fillText('x1', pos[0][0].x - 18, pos[0][0].y + MAP / 2 + 4);
  ctx.fillText('x2', pos[0][1].x - 18, pos[0][1].y + MAP / 2 + 4);
  return dead;
}

export class DetailView {
  /**
   * @param {HTMLDialogElement} dialog the static markup from index.html
   * @param {{onClose: Function, onSave: Function}} hooks
   */
  constructor(dialog, {onClose, onSave}) {
    this.dialog = dialog;
    this.index = -1;
    this.charts = [];
    this.q = (sel) => dialog.querySelector(sel);
    this.q('.detail-close').addEventListener('click', () => dialog.close());
    this.q('.detail-save').addEventListener('click', () => onSave(this.index));
    dialog.addEventListener('close', () => {
      this.index = -1;
      for (const chart of this.charts) {
        chart.stopObserving();
        chart.destroy();
      }
      this.charts = [];
      onClose();
    });
  }

  /** Opens the view for panel `index` with its activation ({name, params}). */
  open(index, activation) {
    this.index = index;
    this.activation = activation;
    this.q('.detail-title').textContent = DISPLAY_NAMES[activation.name] || activation.name;
    this.q('.detail-params').textContent = paramsText(activation);
    this.q('.detail-alpha').hidden = activation.name !== 'prelu';
    if (!this.dialog.open) this.dialog.showModal();
    const name = this.q('.detail-title').textContent;
    this.curveChart = lineChart(this.q('.detail-curve'), {
      series: [
        {
          label: activation.name === 'prelu' ? `${name}, layer 1's alpha` : name,
          color: CLASS_COLORS[1]
        },
        {label: 'derivative', color: CLASS_COLORS[0]},
      ],
      height: 200,
      xLabel: 'x',
    });
    this.lossChart = lineChart(this.q('.detail-loss'), {
      series: [
        {label: 'train loss', color: '#777777', dash: [6, 4]},
        {label: 'test loss', color: CLASS_COLORS[1]}
      ],
      logY: true,
      height: 200,
      xLabel: 'epoch',
    });
    this.charts = [this.curveChart, this.lossChart];
    this.alphaChart = null;
  }

  // The alpha chart needs the number of layers, known from the first recorded sample.
  alphaChartFor(columns) {
    if (this.activation.name !== 'prelu' || !columns.length) return null;
    if (!this.alphaChart) {
      const colors = [CLASS_COLORS[1], CLASS_COLORS[0], '#009e73', '#0072b2', '#cc79a7', '#555555'];
      this.alphaChart = lineChart(this.q('.detail-alpha-chart'), {
        series:
            columns.map((_, l) => ({label: `layer ${l + 1}`, color: colors[l % colors.length]})),
        height: 180,
        xLabel: 'epoch',
      });
      this.charts.push(this.alphaChart);
    }
    return this.alphaChart;
  }

  /** Redraws from a worker frame (with .detail) and the history of all panels. */
  update(frame, history) {
    const detail = frame.detail;
    if (this.index < 0 || !detail || detail.index !== this.index) return;
    const i = this.index;
    const m = frame.metrics[i];
    const dead = drawNetwork(this.q('.detail-network'), detail, frame.fields[i], frame.resolution);
    const facts = [
      `epoch ${m.epoch}`, `test accuracy ${(100 * m.testAccuracy).toFixed(1)}%`,
      `dead units ${m.deadUnits} / ${m.units} (on the training points)`
    ];
    if (dead.length) facts.push(`crossed out: ${dead.length} units silent on every training point`);
    if (m.diverged) facts.push('diverged: training stopped');
    this.q('.detail-facts').textContent = facts.join(' · ');
    const c = detail.curves;
    this.curveChart.setData([Array.from(c.x), Array.from(c.y), Array.from(c.dydx)]);
    const p = history.panels[i];
    const positive = (v) => (v > 0 ? v : null);
    this.lossChart.setData([history.epochs, p.train.map(positive), p.test.map(positive)]);
    const alphaChart = this.alphaChartFor(p.alpha);
    if (alphaChart) alphaChart.setData([history.epochs, ...p.alpha]);
  }

  /** @returns {HTMLCanvasElement} the network drawing (for a PNG). */
  networkCanvas() {
    return this.q('.detail-network');
  }
}

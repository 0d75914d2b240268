// The detail view of one panel: its network drawn with a feature map per hidden unit (the units
// core reports dead crossed out), the activation and its derivative, PReLU's alphas and losses,
// and when each unit died or revived.
import {score} from '../common/format.js';
import {FEATURE_LOOKS, featureValues} from '../common/input-features.js';
import {CLASS_COLORS, fieldToImage, scalePosition} from '../panels/field-canvas.js';
import {lineChart} from '../panels/line-chart.js';
import {paramsText} from '../panels/panel.js';

import {drawLayerSignals} from './layer-signals.js';
import {drawBiases, drawLinks, hitTest, paramName, paramValue, UnitZoom, WeightEditor} from './network-diagram.js';
import {drawLife} from './unit-life.js';

const MAP = 60;  // feature map size in canvas pixels
const GAP_Y = 12;
const COL_W = 150;
const PAD = 24;
const INPUT_LABEL = 44;  // room left of the input column for its feature names

// A unit's outputs scaled to [0, 1] around 0 (0.5 = zero), so the diverging palette shows sign.
// A diverged network has no maps (null): they stay null and are drawn grey.
function normalise(values) {
  if (!values) return {out: null};
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; ++i) out[i] = max > 0 ? 0.5 + 0.5 * values[i] / max : 0.5;
  return {out};
}

// Values as positions on the scale `range` (field-canvas's); null stays null (diverged).
function scaled(values, range) {
  return values && values.map((v) => scalePosition(v, range));
}

function mapCanvas(values, res) {
  const c = new OffscreenCanvas(res, res);
  if (!values) {
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#d4d4d4';
    ctx.fillRect(0, 0, res, res);
    return c;
  }
  const image = new ImageData(res, res);
  fieldToImage(image, values, false);
  c.getContext('2d').putImageData(image, 0, 0);
  return c;
}

// Input maps: x1 grows to the right, x2 upwards (the same picture TF Playground shows).
// Crosses out a unit's map.
function cross(ctx, x, y) {
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

// Tags a dead unit that still outputs something somewhere on the plane.
function tagLiveElsewhere(ctx, x, y) {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x + 2, y + MAP - 16, 30, 14);
  ctx.fillStyle = '#8a3b00';
  ctx.fillText('≠ 0', x + 5, y + MAP - 5);
  ctx.fillStyle = '#333333';
}

/**
 * Draws the network: inputs, one map per hidden unit (crossed out where deadMask says so, tagged
 * where such a unit is not silent on the plane), the output field, the weights as links and the
 * biases. Returns the maps' positions and canvases, [column][unit], for hit-testing and zoom.
 */
function drawNetwork(canvas, detail, outputField, outputRes, deadMask) {
  const columns = [
    detail.features.map((name) => ({v: featureValues(name, detail.resolution, detail.halfWidth)})),
    ...detail.units.map((layer, l) => layer.map((values, u) => ({
                                                  v: normalise(values).out,
                                                  dead: deadMask[l][u],
                                                  elsewhere: !detail.activity[l][u].silentDomain,
                                                }))),
    // A regression's output on the panels' value scale, else its probability.
    [{v: detail.range ? scaled(outputField, detail.range) : outputField, res: outputRes}],
  ];
  const tallest = Math.max(...columns.map((c) => c.length));
  canvas.width = PAD * 2 + INPUT_LABEL + (columns.length - 1) * COL_W + MAP;
  canvas.height = PAD * 2 + tallest * (MAP + GAP_Y) + 14;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const pos = columns.map(
      (col, ci) =>
          col.map((_, ui) => ({
                    x: PAD + INPUT_LABEL + ci * COL_W,
                    y: PAD + 14 + (tallest - col.length) * (MAP + GAP_Y) / 2 + ui * (MAP + GAP_Y),
                  })));
  drawLinks(ctx, pos, MAP, detail.model);
  const maps = columns.map(() => []);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = '#333333';
  const titles = ['inputs', ...detail.units.map((_, i) => `hidden ${i + 1}`), 'output'];
  titles.forEach((t, ci) => ctx.fillText(t, pos[ci][0].x, PAD));
  columns.forEach((col, ci) => col.forEach((unit, ui) => {
    const {x, y} = pos[ci][ui];
    maps[ci][ui] = mapCanvas(unit.v, unit.res || detail.resolution);
    ctx.drawImage(maps[ci][ui], x, y, MAP, MAP);
    ctx.strokeStyle = '#666666';
    ctx.strokeRect(x + 0.5, y + 0.5, MAP - 1, MAP - 1);
    if (unit.dead) cross(ctx, x, y);
    if (unit.dead && unit.elsewhere) tagLiveElsewhere(ctx, x, y);
  }));
  drawBiases(ctx, pos, MAP, detail.model);
  ctx.fillStyle = '#333333';
  ctx.textAlign = 'right';
  detail.features.forEach(
      (name, i) =>
          ctx.fillText(FEATURE_LOOKS[name].label, pos[0][i].x - 4, pos[0][i].y + MAP / 2 + 4));
  ctx.textAlign = 'left';
  return {pos, maps};
}

// "layer 1 unit 6" for every [layer][unit] where test(layer, unit) holds.
function unitNames(mask, test) {
  const names = [];
  mask.forEach((layer, l) => layer.forEach((_, u) => {
    if (test(l, u)) names.push(`layer ${l + 1} unit ${u + 1}`);
  }));
  return names;
}

export class DetailView {
  /**
   * @param {HTMLDialogElement} dialog the static markup from index.html
   * @param {{onClose: Function, onSave: Function, onEdit: Function}} hooks onEdit(index, ref,
   *     value) asks the trainer to set a weight or bias and says whether that paused the run;
   *     edited() brings its answer
   */
  constructor(dialog, {onClose, onSave, onEdit}) {
    this.dialog = dialog;
    this.index = -1;
    this.charts = [];
    this.q = (sel) => dialog.querySelector(sel);
    this.pos = null;
    this.model = null;
    this.editor =
        new WeightEditor(this.q('.network-scroll'), (ref, value) => onEdit(this.index, ref, value));
    const canvas = this.q('.detail-network');
    const at = (event) => hitTest(this.pos, MAP, this.model, event.offsetX, event.offsetY);
    canvas.addEventListener('click', (event) => {
      const ref = at(event);
      if (ref) this.editor.select(ref);
    });
    this.zoom = new UnitZoom(this.q('.network-scroll'));
    canvas.addEventListener('mouseleave', () => this.zoom.hide());
    canvas.addEventListener('mousemove', (event) => {
      if (this.pos) this.zoom.hover(this.pos, this.maps, MAP, event.offsetX, event.offsetY);
      const ref = at(event);
      canvas.title = ref ?
          `${paramName(ref, this.model)}: ${
              Number(paramValue(this.model, ref).toPrecision(4))} (click to edit)` :
          '';
    });
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

  /** Opens the view for panel `index` ({activation, params, label}) titled `title`. */
  open(index, panel, title) {
    this.index = index;
    this.panel = panel;
    this.q('.detail-title').textContent = title;
    this.q('.detail-params').textContent = paramsText(panel);
    this.q('.detail-alpha').hidden = panel.activation !== 'prelu';
    this.q('.detail-units').textContent = '';
    if (!this.dialog.open) this.dialog.showModal();
    this.curveChart = lineChart(this.q('.detail-curve'), {
      series: [
        {
          label: panel.activation === 'prelu' ? `${title}, layer 1's alpha` : title,
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
    if (this.panel.activation !== 'prelu' || !columns.length) return null;
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
    ({pos: this.pos, maps: this.maps} = drawNetwork(
         this.q('.detail-network'), detail, frame.fields[i], frame.resolution, m.deadMask));
    this.zoom.show(this.pos, this.maps, MAP);
    this.model = detail.model;
    this.editor.setModel(detail.model);
    const dead = unitNames(m.deadMask, (l, u) => m.deadMask[l][u]);
    const elsewhere =
        unitNames(m.deadMask, (l, u) => m.deadMask[l][u] && !detail.activity[l][u].silentDomain);
    const facts = [
      m.diverged ? `diverged in epoch ${m.divergedAt}, so training stopped` : `epoch ${m.epoch}`,
      m.diverged ? `${score(m).label} —` : `${score(m).label} ${score(m).text}`,
      `dead units (crossed out) ${dead.length} of ${m.units}`,
    ];
    this.q('.detail-facts').textContent = facts.join(' · ');
    this.q('.detail-units').textContent = elsewhere.length ?
        `Dead on every training point yet not silent everywhere on the plane (marked ≠ 0): ${
            elsewhere.join(', ')}. Such a unit gets no gradient from the data, but it still ` +
            'answers for inputs where there are no training points.' :
        '';
    const canvas = this.q('.detail-network');
    canvas.dataset.crossed = dead.join(', ');
    canvas.dataset.liveElsewhere = elsewhere.join(', ');
    const c = detail.curves;
    this.curveChart.setData([Array.from(c.x), Array.from(c.y), Array.from(c.dydx)]);
    const p = history.panels[i];
    const positive = (v) => (v > 0 ? v : null);
    this.lossChart.setData([history.epochs, p.train.map(positive), p.test.map(positive)]);
    drawLife(this.q('.detail-life-chart'), this.q('.detail-life-text'), p.life, m.epoch);
    drawLayerSignals(this.q('.detail-inside'), m);
    const alphaChart = this.alphaChartFor(p.alpha);
    if (alphaChart) alphaChart.setData([history.epochs, ...p.alpha]);
  }

  /** Shows the trainer's answer to the last weight edit ("" when it was set). */
  edited(error) {
    this.editor.edited(error);
  }

  /** @returns {HTMLCanvasElement} the network drawing (for a PNG). */
  networkCanvas() {
    return this.q('.detail-network');
  }
}

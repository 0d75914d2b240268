// Line charts drawn by uPlot: the test loss of every panel (log scale) and the small charts of
// the detail view. The data comes from History; this module only draws it.
import uPlot from './vendor/uPlot.esm.js';

const EPOCH_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

// Log-axis ticks: 1, 0.1, 0.01, 1e-3, ... (uPlot's default rounds small ones to "0").
function logTickLabels(_, splits) {
  return splits.map((v) => (v == null ? '' : v >= 0.01 ? String(v) : v.toExponential(0)));
}

// A log axis cannot show 0, NaN or inf: such samples become gaps.
function positiveOrNull(x) {
  return Number.isFinite(x) && x > 0 ? x : null;
}

/**
 * A uPlot chart that follows its container's width.
 * @param {HTMLElement} target
 * @param {{series: {label: string, color: string, dash?: number[]}[], logY?: boolean,
 *     height?: number, xLabel?: string, yLabel?: string, legend?: boolean, data?: number[][]}} o
 * @returns {uPlot}
 */
export function lineChart(
    target, {series, logY = false, height = 220, xLabel, yLabel, legend = true, data}) {
  const width = Math.max(200, target.clientWidth || 300);
  const opts = {
    width,
    height,
    legend: {show: legend, live: false},
    cursor: {drag: {x: false, y: false}},
    scales: {x: {time: false}, y: logY ? {distr: 3} : {}},
    // Epochs are whole numbers: no 0.5 ticks.
    axes: [
      {label: xLabel, size: 36, incrs: xLabel === 'epoch' ? EPOCH_STEPS : undefined},
      {label: yLabel, size: 56, values: logY ? logTickLabels : undefined},
    ],
    series: [
      {label: xLabel || 'x'},
      ...series.map((s) => ({
                      label: s.label,
                      stroke: s.color,
                      width: 2,
                      dash: s.dash,
                      spanGaps: false,
                      points: {show: false},
                    })),
    ],
  };
  const empty = [[], ...series.map(() => [])];
  const chart = new uPlot(opts, data || empty, target);
  const observer = new ResizeObserver(() => {
    const w = Math.max(200, target.clientWidth);
    if (w !== chart.width) chart.setSize({width: w, height});
  });
  observer.observe(target);
  chart.stopObserving = () => observer.disconnect();
  return chart;
}

/** Test loss over epochs for every panel, one coloured series each. */
export class LossChart {
  /** @param {HTMLElement} target */
  constructor(target) {
    this.target = target;
    this.chart = null;
  }

  /** Starts an empty chart for these series ({label, color}). */
  reset(series) {
    if (this.chart) {
      this.chart.stopObserving();
      this.chart.destroy();
    }
    this.chart = lineChart(this.target, {
      series,
      logY: true,
      height: 240,
      xLabel: 'epoch',
      yLabel: 'test loss (log)',
    });
  }

  /** Shows the columns [epochs, series...] (see History.testLossColumns). */
  update(columns) {
    if (!this.chart) return;
    const [xs, ...series] = columns;
    this.chart.setData([xs, ...series.map((c) => c.map(positiveOrNull))]);
  }
}

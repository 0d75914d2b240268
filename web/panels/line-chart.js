// Line charts drawn by uPlot, with the page's axes, ticks and legend: the test loss of every
// panel (log scale), the region counts, the detail view's and the evidence section's charts.
import uPlot from '../../node_modules/uplot/dist/uPlot.esm.js';

// Axis text and ticks: the page's text colour (15.8:1 on the chart's white).
const INK = '#1f2328';
const GRID = '#e3e6ea';

// The legend's marker for a series: its colour, and solid, dashed or dotted as its line is
// (a border cannot draw every dash pattern, but it keeps the three kinds apart).
function markerDash(u, i) {
  const dash = u.series[i].dash;
  if (!dash || dash.length === 0) return 'solid';
  return dash[0] <= 2 ? 'dotted' : 'dashed';
}

const EPOCH_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

// A loss above this is off the chart: a network on its way to diverging would otherwise
// stretch the axis to 1e21 and flatten every other curve.
const LOSS_CEILING = 100;
const MAX_LOG_TICKS = 6;

// The log axis spans whole decades of the data, capped at LOSS_CEILING.
function logRange(_, min, max) {
  if (min == null || max == null) return [0.1, 1];
  const lo = Math.floor(Math.log10(Math.min(min, LOSS_CEILING / 10)));
  const hi = Math.ceil(Math.log10(Math.min(max, LOSS_CEILING)));
  return [10 ** lo, 10 ** Math.max(hi, lo + 1)];
}

// One tick per decade, or per few decades, so that at most MAX_LOG_TICKS labels share the axis.
function logSplits(_, __, min, max) {
  const lo = Math.round(Math.log10(min));
  const hi = Math.round(Math.log10(max));
  const stride = Math.ceil((hi - lo + 1) / MAX_LOG_TICKS);
  const splits = [];
  for (let e = lo; e <= hi; e += stride) splits.push(10 ** e);
  return splits;
}

// 0.01 ... 100 as written; smaller ones as 1e-3 (uPlot's default rounds them to "0").
function logTickLabels(_, splits) {
  return splits.map(
      (v) => (v >= 0.01 ? String(Number(v.toPrecision(1))) : `1e${Math.round(Math.log10(v))}`));
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
    legend: {show: legend, live: false, markers: {dash: markerDash, width: 2}},
    cursor: {drag: {x: false, y: false}},
    scales: {x: {time: false}, y: logY ? {distr: 3, range: logRange} : {}},
    // Epochs are whole numbers: no 0.5 ticks.
    axes: [
      {label: xLabel, size: 36, incrs: xLabel === 'epoch' ? EPOCH_STEPS : undefined},
      logY ? {label: yLabel, size: 56, splits: logSplits, values: logTickLabels} :
             {label: yLabel, size: 56},
    ].map((axis) => ({...axis, stroke: INK, grid: {stroke: GRID}, ticks: {stroke: GRID}})),
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

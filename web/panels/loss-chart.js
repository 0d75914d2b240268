// The test loss of every panel over epochs (log scale). uPlot is fetched once the first epoch is
// shown, not with the page: the panels show before it arrives, and the chart catches up with
// the latest data. The data comes from the page's run history; this module only draws it.
import {afterFirstEpoch, once} from '../common/lazy.js';

/** The line-chart module (uPlot inside), fetched once, after the first epoch is shown. */
export const loadLineChart = once(() => afterFirstEpoch.then(() => import('./line-chart.js')));

// A log axis cannot show 0, NaN or inf: such samples become gaps.
function positiveOrNull(x) {
  return Number.isFinite(x) && x > 0 ? x : null;
}

/** Test loss over epochs for every panel, one coloured series each. */
export class LossChart {
  /** @param {HTMLElement} target */
  constructor(target) {
    this.target = target;
    this.chart = null;
    this.columns = null;  // the latest data, drawn once the chart exists
    this.marked = null;   // the timeline's epoch, drawn once the chart exists
    this.resets = 0;      // a chart that arrives after a newer reset is not drawn
  }

  /** Starts an empty chart for these series ({label, color}), the loss named by yLabel. */
  reset(series, yLabel = 'test loss (log)') {
    const reset = ++this.resets;
    this.columns = null;
    if (this.chart) {
      this.chart.stopObserving();
      this.chart.destroy();
      this.chart = null;
    }
    delete this.target.dataset.drawn;
    loadLineChart().then(({lineChart}) => {
      if (reset !== this.resets) return;
      this.chart = lineChart(this.target, {
        series,
        logY: true,
        height: 240,
        xLabel: 'epoch',
        yLabel,
      });
      if (this.columns) this.update(this.columns);
      this.mark(this.marked);
      this.target.dataset.drawn = 'true';
    });
  }

  /** A vertical line at `epoch` (the timeline's), or none for null. */
  mark(epoch) {
    this.marked = epoch;
    this.target.dataset.mark = epoch === null ? '' : String(epoch);
    if (!this.chart) return;
    this.cursor ??= Object.assign(document.createElement('div'), {className: 'loss-mark'});
    if (this.cursor.parentNode !== this.chart.over) this.chart.over.append(this.cursor);
    this.cursor.hidden = epoch === null;
    // Placed once the chart has drawn: data set in the same task rescales it only then.
    const chart = this.chart;
    if (epoch !== null) {
      requestAnimationFrame(() => {
        this.cursor.style.left = `${chart.valToPos(epoch, 'x')}px`;
      });
    }
  }

  /** Shows the columns [epochs, series...] (see MetricHistory.testLossColumns). */
  update(columns) {
    this.columns = columns;
    if (!this.chart) return;
    const [xs, ...series] = columns;
    this.chart.setData([xs, ...series.map((c) => c.map(positiveOrNull))]);
  }
}

// The linear-region count of every panel over epochs, in one chart; the counts are kept from the
// first frame and drawn once uPlot (fetched on first use) is there.
import {loadLineChart} from './loss-chart.js';

const MAX_SAMPLES = 2000;

/** Region counts of every panel over epochs, charted (null for smooth or diverged panels). */
export class RegionChart {
  /** @param {HTMLElement} target */
  constructor(target) {
    this.target = target;
    this.chart = null;
    this.epochs = [];
    this.counts = [];
    this.shown = null;  // which panels have a line, fixed by the first frame with counts
    this.resets = 0;    // a chart that arrives after a newer reset is not drawn
  }

  /** Starts an empty chart for these series ({label, color}). */
  reset(series) {
    this.epochs = [];
    this.counts = series.map(() => []);
    this.series = series;
    this.shown = null;
    this.resets += 1;
    if (this.chart) {
      this.chart.stopObserving();
      this.chart.destroy();
      this.chart = null;
    }
  }

  /** Adds one frame's counts at `epoch` (a repeated epoch replaces its sample). */
  push(epoch, regions) {
    if (!this.series) return;
    if (!this.shown && !this.target.closest('[hidden]')) this.draw(regions);
    if (this.epochs.at(-1) === epoch) {
      this.epochs.pop();
      for (const c of this.counts) c.pop();
    }
    this.epochs.push(epoch);
    regions.forEach((r, i) => this.counts[i].push(r && r.count !== null ? r.count : null));
    if (this.epochs.length > MAX_SAMPLES) {
      const keep = (_, i, all) => i % 2 === 0 || i === all.length - 1;
      this.epochs = this.epochs.filter(keep);
      this.counts = this.counts.map((c) => c.filter(keep));
    }
    this.setData();
  }

  // Starts the chart (uPlot is fetched on first use) with the panels that have regions.
  draw(regions) {
    // Only panels that have regions get a line: a smooth one's legend entry would stay empty.
    this.shown = regions.map((r) => r !== null && r.count !== null);
    const reset = this.resets;
    loadLineChart().then(({lineChart}) => {
      if (reset !== this.resets) return;
      this.chart = lineChart(this.target, {
        series: this.series.filter((_, i) => this.shown[i]),
        height: 200,
        xLabel: 'epoch',
        yLabel: 'linear regions',
      });
      this.setData();
    });
  }

  setData() {
    if (!this.chart) return;
    this.chart.setData([this.epochs, ...this.counts.filter((_, i) => this.shown[i])]);
  }
}

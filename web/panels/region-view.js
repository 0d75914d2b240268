// Linear regions on the page: each panel's count (from the worker's arena.regions), its region
// borders drawn over the field, and the counts over training in one chart. Counting is core's.
import {lineChart} from './loss-chart.js';

/** The grid the worker counts on: exact on it, and a lower bound of the true count. */
export const REGION_RESOLUTION = 128;
// Dark and half transparent: a deep ReLU network has hundreds of regions, and the field and the
// points must stay readable under their borders.
const BORDER_RGBA = [31, 35, 40, 120];
const MAX_SAMPLES = 2000;

/**
 * What the count means, in one paragraph for the chart's note.
 * @returns {string}
 */
export function regionsNote() {
  return 'A ReLU-like unit is either on (its input above 0) or off; where every hidden unit keeps ' +
      'the same on/off pattern the whole network is one linear function, so the plane splits ' +
      'into linear regions whose borders are the corners and lines of the decision boundary. ' +
      `Counted on a ${REGION_RESOLUTION} × ${REGION_RESOLUTION} grid of the plotted square: ` +
      'exact for that grid; a region smaller than a cell is missed (and, rarely, one joined ' +
      'only by a neck thinner than a cell counts twice), so the count nears the true one as ' +
      'the grid refines. ' +
      'Smooth activations (tanh, GELU, ...) bend everywhere: their networks have ' +
      'no linear regions to count.';
}

// The stat row a panel shows while regions are on ("regions 23"), added on first use.
function statRow(panel) {
  let row = panel.stats.querySelector('.stat-regions');
  if (!row) {
    row = document.createElement('div');
    row.className = 'stat stat-regions';
    row.title = `linear regions on a ${REGION_RESOLUTION} × ${REGION_RESOLUTION} grid`;
    const dt = document.createElement('dt');
    dt.textContent = 'linear regions';
    row.append(dt, document.createElement('dd'));
    panel.stats.append(row);
  }
  return row;
}

/**
 * Shows one panel's regions: its count (or why it has none) and the borders over its field,
 * which must have just been drawn. `regions` null removes the row (regions off).
 * @param {import('./panel.js').Panel} panel
 * @param {{count: number|null, resolution: number, borders: Uint8Array|null,
 *     explanation?: string}|null} regions
 */
export function showRegions(panel, regions) {
  if (!regions) {
    panel.stats.querySelector('.stat-regions')?.remove();
    delete panel.root.dataset.regions;
    return;
  }
  const row = statRow(panel);
  const value = row.querySelector('dd');
  value.textContent = regions.count === null ? 'none (smooth)' : String(regions.count);
  row.title = regions.count === null ? regions.explanation :
                                       `linear regions on a ${regions.resolution}² grid`;
  panel.root.dataset.regions = regions.count === null ? 'none' : String(regions.count);
  if (regions.borders) drawBorders(panel.canvas, regions.borders, regions.resolution);
}

// Border cells as dark pixels, scaled (without smoothing) over the canvas.
function drawBorders(canvas, borders, resolution) {
  const image = new ImageData(resolution, resolution);
  for (let k = 0; k < borders.length; ++k) {
    if (borders[k]) image.data.set(BORDER_RGBA, 4 * k);
  }
  const scratch = new OffscreenCanvas(resolution, resolution);
  scratch.getContext('2d').putImageData(image, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingEnabled = true;
}

/** Region counts of every panel over epochs, charted (null for smooth or diverged panels). */
export class RegionChart {
  /** @param {HTMLElement} target */
  constructor(target) {
    this.target = target;
    this.chart = null;
    this.epochs = [];
    this.counts = [];
  }

  /** Starts an empty chart for these series ({label, color}). */
  reset(series) {
    this.epochs = [];
    this.counts = series.map(() => []);
    this.series = series;
    if (this.chart) {
      this.chart.stopObserving();
      this.chart.destroy();
      this.chart = null;
    }
  }

  /** Adds one frame's counts at `epoch` (a repeated epoch replaces its sample). */
  push(epoch, regions) {
    if (!this.series) return;
    if (!this.chart && !this.target.closest('[hidden]')) {
      // Only panels that have regions get a line: a smooth one's legend entry would stay empty.
      this.shown = regions.map((r) => r !== null && r.count !== null);
      this.chart = lineChart(this.target, {
        series: this.series.filter((_, i) => this.shown[i]),
        height: 200,
        xLabel: 'epoch',
        yLabel: 'linear regions',
      });
    }
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
    if (this.chart) {
      this.chart.setData([this.epochs, ...this.counts.filter((_, i) => this.shown[i])]);
    }
  }
}

// Linear regions on the page: each panel's count (from the worker's arena.regions) and its region
// borders drawn over the field (region-chart.js charts the counts over training). Counting is
// core's.
import {drawBorders} from './region-borders.js';

/** The grid the worker counts on: exact on it, and a lower bound of the true count. */
export const REGION_RESOLUTION = 128;

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
  // Where a worker draws the field, it draws the borders too.
  if (regions.borders && panel.field)
    drawBorders(panel.canvas, regions.borders, regions.resolution);
}

// What the page draws of a run: a new arena's panels and chart series, then each frame (fields,
// metrics, the epoch, the loss and region charts, the timeline, the open detail view). It keeps
// what its charts draw of the worker's run history; it sends nothing to the trainer.
import {setText} from '../common/dom.js';
import {LossChart} from '../panels/loss-chart.js';
import {PanelGrid} from '../panels/panel-grid.js';
import {PANEL_COLORS, PANEL_DASHES, panelTitle, paramsText} from '../panels/panel.js';
import {RegionChart} from '../panels/region-chart.js';
import {showRegions} from '../panels/region-view.js';
import {ResolutionNote} from '../panels/resolution-note.js';
import {showValueLegend} from '../panels/value-legend.js';
import {currentEpoch, MetricHistory} from '../time/metric-history.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;

// Whole epochs as they are; a fraction (mini-batch steps) with two decimals.
function epochText(epochs) {
  return Number.isInteger(epochs) ? String(epochs) : epochs.toFixed(2);
}

// One chart series per panel: its title with its parameters, its colour and dash.
function seriesOf(panels, names) {
  return panels.map((panel, i) => {
    const params = paramsText(panel);
    const title = panelTitle(panel, names);
    return {
      label: params ? `${title} (${params})` : title,
      color: PANEL_COLORS[i % PANEL_COLORS.length],
      dash: PANEL_DASHES[i % PANEL_DASHES.length],
    };
  });
}

/** What the workers' painters draw by (field-painter.js), from the page's settings. */
export function paintView(settings) {
  return {discrete: Boolean(settings.discretize), test: Boolean(settings.test)};
}

export class RunView {
  /**
   * @param {(index: number) => void} openDetail a panel's title was clicked
   * @param {object} detail the detail view (update(frame, history))
   */
  constructor(openDetail, detail) {
    this.grid = new PanelGrid($('panels'), openDetail);
    this.lossChart = new LossChart($('loss-chart'));
    this.regionChart = new RegionChart($('regions-chart'));
    this.resolutionNote = new ResolutionNote($('resolution-note'));
    this.detail = detail;
    this.history = new MetricHistory(0);
    this.timeline = null;  // the timeline and its tools, which need the page's callbacks
    this.timeTools = null;
  }

  /** A new arena's panels, shown with its first frame so that old fields never sit under them. */
  created(panels, names, data) {
    showValueLegend(document.querySelector('.legend-box'), data.range);
    this.history = new MetricHistory(panels.length);
    this.grid.setPanels(panels, names);
    const series = seriesOf(panels, names);
    // A regression's loss is the mean squared error.
    $('chart-title').textContent =
        data.range ? 'Test mean squared error of every panel' : 'Test loss of every panel';
    this.lossChart.reset(series, data.range ? 'test MSE (log)' : 'test loss (log)');
    this.regionChart.reset(series);
  }

  /** One frame of the current arena, with the page's settings and the arena's data. */
  frame(frame, settings, data) {
    this.take(frame);
    this.show(frame, settings, data);
  }

  /** Keeps what a frame brings once (the epochs kept since the last), shown or not. */
  take(frame) {
    this.history.update(frame.recorded, frame.time.epochs);
  }

  /** Shows a frame taken already: its numbers, charts, timeline and (if the page draws) fields. */
  show(frame, settings, data) {
    // The live end is drawn after the kept epochs; a kept epoch the timeline shows is one of them.
    this.lossChart.update(
        this.history.testLossColumns(frame.time.shown === null ? frame.metrics : undefined));
    this.timeline.update(frame.time, frame.epochs);
    this.timeTools.onFrame(frame);
    this.lossChart.mark(frame.time.shown);
    // First: it shows the regions chart's box, which the chart needs to size itself.
    this.draw(frame, settings, data);
    this.resolutionNote.show(frame, settings.res);
    if (frame.regions) this.regionChart.push(currentEpoch(frame.metrics), frame.regions);
  }

  /** Draws a frame again (a setting that changes only the drawing). */
  draw(frame, settings, data) {
    this.grid.draw(frame, data, settings);
    $('regions-box').hidden = !settings.regions;
    this.grid.panels.forEach(
        (panel, i) => showRegions(panel, settings.regions && frame.regions?.[i]));
    const epochs = frame.epochs ?? currentEpoch(frame.metrics);
    setText($('epoch'), epochText(epochs));
    root.dataset.epochs = String(epochs);
    this.detail.update(frame, this.history);
  }

  /** "Continue from here": the charts forget what came after `epoch`. */
  truncate(epoch) {
    this.history.truncate(epoch);
    this.lossChart.update(this.history.testLossColumns());
  }
}
